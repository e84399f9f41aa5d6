/**
 * The one step every import takes (project files, profile library documents): convert what can be
 * converted (WebP/TIFF/GIF), then inspect by content. The caller stores `bytes` in its vault; the
 * user's original is never written.
 */
import { convertForImport } from '../images/convert';
import { inspectFile } from '../pdf/inspect';
import { decryptPdf } from '../pdf/load';
import type { FileRef } from '../model/schemas/project';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { UserError, toUserError } from '../errors';
import { MAX_IMPORT_BYTES } from '../model/limits';
import { exists, sha256Of, stageIntoVault, storeInVault, vaultPath } from './vault';

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

/** A file to import: a path on disk, or bytes with a name (from the browser side). */
export type ImportSource = { path: string } | { name: string; data: Uint8Array };

/** A path to import: a regular file within the size limit; its name. */
async function checkSourcePath(path: string): Promise<string> {
  const name = basename(path);
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new UserError('project.notAFile', { file: path });
    if (info.size > MAX_IMPORT_BYTES) {
      throw new UserError('project.fileTooLarge', { file: name, limitMB: MAX_IMPORT_BYTES / 1024 / 1024 });
    }
    return name;
  } catch (error) {
    throw toUserError(error, path);
  }
}

export async function readSource(source: ImportSource): Promise<{ name: string; bytes: Uint8Array }> {
  if ('data' in source) {
    if (source.data.byteLength > MAX_IMPORT_BYTES) {
      throw new UserError('project.fileTooLarge', { file: source.name, limitMB: MAX_IMPORT_BYTES / 1024 / 1024 });
    }
    return { name: basename(source.name), bytes: source.data };
  }
  const name = await checkSourcePath(source.path);
  try {
    return { name, bytes: new Uint8Array(await readFile(source.path)) };
  } catch (error) {
    throw toUserError(error, source.path);
  }
}

interface ImportedInVault {
  file: ImportedFile;
  sha256: string;
  /** Put the vault copy back if another writer removed it meanwhile (run under the project lock). */
  restore: () => Promise<void>;
}

/** Store converted or received bytes under their hash; `fresh` collects copies this import made. */
async function storeBytes(
  dir: string,
  bytes: Uint8Array,
  file: ImportedFile,
  fresh: string[],
): Promise<ImportedInVault> {
  const sha256 = sha256Of(bytes);
  if (!(await exists(vaultPath(dir, sha256)))) fresh.push(sha256);
  await storeInVault(dir, bytes);
  return { file, sha256, restore: async () => void (await storeInVault(dir, bytes)) };
}

/**
 * Import one source. A file on disk is read once, hashed and copied into the vault as it is read
 * (`stageIntoVault`); the copy is named only once inspection accepted it, or dropped when the file is
 * converted (the converted bytes are stored instead).
 */
export async function importOne(
  dir: string,
  source: ImportSource,
  password: string | undefined,
  fresh: string[],
): Promise<ImportedInVault> {
  if ('data' in source) {
    const original = await readSource(source);
    const { bytes, file } = await prepareImport(original.bytes, original.name, password);
    return storeBytes(dir, bytes, file, fresh);
  }
  const name = await checkSourcePath(source.path);
  const staged = await stageIntoVault(dir, source.path);
  try {
    const { bytes, file } = await prepareImport(staged.bytes, name, password);
    if (bytes !== staged.bytes) {
      await staged.discard();
      return await storeBytes(dir, bytes, file, fresh);
    }
    if (await staged.commit()) fresh.push(staged.sha256);
    const { sha256 } = staged;
    const restore = async () => {
      if (await exists(vaultPath(dir, sha256))) return;
      const again = new Uint8Array(await readFile(source.path).catch(() => Buffer.alloc(0)));
      if (sha256Of(again) !== sha256) throw new UserError('project.vaultMissing', { file: name });
      await storeInVault(dir, again);
    };
    return { file, sha256, restore };
  } catch (error) {
    await staged.discard();
    throw error;
  }
}
