/**
 * The vault: `vault/<sha256>`, every imported file copied in once under its hash and never modified;
 * reads verify the hash, so a file changed underneath is refused rather than bound.
 */
import { createReadStream, type Stats } from 'node:fs';
import { access, lstat, mkdir, open, rename, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { UserError, toUserError } from '../errors';
import { mapLimited } from '../concurrency';
import { tempNameFor, writeFileAtomic } from '../fs/atomic';
import { readRegularFileStat } from '../fs/confine';
import type { BlobCache } from '../cache/store';
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

/**
 * A vault file's identity on disk (device, inode, size, mtime, ctime) when its hash was checked. Any
 * write to the file changes its ctime, which no user-space tool can set back, so a file whose status
 * still matches a stamp recorded after a check still has the bytes that were checked. Stamps live in
 * the project's cache (disposable: without them every file is hashed again).
 */
const stampOf = (info: Stats) => `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
const verifiedKey = (sha256: string, stamp: string) => ({ kind: 'vault-verified', sha256, stamp });

/**
 * Read an imported file back, verifying it is still the file that was imported. With `verified` (the
 * project's cache), a file whose status matches a stamp recorded after an earlier check is not hashed again.
 */
export async function readVaultFile(dir: string, ref: FileRef, verified?: BlobCache): Promise<Uint8Array<ArrayBuffer>> {
  let read: Awaited<ReturnType<typeof readRegularFileStat>>;
  try {
    read = await readRegularFileStat(vaultPath(dir, ref.sha256));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UserError('project.vaultMissing', { file: ref.name });
    }
    throw toUserError(error, vaultPath(dir, ref.sha256));
  }
  // pdf-lib reads some inputs through their ArrayBuffer from its start: a view only when it is the whole buffer.
  const whole = read.bytes.byteOffset === 0 && read.bytes.byteLength === read.bytes.buffer.byteLength;
  const bytes = whole ? new Uint8Array(read.bytes.buffer as ArrayBuffer) : new Uint8Array(read.bytes);
  const key = read.stable ? verifiedKey(ref.sha256, stampOf(read.stats)) : undefined;
  if (key && verified && (await verified.get(key))) return bytes;
  if (sha256Of(bytes) !== ref.sha256) throw new UserError('project.vaultTampered', { file: ref.name });
  if (key) await verified?.put(key, new Uint8Array());
  return bytes;
}

/** Record that the vault file `sha256` has just been written or checked (the import knows its hash). */
export async function recordVerified(dir: string, sha256: string, verified?: BlobCache): Promise<void> {
  const info = verified && (await lstat(vaultPath(dir, sha256)).catch(() => undefined));
  if (info?.isFile()) await verified!.put(verifiedKey(sha256, stampOf(info)), new Uint8Array());
}

/** Whether the vault file of `ref` is known to be unchanged since its hash was checked (see `stampOf`). */
async function knownIntact(dir: string, ref: FileRef, verified?: BlobCache): Promise<boolean> {
  if (!verified) return false;
  const info = await lstat(vaultPath(dir, ref.sha256)).catch(() => undefined);
  return !!info?.isFile() && !!(await verified.get(verifiedKey(ref.sha256, stampOf(info))));
}

/** Verify every attached file before binding; returns the names of problems as UserErrors (first one thrown). */
export async function verifyVault(project: { dir: string; doc: ProjectDoc }, verified?: BlobCache): Promise<void> {
  // Each content once, under the first material (in the project's order) that holds it.
  const seen = new Set<string>();
  const files = Object.entries(project.doc.materials)
    .flatMap(([materialId, entry]) => entry.files.map((ref) => ({ materialId, ref })))
    .filter(({ ref }) => !seen.has(ref.sha256) && seen.add(ref.sha256));
  // The stamps a few at a time (a stat and a small read each, mostly waiting on the disk); the files
  // whose stamp no longer matches are then read and hashed one at a time, as each is held whole.
  const intact = await mapLimited(files, 8, ({ ref }) => knownIntact(project.dir, ref, verified));
  for (const [i, { materialId, ref }] of files.entries()) {
    if (intact[i]) continue;
    try {
      await readVaultFile(project.dir, ref, verified);
    } catch (error) {
      throw error instanceof UserError ? new UserError(error.code, { ...error.params, material: materialId }) : error;
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
