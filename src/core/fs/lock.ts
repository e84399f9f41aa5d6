/**
 * A lock on a folder shared by processes (the app and `matprep` commands beside it): a file
 * created with O_EXCL holding the owner's pid, a nonce and the time. It is taken only for the short
 * read → change → write of a document, so waiting is brief. A lock whose process has gone (killed
 * mid-write) is stale and broken; so is one older than STALE_MS, which no real holder reaches.
 */
import { open, readFile, rename, rm, link } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { UserError, toUserError } from '../errors';

export const LOCK_FILE = '.matprep.lock';
/** No holder keeps the lock this long (a write of matprep.json takes milliseconds). */
const STALE_MS = 120_000;
/** How long a writer waits for another before telling the user the project is busy. */
const WAIT_MS = 60_000;

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

/** Take the lock on `dir`; returns the function that releases it. */
export async function acquireFolderLock(dir: string, waitMs = WAIT_MS): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_FILE);
  const mine: LockInfo = { pid: process.pid, nonce: randomBytes(8).toString('hex'), time: Date.now() };
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(JSON.stringify(mine));
      } finally {
        await handle.close();
      }
      return async () => {
        const current = await readLock(path);
        if (current !== 'gone' && current?.nonce === mine.nonce) await rm(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw toUserError(error, path);
    }
    const held = await readLock(path);
    if (held !== 'gone' && isStale(held, Date.now())) {
      // A null read may be a lock being written right now: only break it when it stays unreadable.
      if (held !== null || attempt > 3) {
        await breakStale(path, held);
        continue;
      }
    }
    if (Date.now() > deadline) throw new UserError('project.busy', { dir });
    await sleep(5 + Math.random() * Math.min(100, 5 * (attempt + 1)));
  }
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
