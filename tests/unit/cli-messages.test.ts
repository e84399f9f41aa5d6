/**
 * What the command line says when something is wrong, in its own words: the option to pass (not the
 * app's "enter it next to the file"), why a rule pack is not used, which file breaks the pack a project
 * names, a hand-edited matprep.json explained by path and kind, and a damaged PDF's technical detail
 * labelled as such. Each in Chinese and, with --lang en, in English.
 */
import { it, expect, beforeAll } from 'vitest';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInProcess as matprep, type CliRun } from '../support/cli';
import { corpus, describeCorpus } from '../support/corpus';

/** One line on stderr, exit 2 (docs/CLI.md), nothing on stdout. */
function oneLine(run: CliRun): string {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0];
}

const BROKEN_PACK = `id: my-pack
title: 我的规则包
version: "1"
effective: "2026-01-01"
authority: 测试机关
sources: [测试来源]
materials:
  - id: doc
    title: 文件
    colour: red
`;

describeCorpus('CLI messages', () => {
  let base: string;
  let rules: string;
  let project: string;
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'matprep-cli-messages-'));
    rules = join(base, 'rules');
    await mkdir(rules);
    project = join(base, 'p');
    expect((await matprep('init', project, '--rule', 'icp-filing-enterprise')).code).toBe(0);
  });

  it('asks for --password when a PDF has an open password, and says when it is wrong', async () => {
    const locked = corpus('enc-user-rc4-128-pw-view.pdf');
    const missing = oneLine(await matprep('add', project, 'business-licence', locked));
    expect(missing).toContain('--password <密码>');
    expect(missing).not.toContain('在文件旁');
    expect(oneLine(await matprep('--lang', 'en', 'add', project, 'business-licence', locked))).toContain(
      '--password <password>',
    );
    const wrong = oneLine(await matprep('add', project, 'business-licence', locked, '--password', 'nope'));
    expect(wrong).toContain('密码不正确');
    expect(wrong).toContain('--password');
    expect((await matprep('add', project, 'business-licence', locked, '--password', 'view')).code).toBe(0);
    const doc = JSON.parse(await readFile(join(project, 'matprep.json'), 'utf8'));
    expect(doc.materials['business-licence'].files).toHaveLength(1);
  });

  it('labels a damaged PDF’s technical detail and says what the common ones mean', async () => {
    const loop = oneLine(await matprep('add', project, 'legal-rep-id-card', corpus('broken-pagetree-loop.pdf')));
    expect(loop).toContain('（页面目录循环引用自身；技术细节：page tree loop）');
    const cut = oneLine(await matprep('add', project, 'legal-rep-id-card', corpus('truncated-trailer-cut.pdf')));
    expect(cut).toContain('文件不完整');
    expect(cut).toContain("技术细节：can't find startxref");
    const en = oneLine(
      await matprep('--lang', 'en', 'add', project, 'legal-rep-id-card', corpus('truncated-trailer-cut.pdf')),
    );
    expect(en).toContain(
      "(the file is incomplete: its end is missing, perhaps a download or copy was cut short; technical detail: can't find startxref)",
    );
  });

  it('lists a built-in pack a user pack overrides as overridden, not as broken', async () => {
    const builtIn = await readFile(join(__dirname, '../../rules/algorithm-filing.yaml'), 'utf8');
    const dir = join(base, 'override');
    await mkdir(dir);
    await writeFile(join(dir, 'algo.yaml'), builtIn.replace(/^version: .*$/m, 'version: "9999.1"'));
    await writeFile(
      join(dir, 'hr-old.yaml'),
      (await readFile(join(__dirname, '../../rules/hr-service-licence.yaml'), 'utf8')).replace(
        /^version: .*$/m,
        'version: "2000.1"',
      ),
    );
    await writeFile(join(dir, 'my-pack.yaml'), BROKEN_PACK);
    const list = await matprep('--rules-dir', dir, 'rules', 'list');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^algorithm-filing\t9999\.1\t.*\[用户\]$/m);
    expect(list.stdout).toMatch(/^algorithm-filing\t(?!9999)\S+\t.*\[内置\] （已被用户规则包覆盖）$/m);
    expect(list.stdout).toMatch(/^hr-service-licence\t2000\.1\t.*\[用户\] （已有更新的版本，未使用）$/m);
    expect(list.stdout).toMatch(/^my-pack\t1\t.*\[用户\] （有问题，未使用）$/m);
    const en = await matprep('--rules-dir', dir, '--lang', 'en', 'rules', 'list');
    expect(en.stdout).toMatch(/\[built-in\] \(overridden by a user rule pack\)$/m);
  });

  it('says the pack a project names exists but is broken, with its file and first problem', async () => {
    await writeFile(join(rules, 'my-pack.yaml'), BROKEN_PACK.replace('    colour: red\n', ''));
    const mine = join(base, 'mine');
    expect((await matprep('--rules-dir', rules, 'init', mine, '--rule', 'my-pack')).code).toBe(0);
    await writeFile(join(rules, 'my-pack.yaml'), BROKEN_PACK);

    const zh = oneLine(await matprep('--rules-dir', rules, 'check', mine));
    expect(zh).toContain('规则包“my-pack”存在，但它的文件有 1 处问题');
    expect(zh).toContain(`${join(rules, 'my-pack.yaml')}:10:5 不认识的键“colour”`);
    expect(zh).not.toContain('没有 id 为');
    const en = oneLine(await matprep('--rules-dir', rules, '--lang', 'en', 'check', mine));
    expect(en).toContain('Rule pack "my-pack" exists, but its file has 1 problem and');
    expect(en).toContain(`${join(rules, 'my-pack.yaml')}:10:5 Unknown key "colour"`);
  });

  it('explains a hand-edited matprep.json by JSON path and kind, not in zod’s English', async () => {
    const edited = join(base, 'edited');
    expect((await matprep('init', edited, '--rule', 'icp-filing-enterprise')).code).toBe(0);
    const file = join(edited, 'matprep.json');
    const doc = JSON.parse(await readFile(file, 'utf8'));
    doc.fields = { org_name: ['a', 1] };
    await writeFile(file, JSON.stringify(doc));

    const zh = oneLine(await matprep('check', edited));
    expect(zh).toContain('“fields.org_name”');
    expect(zh).not.toMatch(/Invalid|expected|received/);
    const en = oneLine(await matprep('--lang', 'en', 'check', edited));
    expect(en).toContain('"fields.org_name"');
    expect(en).toContain('First: ');
  });
});
