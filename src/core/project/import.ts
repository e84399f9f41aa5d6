/**
 * The one step every import takes (project files, profile library documents): convert what can be
 * converted (WebP/TIFF/GIF), then inspect by content. The caller stores `bytes` in its vault; the
 * user's original is never written.
 */
import { convertForImport } from '../images/convert';
import { inspectFile } from '../pdf/inspect';
import { decryptPdf } from '../pdf/load';
import type { FileRef } from '../model/schemas/project';

/** What a file reference and a library document both record about an imported file. */
export type ImportedFile = Pick<
  FileRef,
  'name' | 'size' | 'mediaType' | 'pages' | 'width' | 'height' | 'convertedFrom' | 'originalName' | 'unlocked'
>;

export interface PreparedImport {
  /** The bytes to store: the original, or the converted file. */
  bytes: Uint8Array;
  file: ImportedFile;
}

export async function prepareImport(bytes: Uint8Array, name: string, password?: string): Promise<PreparedImport> {
  const converted = await convertForImport(bytes, name);
  const info = await inspectFile(converted.bytes, converted.name, { password });
  // A PDF with an open password is stored decrypted (the password was just checked), so the password
  // itself — often one the user has elsewhere too — is never written into matprep.json. The copy is
  // no more exposed than the encrypted file next to its password would be.
  const unlocked = info.encryption === 'user';
  const stored = unlocked ? await decryptPdf(converted.bytes, converted.name, password) : converted.bytes;
  return {
    bytes: stored,
    file: {
      name: converted.name,
      size: stored.byteLength,
      mediaType: info.mediaType,
      pages: info.pages,
      width: info.width,
      height: info.height,
      convertedFrom: converted.convertedFrom,
      originalName: converted.convertedFrom ? name : undefined,
      unlocked: unlocked || undefined,
    },
  };
}
