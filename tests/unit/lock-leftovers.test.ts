/**
 * A process killed between the steps of taking or breaking the project lock leaves a side file
 * (`.matprep.lock.<nonce>.new`, `.matprep.lock.<hex>.broken`). Opening the project removes those of
 * dead processes and old ones, and leaves a live writer's alone.
 */
import { describe, it, expect } from 'vitest';
import { mkdtemp, readdir, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sweepLockLeftovers, LOCK_FILE } from '../../src/core/fs/lock';
import { createProject, openProject } from '../../src/core/project/store';

/** A pid no process has: above the kernel's usual pid_max. */
const DEAD_PID = 2 ** 22 + 17;

async function folderWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'matprep-lock-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

const info = (pid: number) => JSON.stringify({ pid, nonce: 'ab12', time: Date.now() });

describe('lock leftovers', () => {
  it('removes a dead writer’s .new file and keeps a live one’s, the lock and other files', async () => {
    const dir = await folderWith({
      [`${LOCK_FILE}.aa11.new`]: info(DEAD_PID),
      [`${LOCK_FILE}.bb22.new`]: info(process.pid),
      [LOCK_FILE]: info(process.pid),
      [`${LOCK_FILE}.cc33.other`]: 'not ours',
    });
    expect(await sweepLockLeftovers(dir)).toBe(1);
    expect((await readdir(dir)).sort()).toEqual([LOCK_FILE, `${LOCK_FILE}.bb22.new`, `${LOCK_FILE}.cc33.other`].sort());
  });

  it('removes .broken files and unreadable .new files only once they are old', async () => {
    const dir = await folderWith({ [`${LOCK_FILE}.dd44.broken`]: info(DEAD_PID), [`${LOCK_FILE}.ee55.new`]: '' });
    expect(await sweepLockLeftovers(dir)).toBe(0);
    expect(await sweepLockLeftovers(dir, Date.now() + 60_000)).toBe(2);
    expect(await readdir(dir)).toEqual([]);
  });

  it('leaves a folder of the same name alone', async () => {
    const dir = await folderWith({});
    await mkdir(join(dir, `${LOCK_FILE}.ff66.new`));
    expect(await sweepLockLeftovers(dir, Date.now() + 600_000)).toBe(0);
  });

  it('runs when a project is opened', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'matprep-lock-project-'));
    await createProject(dir, { ruleId: 'icp-filing-enterprise', ruleVersion: '2026.6' });
    await writeFile(join(dir, `${LOCK_FILE}.0a0b.new`), info(DEAD_PID));
    await openProject(dir);
    expect((await readdir(dir)).filter((name) => name.startsWith(LOCK_FILE))).toEqual([]);
  });
});
