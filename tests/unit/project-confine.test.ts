/**
 * A received project folder cannot make matprep read, copy, quote or write outside itself: a
 * `matprep.json` that is a link or a FIFO, a `vault/` or `out/` that is a link, temp-shaped names that
 * are not ours, an output aimed at the record or the vault, and JSON errors quoted by position only.
 * Every case through the CLI (exit 2, one line naming the file) and checked on disk afterwards.
 */
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, symlink, writeFile, mkdir, rm, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { createProject, openProject } from '../../src/core/project/store';
import { runInProcess } from '../support/cli';

const SECRET = 'secret-token-7f3a';

async function project(): Promise<{ dir: string; outside: string; png: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'matprep-confine-'));
  const outside = await mkdtemp(join(tmpdir(), 'matprep-outside-'));
  await createProject(dir, { ruleId: 'icp-filing-enterprise', ruleVersion: '1', name: '边界' });
  const png = join(outside, 'scan.png');
  await sharp({ create: { width: 20, height: 20, channels: 3, background: '#888' } })
    .png()
    .toFile(png);
  return { dir, outside, png };
}

describe('the project folder is confined', () => {
  it('a matprep.json that is a link is not read through, copied or quoted', async () => {
    const { dir, outside } = await project();
    const target = join(outside, 'private.json');
    await writeFile(target, `{"token": ${SECRET}}`);
    await rm(join(dir, 'matprep.json'));
    await symlink(target, join(dir, 'matprep.json'));
    const run = await runInProcess('check', dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('符号链接或特殊文件');
    expect(run.stderr).not.toContain(SECRET);
    expect((await readdir(dir)).filter((n) => n.endsWith('.bak'))).toEqual([]);
    expect(await readdir(outside)).toEqual(['private.json', 'scan.png']);
  });

  it('a matprep.json that is a FIFO is refused at once, not waited on', async () => {
    const { dir } = await project();
    await rm(join(dir, 'matprep.json'));
    execFileSync('mkfifo', [join(dir, 'matprep.json')]);
    const run = await runInProcess('check', dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('matprep.json');
    expect((await readdir(dir)).filter((n) => n.endsWith('.bak'))).toEqual([]);
  });

  it('a vault/ or out/ that is a link is refused; nothing is written or swept there', async () => {
    const { dir, outside, png } = await project();
    const dead = 2 ** 22 + 12345;
    const theirs = `.${'a'.repeat(64)}.${dead}-abcd1234.tmp`;
    await writeFile(join(outside, theirs), 'not ours');
    await rm(join(dir, 'vault'), { recursive: true });
    await symlink(outside, join(dir, 'vault'));
    const before = await readFile(join(dir, 'matprep.json'), 'utf8');
    const add = await runInProcess('add', dir, 'business-licence', png);
    expect(add.code).toBe(2);
    expect(add.stderr).toContain('vault');
    expect((await readdir(outside)).sort()).toEqual([theirs, 'scan.png'].sort());
    expect(await readFile(join(dir, 'matprep.json'), 'utf8')).toBe(before);

    await rm(join(dir, 'vault'));
    await mkdir(join(dir, 'vault'));
    await rm(join(dir, 'out'), { recursive: true });
    await symlink(outside, join(dir, 'out'));
    const bind = await runInProcess('bind', dir, '-o', join(dir, 'out', 'p.pdf'), '--allow-incomplete');
    expect(bind.code).toBe(2);
    expect(bind.stderr).toContain('out');
    expect((await readdir(outside)).sort()).toEqual([theirs, 'scan.png'].sort());
  });

  it('the sweep removes only temp names matprep makes, of a writer that is gone', async () => {
    const { dir } = await project();
    const dead = 2 ** 22 + 12345;
    const ours = `.matprep.json.${dead}-abcd1234.tmp`;
    const ourCopy = `.matprep.json.last-good.${dead}-abcd1234.tmp`; // the last-good copy's half-written twin
    const keep = ['.notes.tmp', `.report.docx.${dead}-abcd1234.tmp`, `.matprep.json.${dead}.tmp`, '.x.tmp'];
    for (const name of [ours, ourCopy, ...keep]) await writeFile(join(dir, name), 'x');
    await mkdir(join(dir, `.matprep.json.${dead + 1}-abcd1234.tmp`)); // a folder of that name is not a file we wrote
    await openProject(dir);
    const names = await readdir(dir);
    expect(names).not.toContain(ours);
    expect(names).not.toContain(ourCopy);
    for (const name of [...keep, `.matprep.json.${dead + 1}-abcd1234.tmp`]) expect(names).toContain(name);
  });

  it('the sweep clears derived folders, but not through a link', async () => {
    const { dir, outside } = await project();
    const dead = 2 ** 22 + 12345;
    const sha = 'b'.repeat(64);
    const planted = {
      cache: `.${sha}.${dead}-abcd1234.tmp`,
      scans: `.${sha}.1a2b3c4d.jpg.${dead}-abcd1234.tmp`,
      submitted: `.${sha}.pdf.${dead}-abcd1234.tmp`,
      readings: `.${sha}.business-licence.json.${dead}-abcd1234.tmp`,
    };
    for (const [folder, name] of Object.entries(planted)) {
      await mkdir(join(dir, folder), { recursive: true });
      await writeFile(join(dir, folder, name), 'half');
      await writeFile(join(dir, folder, `.notes.txt.${dead}-abcd1234.tmp`), 'not a name of that folder');
    }
    await writeFile(join(outside, planted.cache), 'theirs');
    await rm(join(dir, 'cache'), { recursive: true });
    await symlink(outside, join(dir, 'cache'));
    await openProject(dir);
    expect(await readdir(join(dir, 'scans'))).toEqual([`.notes.txt.${dead}-abcd1234.tmp`]);
    expect(await readdir(join(dir, 'submitted'))).toEqual([`.notes.txt.${dead}-abcd1234.tmp`]);
    expect(await readdir(join(dir, 'readings'))).toEqual([`.notes.txt.${dead}-abcd1234.tmp`]);
    expect(await readdir(outside)).toContain(planted.cache);
  });

  it('an output on the record or in the vault is refused, also through a link to the project', async () => {
    const { dir, outside, png } = await project();
    expect((await runInProcess('add', dir, 'business-licence', png)).code).toBe(0);
    const record = await readFile(join(dir, 'matprep.json'), 'utf8');
    const vault = await readdir(join(dir, 'vault'));
    const alias = join(outside, 'alias');
    await symlink(dir, alias);
    for (const output of [
      join(dir, 'matprep.json'),
      join(dir, 'vault', vault[0]),
      join(dir, 'vault', 'new.pdf'),
      join(dir, 'sub', '..', 'matprep.json'),
      join(alias, 'matprep.json'),
      join(dir, '.matprep.lock'),
    ]) {
      const run = await runInProcess('bind', dir, '-o', output, '--allow-incomplete');
      expect(run.code, output).toBe(2);
      expect(run.stderr).toContain('matprep.json');
    }
    expect(await readFile(join(dir, 'matprep.json'), 'utf8')).toBe(record);
    expect(await readdir(join(dir, 'vault'))).toEqual(vault);
    const zip = await runInProcess('export', dir, '-o', join(dir, 'vault', 'x.zip'));
    expect(zip.code).toBe(2);
    // Beside the record is fine.
    expect((await runInProcess('bind', dir, '-o', join(dir, 'packet.pdf'), '--allow-incomplete')).code).toBe(0);
  });

  it('a damaged matprep.json is quoted by line and column, never by its content', async () => {
    const { dir } = await project();
    await writeFile(join(dir, 'matprep.json'), `{\n  "name": ${SECRET}\n}`);
    const zh = await runInProcess('check', dir);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('第 2 行第 11 列');
    expect(zh.stderr).not.toContain(SECRET);
    const en = await runInProcess('--lang', 'en', 'check', dir);
    expect(en.stderr).toContain('line 2, column 11');
    expect(en.stderr).not.toContain(SECRET);
    // The backup is a copy of what was read (a regular file), and the record is untouched.
    const backups = (await readdir(dir)).filter((n) => n.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    await rename(join(dir, backups[0]), join(dir, 'b'));
    expect(await readFile(join(dir, 'b'), 'utf8')).toContain(SECRET);
  });
});
