/**
 * Which prepared image (`../images/placed.ts`) a file becomes in a packet: its spec from the bind
 * options (DPI, quality, the file's turn, landscape handling, the content boxes the frames leave),
 * and the preparation itself, reading the vault only when the cache has no verified entry. The job
 * worker prepares a project's images after an import with the same spec, so the bind finds them.
 */
import type { BlobCache } from '../cache/store';
import { UserError } from '../errors';
import { foreignError, sniff } from '../fs/sniff';
import { preparePlaced, type PlacedImageSpec } from '../images/placed';
import type { PreparedImage } from '../images/prepare';
import type { BindOptions } from '../model/schemas/bind-options';
import type { FileRef } from '../model/schemas/project';
import { pageRotation } from '../project/pages';
import { sha256Of } from '../project/vault';
import { frameFor } from './geometry';

export function isImageFile(file: FileRef): boolean {
  return file.mediaType === 'image/jpeg' || file.mediaType === 'image/png';
}

/** The spec a file's image is placed with under `options`; a box is a frame's content size. */
export function placedSpec(
  file: FileRef,
  options: Pick<BindOptions, 'dpi' | 'jpegQuality' | 'landscape' | 'header' | 'bindingMargin'>,
): PlacedImageSpec {
  const box = (landscape: boolean) => {
    const { content } = frameFor({ landscape, header: options.header, bindingMargin: options.bindingMargin });
    return { width: content.width, height: content.height };
  };
  return {
    dpi: options.dpi,
    quality: options.jpegQuality,
    rotate: pageRotation(file, 0),
    turnLandscape: options.landscape === 'rotate',
    portraitBox: box(false),
    ...(options.landscape === 'keep' ? { landscapeBox: box(true) } : {}),
  };
}

/** The file's bytes, refused as binding always refused them (empty, not an image at all). */
export function checkedBytes(
  file: FileRef,
  loadFile: (ref: FileRef) => Promise<Uint8Array>,
): () => Promise<Uint8Array> {
  return async () => {
    const bytes = await loadFile(file);
    if (bytes.length === 0) throw new UserError('file.empty', { file: file.name });
    const sniffed = sniff(bytes);
    if (sniffed.kind === 'foreign') throw foreignError(sniffed.type, file.name);
    return bytes;
  };
}

/**
 * The file's prepared image. `loadFile` gives the bytes to place — the flattened page of a photo where
 * `../scan` made one and the user kept it, else the original — so the key names the sha256 of those
 * bytes: a flattened page, other corners, or the original switched back to each have their own entry.
 */
export async function prepareFileImage(
  file: FileRef,
  options: BindOptions,
  loadFile: (ref: FileRef) => Promise<Uint8Array>,
  cache?: BlobCache,
): Promise<PreparedImage> {
  const bytes = await checkedBytes(file, loadFile)();
  return preparePlaced(
    { sha256: sha256Of(bytes), name: file.name, bytes: async () => bytes },
    placedSpec(file, options),
    cache,
  );
}
