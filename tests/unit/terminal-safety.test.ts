/**
 * What a received rule pack or file name can put on the user's terminal: escape sequences, BEL, C1
 * controls and bidi overrides must arrive as visible `\uXXXX`, in `rules list`, `add` and `check`,
 * through the real binary (what a terminal would get). A FIFO named `*.yaml` in the rule folder is
 * skipped, not read (reading it would block for ever).
 */
import { describe, it, expect } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';

const root = resolve(__dirname, '../..');
const ESC = '\u001b]0;pwned\u0007\u001b[31m';
const NASTY = `${ESC}\u009b2J\u202egnp.exe`;
// Raw control characters that must never reach the terminal.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'bin/matprep.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, MATPREP_DEBUG: '', MATPREP_LANG: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, timedOut: result.error !== undefined };
}

const pack = (title: string) => `id: hostile
title: "${title}"
version: "1"
effective: "2026-01-01"
authority: 演示机关
sources: [演示来源]
fields:
  - { id: company_name, label: "名称${ESC}", type: text }
materials:
  - id: licence
    title: "营业执照${ESC}\\u202e"
`;

describe('terminal safety', () => {
  it('escapes controls in rules list, add and check; skips a FIFO named .yaml', { timeout: 120_000 }, async () => {
    const rules = await mkdtemp(join(tmpdir(), 'matprep-rules-'));
    const yamlTitle = '恶意\\e]0;pwned\\a\\e[31m\\u202e\\x9b';
    await writeFile(join(rules, 'hostile.yaml'), pack(yamlTitle));
    execFileSync('mkfifo', [join(rules, 'zz-fifo.yaml')]);

    const list = run('--rules-dir', rules, 'rules', 'list');
    expect(list.timedOut).toBe(false);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('hostile');
    expect(list.stdout).toContain('\\u001b');
    expect(list.stdout + list.stderr).not.toMatch(RAW);
    expect(list.stdout + list.stderr).not.toContain('zz-fifo');

    const json = run('--rules-dir', rules, 'rules', 'list', '--json');
    const listed = JSON.parse(json.stdout) as { id: string; title: string }[];
    // JSON reads the escapes back as the very characters: exact, and harmless on screen.
    expect(listed.find((p) => p.id === 'hostile')?.title).toContain('\u202e');
    expect(json.stdout).not.toMatch(RAW);

    const dir = join(await mkdtemp(join(tmpdir(), 'matprep-term-')), 'p');
    expect(run('--rules-dir', rules, 'init', dir, '--rule', 'hostile').code).toBe(0);
    const files = await mkdtemp(join(tmpdir(), 'matprep-term-in-'));
    await mkdir(files, { recursive: true });
    const good = join(files, `${NASTY}.png`);
    await sharp({ create: { width: 20, height: 20, channels: 3, background: '#777' } })
      .png()
      .toFile(good);
    const bad = join(files, `${NASTY}.pdf`);
    await writeFile(bad, '');
    const added = run('--rules-dir', rules, 'add', dir, 'licence', good);
    expect(added.code).toBe(0);
    expect(added.stdout).not.toMatch(RAW);
    expect(added.stdout).toContain('\\u202e');
    const refused = run('--rules-dir', rules, 'add', dir, 'licence', bad);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('gnp.exe');
    expect(refused.stderr).not.toMatch(RAW);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    const check = run('--rules-dir', rules, 'check', dir);
    expect(check.stdout + check.stderr).toContain('营业执照');
    expect(check.stdout + check.stderr).not.toMatch(RAW);
  });
});
