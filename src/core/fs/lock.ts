/**
 * A lock on a folder shared by processes (the app and `matprep` commands beside it): a file
 * that appears whole (written aside, then hard-linked to its name) holding the owner's pid, a nonce and the time. It is taken only for the short
 * read → change → write of a document, so waiting is brief. A lock whose process has gone (killed
 * mid-write) is stale and broken; so is one older than STALE_MS, which no real holder reaches.
 */
import { open, readdir, readFile, rename, rm, link, lstat, stat, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { UserError, toUserError } from '../errors';

export const LOCK_FILE = '.matprep.lock';
/** No holder keeps the lock this long (a write of matprep.json takes milliseconds). */
const STALE_MS = 120_000;
/** How long a writer waits for another before telling the user the project is busy. */
const WAIT_MS = 60_000;
/** An unreadable lock this old is damaged, not being written (locks appear whole, see createLock). */
const UNREADABLE_STALE_MS = 10_000;

interface LockInfo {
  pid: number;
  nonce: string;
  time: number;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readLock(path: string): Promise<LockInfo | null | 'gone'> {
  try {
    const info = JSON.parse(await readFile(path, 'utf8')) as Partial<LockInfo>;
    if (typeof info.pid === 'number' && typeof info.nonce === 'string' && typeof info.time === 'number') {
      return info as LockInfo;
    }
    return null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    // Half-written by a process killed between create and write: unreadable, treat like stale.
    return null;
  }
}

function isStale(info: LockInfo | null, now: number): boolean {
  return info === null || !isProcessAlive(info.pid) || now - info.time > STALE_MS;
}

/**
 * Remove a stale lock without removing a fresh one another process just took: move it aside
 * (atomic), then check that what was moved is the lock judged stale; if not, put it back.
 */
async function breakStale(path: string, seen: LockInfo | null): Promise<void> {
  const aside = `${path}.${randomBytes(4).toString('hex')}.broken`;
  try {
    await rename(path, aside);
  } catch {
    return; // someone else broke or released it
  }
  const moved = await readLock(aside);
  const same = moved !== 'gone' && (moved === null ? seen === null : moved.nonce === seen?.nonce);
  if (!same) await link(aside, path).catch(() => undefined);
  await rm(aside, { force: true });
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Create the lock file whole: the content is written to a file of our own first and then hard-linked
 * to the lock's name, which fails if a lock exists. So no other process ever reads a lock that is
 * still being written — on a busy machine the gap between creating a file and writing it can be
 * long, and a waiter that took such an empty lock for a dead one would break a live lock. Where the
 * file system has no hard links, an exclusive create and a write is the fallback.
 */
async function createLock(path: string, info: LockInfo): Promise<boolean> {
  const own = `${path}.${info.nonce}.new`;
  await writeFile(own, JSON.stringify(info), { flag: 'wx' });
  try {
    await link(own, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
    const handle = await open(path, 'wx').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'EEXIST') return null;
      throw e;
    });
    if (!handle) return false;
    try {
      await handle.writeFile(JSON.stringify(info));
    } finally {
      await handle.close();
    }
    return true;
  } finally {
    await rm(own, { force: true });
  }
}

async function ageOf(path: string): Promise<number> {
  try {
    return Date.now() - (await stat(path)).mtimeMs;
  } catch {
    return 0;
  }
}

/** Take the lock on `dir`; returns the function that releases it. */
export async function acquireFolderLock(dir: string, waitMs = WAIT_MS): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_FILE);
  const mine: LockInfo = { pid: process.pid, nonce: randomBytes(8).toString('hex'), time: Date.now() };
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    try {
      if (await createLock(path, mine)) {
        return async () => {
          const current = await readLock(path);
          if (current !== 'gone' && current?.nonce === mine.nonce) await rm(path, { force: true });
        };
      }
    } catch (error) {
      throw toUserError(error, path);
    }
    const held = await readLock(path);
    if (held !== 'gone' && isStale(held, Date.now())) {
      // Unreadable: damaged (e.g. by a disk error) once it has been so for a while; else leave it be.
      if (held !== null || (await ageOf(path)) > UNREADABLE_STALE_MS) {
        await breakStale(path, held);
        continue;
      }
    }
    if (Date.now() > deadline) throw new UserError('project.busy', { dir });
    await sleep(5 + Math.random() * Math.min(100, 5 * (attempt + 1)));
  }
}

/** The side files a lock leaves when its process is killed mid-step: `<lock>.<hex>.new` and `.broken`. */
const LEFTOVER = /^\.matprep\.lock\.[0-9a-f]+\.(new|broken)$/;

/**
 * Remove the side files of lock steps a killed process never finished (see createLock, breakStale).
 * A `.new` file holds its writer's pid: it goes once that process is gone. A `.broken` file holds the
 * broken lock's owner, not the breaker's, so it goes by age: a breaker keeps it for milliseconds, and
 * the rename that made it set its ctime. Only regular files of exactly these names are touched.
 */
export async function sweepLockLeftovers(dir: string, now = Date.now()): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const kind = LEFTOVER.exec(name)?.[1];
    if (!kind) continue;
    const path = join(dir, name);
    const info = await lstat(path).catch(() => null);
    if (!info?.isFile()) continue;
    const old = now - info.ctimeMs > UNREADABLE_STALE_MS;
    if (kind === 'new') {
      const owner = await readLock(path);
      if (owner === 'gone') continue;
      if (owner === null ? !old : isProcessAlive(owner.pid) && now - info.ctimeMs <= STALE_MS) continue;
    } else if (!old) continue;
    await rm(path, { force: true });
    removed++;
  }
  return removed;
}

/** Run `task` holding the lock on `dir`. */
export async function withFolderLock<T>(dir: string, task: () => Promise<T>): Promise<T> {
  const release = await acquireFolderLock(dir);
  try {
    return await task();
  } finally {
    await release();
  }
}
