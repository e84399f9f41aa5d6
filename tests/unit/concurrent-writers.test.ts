/**
 * Two writers never lose an update: many `matprep add` processes (the real binary, each its own
 * process) started at once on one project. Before the project lock file, ten of them kept about four
 * of the ten imports. Every import must be attached and every vault file present afterwards.
 */
import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { createProject, readVaultFile, updateProject } from '../../src/core/project/store';
import { acquireFolderLock, LOCK_FILE } from '../../src/core/fs/lock';
import { writeFile } from 'node:fs/promises';

const root = resolve(__dirname, '../..');
const PROCESSES = 12;

function matprep(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(root, 'bin/matprep.js'), ...args], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, MATPREP_DEBUG: '1', MATPREP_LANG: 'en' },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => done({ code, stderr }));
  });
}

/** A small distinct PNG per process, so each import is its own vault file. */
async function picture(dir: string, i: number): Promise<string> {
  const path = join(dir, `scan-${i}.png`);
  await sharp({ create: { width: 40 + i, height: 30, channels: 3, background: { r: i * 20, g: 80, b: 160 } } })
    .png()
    .toFile(path);
  return path;
}

describe('two writers', () => {
  it(`${PROCESSES} matprep add processes at once lose no update`, { timeout: 240_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'matprep-writers-'));
    const files = await mkdtemp(join(tmpdir(), 'matprep-writers-in-'));
    await createProject(dir, { ruleId: 'icp-filing-enterprise', ruleVersion: '1', name: '并发' });
    const paths = await Promise.all(Array.from({ length: PROCESSES }, (_, i) => picture(files, i)));
    const runs = await Promise.all(paths.map((p) => matprep(['add', dir, 'business-licence', p])));
    for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0 });
    const doc = JSON.parse(await readFile(join(dir, 'matprep.json'), 'utf8'));
    const attached = doc.materials['business-licence'].files;
    expect(attached.map((f: { name: string }) => f.name).sort()).toEqual(paths.map((p) => p.split('/').pop()).sort());
    for (const ref of attached) await readVaultFile(dir, ref);
    // The lock is released by every process.
    expect(await readdir(dir)).not.toContain(LOCK_FILE);
  });

  it('breaks the lock of a killed process, and waits for a live one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'matprep-lock-'));
    await createProject(dir, { ruleId: 'icp-filing-enterprise', ruleVersion: '1' });
    const dead = 2 ** 22 + 12345; // above the largest pid Linux gives
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: dead, nonce: 'x', time: Date.now() }));
    await updateProject(dir, (doc) => void (doc.fields.a = '1'));
    // A live holder (this process, another "writer"): the update waits until it lets go.
    const release = await acquireFolderLock(dir);
    let done = false;
    const pending = updateProject(dir, (doc) => void (doc.fields.b = '2')).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(done).toBe(false);
    await release();
    await pending;
    const doc = JSON.parse(await readFile(join(dir, 'matprep.json'), 'utf8'));
    expect(doc.fields).toMatchObject({ a: '1', b: '2' });
  });
});
