/**
 * The CLI against docs/CLI.md where an audit found it wanting: help and usage on the
 * right stream, global options checked like command options, file-system mistakes (a folder where a
 * file belongs and the reverse) named in one line instead of "unexpected error", bad values refused
 * rather than stored or dropped. Outcomes are read back from matprep.json and the disk.
 */
import { it, expect, beforeAll } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInProcess as matprep, runBinary, type CliRun } from '../support/cli';
import { corpus, describeCorpus } from '../support/corpus';

/** docs/CLI.md: a user error is one line on stderr, exit 2, no stack trace and not the "unexpected" text. */
function expectUserError(run: CliRun, ...mentions: string[]): void {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at |Error:|意外错误|unexpected/);
  for (const text of mentions) expect(run.stderr).toContain(text);
}

async function projectDoc(
  dir: string,
): Promise<{ fields: Record<string, unknown>; materials: Record<string, { validUntil?: string; issuedOn?: string }> }> {
  return JSON.parse(await readFile(join(dir, 'matprep.json'), 'utf8'));
}

/** A user rule pack with a yes/no field (no built-in pack has one today). */
const MINI_PACK = `id: mini-test
title: 测试规则包
version: "1.0"
effective: "2026-01-01"
authority: 测试机关
sources: [测试来源]
fields:
  - { id: agreed, label: 已同意, type: boolean }
materials:
  - { id: doc, title: 文件, accept: [pdf, jpg, png] }
`;

describeCorpus('matprep CLI contract', () => {
  let base: string;
  let project: string;
  let aFile: string;
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'matprep-contract-'));
    project = join(base, 'p');
    aFile = join(base, 'a-file.txt');
    await writeFile(aFile, 'not a folder');
    expect((await matprep('init', project, '--rule', 'icp-filing-enterprise')).code).toBe(0);
    expect((await matprep('add', project, 'business-licence', corpus('img-exif-landscape-o1.jpg'))).code).toBe(0);
  });

  it('prints the help on stdout when asked (exit 0), on stderr without a command (exit 2)', async () => {
    const none = runBinary();
    expect(none).toMatchObject({ code: 2, stdout: '' });
    expect(none.stderr).toContain('用法：matprep <命令>');
    const asked = await matprep('help', '--lang', 'en');
    expect(asked).toMatchObject({ code: 0, stderr: '' });
    expect(asked.stdout).toMatch(/^Usage: matprep <command>/);
  });

  it('fills the identifier types into `field --help` and its usage errors', async () => {
    const help = await matprep('field', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('uscc, cn-id');
    expect(help.stdout).not.toContain('{types}');
    const bad = await matprep('field', 'uscc', 'x', '--bogus');
    expectUserError(bad, '“--bogus”', 'icp-filing-no');
    expect(bad.stderr).not.toContain('{types}');
  });

  it('checks the global options: a missing value, an impossible --today, a --rules-dir that is not there', async () => {
    expectUserError(await matprep('check', project, '--today'), '“--today”');
    expectUserError(await matprep('field', 'date', '2026-01-01', '--today', '2026-02-30'), '2026-02-30');
    expectUserError(await matprep('--lang', 'en', 'rules', 'list', '--rules-dir', join(base, 'nowhere')), 'nowhere');
  });

  it('leaves words after `--` to the command, even one that looks like a global option', async () => {
    expect((await matprep('set', project, 'site_name', '--', '--today')).code).toBe(0);
    expect((await projectDoc(project)).fields.site_name).toBe('--today');
  });

  it('names a folder given where a file belongs, and a file where a folder belongs', async () => {
    expectUserError(await matprep('rules', 'validate', base), base);
    expectUserError(await matprep('init', aFile, '--rule', 'icp-filing-enterprise'), aFile);
    const before = await readdir(base);
    expectUserError(await matprep('bind', project, '-o', base, '--allow-incomplete'), base);
    expectUserError(await matprep('export', project, '-o', base), base);
    expect(await readdir(base)).toEqual(before);
    expectUserError(await matprep('bind', project, '-o', join(aFile, 'packet.pdf'), '--allow-incomplete'), aFile);
    expect(existsSync(join(project, 'out'))).toBe(true);
    expect(await readdir(join(project, 'out'))).toEqual([]);
  });

  it('refuses a bad --dpi with the reason and the usage, and an --appendix the pack does not have', async () => {
    const out = join(base, 'packet.pdf');
    const dpi = await matprep('bind', project, '-o', out, '--allow-incomplete', '--dpi', '1e2');
    expectUserError(dpi, '--dpi', '72', '1e2', '用法：matprep bind');
    expectUserError(
      await matprep('bind', project, '-o', out, '--allow-incomplete', '--appendix', 'no-such-material'),
      'no-such-material',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('refuses an impossible date for a document and keeps the dates it had', async () => {
    expect((await matprep('dates', project, 'business-licence', '--valid-until', '长期')).code).toBe(0);
    expectUserError(await matprep('dates', project, 'business-licence', '--valid-until', '2026-02-30'), '2026-02-30');
    expectUserError(await matprep('dates', project, 'business-licence', '--issued', '2025-13-01'), '2025-13-01');
    const entry = (await projectDoc(project)).materials['business-licence'];
    expect(entry.validUntil).toBe('长期');
    expect(entry.issuedOn).toBeUndefined();
  });

  it('takes only yes/no words for a yes/no field instead of storing anything else as "no"', async () => {
    const rules = join(base, 'rules');
    await mkdir(rules);
    await writeFile(join(rules, 'mini.yaml'), MINI_PACK);
    const mini = join(base, 'mini');
    expect((await matprep('--rules-dir', rules, 'init', mini, '--rule', 'mini-test')).code).toBe(0);
    expect((await matprep('--rules-dir', rules, 'set', mini, 'agreed', '是')).code).toBe(0);
    expectUserError(await matprep('--rules-dir', rules, 'set', mini, 'agreed', '是的'), '已同意', '是的');
    expect((await projectDoc(mini)).fields.agreed).toBe(true);
    expect((await matprep('--rules-dir', rules, 'set', mini, 'agreed', 'no')).code).toBe(0);
    expect((await projectDoc(mini)).fields.agreed).toBe(false);

    const list = await matprep('--rules-dir', rules, 'rules', 'list');
    expect(list.stdout).toMatch(/^mini-test\t1\.0\t测试规则包\t\[用户\]$/m);
    expect(list.stdout).toMatch(/^icp-filing-enterprise\t.*\[内置\]$/m);
  });

  it('prints each rule-file problem once', async () => {
    const bad = join(base, 'bad.yaml');
    await writeFile(bad, 'id: x\n  bad: [\n');
    const run = await matprep('rules', 'validate', bad);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(new Set(lines).size).toBe(lines.length);
    for (const line of lines) expect(line).toMatch(new RegExp(`^${bad.replace(/[.]/g, '\\.')}:\\d+:\\d+ `));
  });

  it('says once that an invalid value was saved, and how to correct it', async () => {
    const run = await matprep('set', project, 'uscc', '91310110666007217X');
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('校验位');
    expect(run.stderr).toContain('matprep set');
    expect((await projectDoc(project)).fields.uscc).toBe('91310110666007217X');
  });
});
