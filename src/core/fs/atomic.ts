/**
 * Temp-then-rename writes: a reader (or a crash) sees either the old file or the new one, never a
 * half-written one. The temp name is unique per write so two writers never share a temp file, and it
 * starts with a dot and ends in `.tmp` so leftovers from a killed process are easy to recognise and sweep.
 */
import { open, rename, rm, readdir, lstat, type FileHandle } from 'node:fs/promises';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { toUserError } from '../errors';
import { isProcessAlive } from './lock';

export const TEMP_SUFFIX = '.tmp';

export function tempNameFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
}

/**
 * Write `data` to `target` atomically (write temp, fsync, rename). `beforeRename` may throw to abandon
 * the write at the last moment (a cancelled bind); the temp file is removed either way. `durable:
 * false` skips the fsync, for a copy that is checked before use anyway (the record's last-good copy).
 */
export async function writeFileAtomic(
  target: string,
  data: Uint8Array | string,
  opts: { beforeRename?: () => void; durable?: boolean } = {},
): Promise<void> {
  await writeStreamAtomic(target, (handle) => handle.writeFile(data), opts);
}

/** The same for content written in pieces: `write` fills the temp file through its handle. */
export async function writeStreamAtomic(
  target: string,
  write: (handle: FileHandle) => Promise<void>,
  /** durable: false skips the fsync, for disposable files (a cache) that a crash may lose. */
  opts: { beforeRename?: () => void; durable?: boolean } = {},
): Promise<void> {
  const temp = tempNameFor(target);
  try {
    const handle = await open(temp, 'wx');
    try {
      await write(handle);
      if (opts.durable !== false) await handle.sync();
    } finally {
      await handle.close();
    }
    opts.beforeRename?.();
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw toUserError(error, target);
  }
}

/**
 * The same, synchronously, for the few bytes written while the process is about to exit (the
 * window's size on close), where an awaited write could be cut off by the quit.
 */
export function writeFileAtomicSync(target: string, data: string): void {
  const temp = tempNameFor(target);
  try {
    writeFileSync(temp, data, { flag: 'wx' });
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw toUserError(error, target);
  }
}

/** Temp names made by tempNameFor: `.<target>.<pid>-<8 hex>.tmp`. */
const TEMP_NAME = /^\.(.+)\.(\d+)-[0-9a-f]{8}\.tmp$/;

/**
 * Remove temp files that a killed process left in `dir`: only names tempNameFor makes, only regular
 * files, and only for `target` (a file name, or a pattern for the names) when given — a packet may
 * be written into a folder that is not ours, and a received project may hold files of the same
 * shape that are not ours either. Files of a process still running (this one, or the CLI next to
 * the app) are mid-write and are left alone.
 */
export async function sweepTempFiles(dir: string, target?: string | RegExp): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  const stale: string[] = [];
  for (const name of names) {
    const match = TEMP_NAME.exec(name);
    if (!match) continue;
    const [, of, pid] = match;
    if (typeof target === 'string' ? of !== target : target ? !target.test(of) : false) continue;
    if (isProcessAlive(Number(pid))) continue;
    const info = await lstat(join(dir, name)).catch(() => null);
    if (info?.isFile()) stale.push(name);
  }
  await Promise.all(stale.map((name) => rm(join(dir, name), { force: true })));
  return stale.length;
}
