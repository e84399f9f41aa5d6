/**
 * Reading only what is really there: a received project folder may hold a `matprep.json` that is a
 * symlink to a file elsewhere (read through, copied into a backup, quoted in an error), a FIFO that
 * blocks a reader for ever, or a `vault/` that points at another folder. These helpers open without
 * following links and refuse anything that is not a regular file or a real folder.
 */
import { constants, type Stats } from 'node:fs';
import { lstat, open, stat } from 'node:fs/promises';
import { UserError, toUserError } from '../errors';

// O_NOFOLLOW and O_NONBLOCK do not exist on Windows (0 there): the lstat before the open covers it.
const NO_FOLLOW = (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** The bytes of `path` if it is a regular file (not a link, FIFO, device or folder); ENOENT passes through. */
export async function readRegularFile(path: string): Promise<Buffer> {
  return (await readRegularFileStat(path)).bytes;
}

/**
 * The same, with the file's status; `stable` when nothing changed it while it was read (the status
 * before and after the read are the same), so the status identifies the bytes read.
 */
export async function readRegularFileStat(path: string): Promise<{ bytes: Buffer; stats: Stats; stable: boolean }> {
  const before = await lstat(path);
  if (!before.isFile()) throw new UserError('file.notRegular', { file: path });
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | NO_FOLLOW);
  } catch (error) {
    // ELOOP: it became a symlink between the lstat and the open.
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new UserError('file.notRegular', { file: path });
    throw error;
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new UserError('file.notRegular', { file: path });
    const bytes = await handle.readFile();
    const after = await handle.stat();
    const stable = after.ctimeMs === stats.ctimeMs && after.mtimeMs === stats.mtimeMs && after.size === stats.size;
    return { bytes, stats, stable };
  } finally {
    await handle.close();
  }
}

/**
 * The text of `path` (links followed: a user's rule folder may link its packs) if what it reaches
 * is a regular file; a FIFO or device named `*.yaml` is refused without blocking on it.
 */
export async function readTextIfRegular(path: string): Promise<string> {
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    if (!(await handle.stat()).isFile()) throw new UserError('file.notRegular', { file: path });
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/** Whether `path` reaches a regular file (following links). */
export async function isRegularFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

/** lstat `path`, or null when there is nothing there (a file-system error a user can fix names it). */
async function lstatIfPresent(path: string) {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw toUserError(error, path);
  }
}

/** Refuse `path` when it exists and is not a real folder (a symlink to one included). */
export async function assertRealFolder(path: string): Promise<void> {
  const info = await lstatIfPresent(path);
  if (info && !info.isDirectory()) throw new UserError('project.notRealFolder', { path });
}

/** Refuse `path` when it exists and is not a regular file. */
export async function assertRegularIfPresent(path: string): Promise<void> {
  const info = await lstatIfPresent(path);
  if (info && !info.isFile()) throw new UserError('file.notRegular', { file: path });
}
