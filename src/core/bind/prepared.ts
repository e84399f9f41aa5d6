/**
 * Which prepared image (`../images/placed.ts`) a file becomes in a packet: its spec from the bind
 * options (DPI, quality, the file's turn, landscape handling, the content boxes the frames leave),
 * and the preparation itself, reading the vault only when the cache has no verified entry. The job
 * worker prepares a project's images after an import with the same spec, so the bind finds them.
 */
import type { BlobCache } from '../cache/store';
import { UserError } from '../errors';
import { foreignError, sniff } from '../fs/sniff';
import { preparePlaced, type ImageOrigin, type PlacedImageSpec } from '../images/placed';
import type { PreparedImage } from '../images/prepare';
import type { BindOptions } from '../model/schemas/bind-options';
import { isImageFile, type FileRef } from '../model/schemas/project';
import { pageRotation } from '../project/pages';
import { sha256Of } from '../project/vault';
import { frameFor } from './geometry';

export { isImageFile };

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

/** Where each file's placed image comes from (`../scan/store.ts` placedOrigin for a project). */
export type ImageOriginOf = (ref: FileRef) => Promise<ImageOrigin>;

/**
 * An origin for files known only by their bytes (an export's loader, a record whose PDF is an image):
 * the bytes are read at once and hashed: the file as imported shares the project's entries, other
 * bytes (a flattened page) are named by their own sha256, so different bytes never share an entry.
 */
export function originOfBytes(
  loadFile: (ref: FileRef) => Promise<Uint8Array>,
  /** false: nothing is cached, so no name is needed and the bytes are not hashed (an export's retries). */
  named = true,
): ImageOriginOf {
  return async (ref) => {
    const bytes = await loadFile(ref);
    if (!named) return { bytes: async () => bytes };
    const sha256 = sha256Of(bytes);
    return { ...(sha256 === ref.sha256 ? {} : { variant: { bytes: sha256 } }), bytes: async () => bytes };
  };
}

/**
 * The file's prepared image: from the cache when an entry exists for its origin (the original, or the
 * flattened page of a photo where `../scan` made one and the user kept it) and the bind options, else
 * made from the origin's bytes, refused as binding always refused them.
 */
export async function prepareFileImage(
  file: FileRef,
  options: BindOptions,
  originOf: ImageOriginOf,
  cache?: BlobCache,
): Promise<PreparedImage> {
  const { variant, bytes } = await originOf(file);
  const spec = placedSpec(file, options);
  return preparePlaced(
    { sha256: file.sha256, name: file.name, bytes: checkedBytes(file, () => bytes()) },
    variant ? { ...spec, variant } : spec,
    cache,
  );
}
