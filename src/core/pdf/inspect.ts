/**
 * inspectFile: what an imported file is, checked by content. Used by the project store on import,
 * so problems (wrong type, damage, password, decompression bombs) are reported when the user adds
 * the file rather than when they bind.
 */
import { UserError } from '../errors';
import { readImageInfo } from '../images/prepare';
import { loadPdf, type Encryption } from './load';
import { assertNoBombs } from './bombs';
import { foreignError, sniff, type SupportedType } from '../fs/sniff';

export interface FileInfo {
  mediaType: SupportedType;
  pages?: number;
  /** Images: upright size in pixels (after EXIF orientation). */
  width?: number;
  height?: number;
  encryption?: Encryption;
}

export async function inspectFile(
  bytes: Uint8Array,
  name: string,
  opts: { password?: string } = {},
): Promise<FileInfo> {
  if (bytes.length === 0) throw new UserError('file.empty', { file: name });
  const sniffed = sniff(bytes);
  if (sniffed.kind === 'foreign') throw foreignError(sniffed.type, name);
  if (sniffed.mediaType === 'application/pdf') {
    const loaded = await loadPdf(bytes, name, opts);
    assertNoBombs(loaded.doc, name);
    return { mediaType: sniffed.mediaType, pages: loaded.pageRefs.length, encryption: loaded.encryption };
  }
  const info = await readImageInfo(bytes, name);
  return { mediaType: sniffed.mediaType, pages: 1, width: info.width, height: info.height };
}
