import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/cli/commands/check';
import { fieldCommand } from '../../src/cli/commands/field';
import { rulesCommand } from '../../src/cli/commands/rules';
import type { CliContext } from '../../src/cli/runtime/context';
import { createProject, updateProject } from '../../src/core/project/store';
import { builtInRulesDir } from '../../src/core/rules/loader';
import type { Locale } from '../../src/i18n';
import { completeGuangdongProject } from './check-fixtures';
import { writeFile } from 'node:fs/promises';

function context(locale: Locale = 'zh-CN', user?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    locale,
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    rulesDirs: { builtIn: builtInRulesDir(), user },
    today: '2026-11-23',
  };
  return { ctx, out, err };
}

async function projectWith(fill: boolean): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'matprep-check-')), 'p');
  await createProject(dir, { ruleId: 'icp-filing-enterprise', ruleVersion: '2026.1' });
  if (fill) {
    const full = completeGuangdongProject();
    await updateProject(dir, (doc) => {
      doc.fields = full.fields;
      doc.materials = full.materials;
    });
  }
  return dir;
}

describe('matprep check', () => {
  it('prints the JSON report and exits 1 for an incomplete project', async () => {
    const dir = await projectWith(false);
    const { ctx, out } = context();
    expect(await checkCommand([dir, '--json'], ctx)).toBe(1);
    const report = JSON.parse(out.join('\n'));
    expect(report.complete).toBe(false);
    expect(report.fields[0]).toMatchObject({ id: 'org_name', status: 'missing' });
    expect(report.fields[0].problems[0]).toMatchObject({ code: 'field.missing' });
    expect(report.materials[0]).toMatchObject({ id: 'business-licence', status: 'missing' });
    expect(report.materials[0].problems[0]).toMatchObject({ code: 'material.missing', message: '尚未添加文件。' });
  });

  it('exits 0 for a complete project, and honours --today', async () => {
    const dir = await projectWith(true);
    const { ctx, out } = context();
    expect(await checkCommand([dir], ctx)).toBe(0);
    expect(out.at(-1)).toBe('材料齐全，可以装订。');
    // Eleven years on, the ID cards (valid until 2035-05-01) have expired.
    const later = context('en');
    expect(await checkCommand([dir, '--today', '2037-01-01'], later.ctx)).toBe(1);
    expect(later.out.join('\n')).toContain('Expired on 2035-05-01.');
  });

  it("says why an optional or warning-only item with a problem is so (the rule's note)", async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'matprep-check-')), 'b25');
    await createProject(dir, { ruleId: 'icp-licence-b25', ruleVersion: '2026.1' });
    const { ctx, out } = context();
    await checkCommand([dir], ctx);
    const text = out.join('\n');
    expect(text).toMatch(/为什么只作提醒：\S/);
    const en = context('en');
    await checkCommand([dir], en.ctx);
    expect(en.out.join('\n')).toMatch(/Why this is only a warning: \S/);
  });

  it('hints say which option to pass, where the app says what to tick', async () => {
    const dir = await projectWith(true);
    await updateProject(dir, (doc) => {
      delete doc.materials['business-licence'].validUntil;
      doc.materials['authorization-letter'].confirmations = ['加盖公章'];
    });
    const { ctx, out } = context();
    await checkCommand([dir], ctx);
    const text = out.join('\n');
    expect(text).toContain('长期有效的证件写 --valid-until 长期。');
    expect(text).toContain('matprep confirm <文件夹> <材料ID> <确认项>');
    expect(text).not.toContain('勾选');
    const en = context('en');
    await checkCommand([dir], en.ctx);
    expect(en.out.join('\n')).toContain('if it does not expire, pass --valid-until 长期.');
  });

  it('is a usage error without a folder or with a malformed --today', async () => {
    const { ctx, err } = context();
    expect(await checkCommand([], ctx)).toBe(2);
    expect(await checkCommand(['x', '--today', '2026-02-30'], ctx)).toBe(2);
    expect(err.join('\n')).toContain('2026-02-30');
  });

  it('a folder without a project is a UserError (the dispatcher prints it, exit 2)', async () => {
    const { ctx } = context();
    await expect(checkCommand([tmpdir()], ctx)).rejects.toMatchObject({ code: 'project.notFound' });
  });
});

describe('matprep field', () => {
  it.each([
    [['uscc', '91310110666007217T'], 0, '有效'],
    [['uscc', '91310110666007217A'], 1, '校验位'],
    [['domain', '例子.中国'], 0, '有效'],
    [['icp-filing-no', '粤ICP备2023007649号-1'], 0, '有效'],
  ])('%j → exit %i', async (args, code, text) => {
    const { ctx, out } = context();
    expect(await fieldCommand(args, ctx)).toBe(code);
    expect(out.join('\n')).toContain(text);
  });

  it('prints {valid, reason, value} with --json (value: the input as the app stores it)', async () => {
    const { ctx, out } = context('en');
    expect(await fieldCommand(['cn-id', '110105194912310021', '--json'], ctx)).toBe(1);
    const result = JSON.parse(out[0]);
    expect(Object.keys(result)).toEqual(['valid', 'reason', 'value']);
    expect(result.valid).toBe(false);
    expect(result.reason).toMatch(/check character/);
    const ok = context();
    expect(await fieldCommand(['mobile', '13800138000', '--json'], ok.ctx)).toBe(0);
    expect(JSON.parse(ok.out[0])).toEqual({ valid: true, reason: null, value: '13800138000' });
  });

  it('exits 2 for an unknown type or missing value', async () => {
    const { ctx, err } = context();
    expect(await fieldCommand(['passport', 'E1234'], ctx)).toBe(2);
    expect(await fieldCommand(['uscc'], ctx)).toBe(2);
    expect(err[0]).toContain('passport');
  });
});

describe('matprep rules', () => {
  it('lists the packs, as JSON too', async () => {
    const { ctx, out } = context();
    expect(await rulesCommand(['list', '--json'], ctx)).toBe(0);
    const list = JSON.parse(out.join('\n'));
    expect(list.map((s: { id: string }) => s.id)).toContain('icp-filing-enterprise');
    const text = context();
    expect(await rulesCommand(['list'], text.ctx)).toBe(0);
    expect(text.out.some((l) => /^icp-filing-enterprise\t\d{4}\.\d+\t/.test(l))).toBe(true);
  });

  it('shows a broken user pack with its errors in the list', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'matprep-user-rules-'));
    await writeFile(join(dir, 'mine.yaml'), 'id: mine\ntitle: 我的\n');
    const { ctx, out } = context('zh-CN', dir);
    expect(await rulesCommand(['list'], ctx)).toBe(0);
    const at = out.findIndex((l) => l.startsWith('mine\t'));
    expect(out[at]).toContain('（有问题，未使用）');
    expect(out[at + 1]).toMatch(/mine\.yaml:1:1 /);
  });

  it('validates files: exit 0 when valid, 1 with file:line:col lines otherwise', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'matprep-validate-'));
    const bad = join(dir, 'bad.yaml');
    await writeFile(
      bad,
      'id: bad\ntitle: 坏\nversion: "1"\neffective: "2026-01-01"\nauthority: x\nsources: [x]\nmaterials:\n  - id: a\n    title: A\n    when: nope = 1\n',
    );
    const { ctx, out } = context('en');
    expect(await rulesCommand(['validate', bad], ctx)).toBe(1);
    expect(out).toEqual([`${bad}:10:11 The condition refers to an unknown field "nope". Defined fields: —.`]);
    const good = context();
    expect(await rulesCommand(['validate', join(builtInRulesDir(), 'icp-filing-enterprise.yaml')], good.ctx)).toBe(0);
  });

  it('prints the JSON Schema, and usage errors exit 2', async () => {
    const { ctx, out } = context();
    expect(await rulesCommand(['schema'], ctx)).toBe(0);
    expect(JSON.parse(out.join('\n'))).toHaveProperty('properties.materials');
    expect(await rulesCommand([], context().ctx)).toBe(2);
    expect(await rulesCommand(['frobnicate'], context().ctx)).toBe(2);
  });
});
