/**
 * The vault: `vault/<sha256>`, every imported file copied in once under its hash and never modified;
 * reads verify the hash, so a file changed underneath is refused rather than bound.
 */
import { createReadStream } from 'node:fs';
import { access, mkdir, open, rename, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { UserError, toUserError } from '../errors';
import { tempNameFor, writeFileAtomic } from '../fs/atomic';
import { readRegularFile } from '../fs/confine';
import { VAULT_DIR, type FileRef, type ProjectDoc } from '../model/schemas/project';

export function vaultPath(dir: string, sha256: string): string {
  return join(dir, VAULT_DIR, sha256);
}
export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Copy bytes into the vault under their hash (stored once however often imported). */
export async function storeInVault(dir: string, bytes: Uint8Array): Promise<string> {
  const sha256 = sha256Of(bytes);
  const target = vaultPath(dir, sha256);
  if (!(await exists(target))) {
    await mkdir(join(dir, VAULT_DIR), { recursive: true });
    await writeFileAtomic(target, bytes);
  }
  return sha256;
}

/** Read an imported file back, verifying it is still the file that was imported. */
export async function readVaultFile(dir: string, ref: FileRef): Promise<Uint8Array<ArrayBuffer>> {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = new Uint8Array(await readRegularFile(vaultPath(dir, ref.sha256)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UserError('project.vaultMissing', { file: ref.name });
    }
    throw toUserError(error, vaultPath(dir, ref.sha256));
  }
  if (sha256Of(bytes) !== ref.sha256) throw new UserError('project.vaultTampered', { file: ref.name });
  return bytes;
}

/** Verify every attached file before binding; returns the names of problems as UserErrors (first one thrown). */
export async function verifyVault(project: { dir: string; doc: ProjectDoc }): Promise<void> {
  for (const [materialId, entry] of Object.entries(project.doc.materials)) {
    for (const ref of entry.files) {
      try {
        await readVaultFile(project.dir, ref);
      } catch (error) {
        if (error instanceof UserError) {
          throw new UserError(error.code, { ...error.params, material: materialId });
        }
        throw error;
      }
    }
  }
}

/** A file read from disk in one pass that hashed it and copied it beside the vault (not yet named). */
export interface StagedCopy {
  bytes: Uint8Array;
  sha256: string;
  /** Commit the copy as `vault/<sha256>` (true when this made it), or drop it. */
  commit(): Promise<boolean>;
  discard(): Promise<void>;
}

/**
 * Read `path` once: every chunk is hashed and written to a temp file in the vault as it arrives, so
 * an import reads, hashes and copies a photo in one pass. The bytes are kept too, for inspection.
 * The temp name is the vault's own kind (swept on open if a killed import left it).
 */
export async function stageIntoVault(dir: string, path: string): Promise<StagedCopy> {
  const vault = join(dir, VAULT_DIR);
  await mkdir(vault, { recursive: true });
  const temp = tempNameFor(join(vault, '0'.repeat(64)));
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  const discard = () => rm(temp, { force: true }).then(() => undefined);
  try {
    const handle = await open(temp, 'wx');
    try {
      for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
        hash.update(chunk as Buffer);
        chunks.push(chunk as Buffer);
        await handle.writeFile(chunk as Buffer);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await discard();
    throw toUserError(error, path);
  }
  const sha256 = hash.digest('hex');
  const bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
  return {
    bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    sha256,
    discard,
    commit: async () => {
      const target = vaultPath(dir, sha256);
      if (await exists(target)) {
        await discard();
        return false;
      }
      try {
        await rename(temp, target);
      } catch (error) {
        await discard();
        throw toUserError(error, target);
      }
      return true;
    },
  };
}
