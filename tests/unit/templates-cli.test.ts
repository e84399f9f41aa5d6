/** `matprep template`: listing a project's templates, rendering one, and the errors a user can make. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runBinary, runInProcess } from '../support/cli';
import { pageTexts } from '../fixtures/pdf-read';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const run = await runInProcess('--today', '2026-12-07', ...argv);
  return { code: run.code, out: run.stdout.trimEnd(), err: run.stderr.trimEnd() };
}

describe('matprep template', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'matprep-template-cli-'));
  const dir = path.join(root, 'project');

  it('lists the materials with a template, as text and as JSON', async () => {
    expect((await cli('init', dir, '--rule', 'icp-filing-enterprise')).code).toBe(0);
    for (const [field, value] of [
      ['org_name', '上海示例科技有限公司'],
      ['uscc', '91310110666007217T'],
      ['legal_rep_name', '张三'],
      ['domains', 'example.cn'],
    ]) {
      expect((await cli('set', dir, field, value)).code).toBe(0);
    }
    const json = await cli('template', dir, '--list', '--json');
    expect(json.code).toBe(0);
    const listed = JSON.parse(json.out);
    expect(listed).toContainEqual({
      materialId: 'authorization-letter',
      title: '法人授权书',
      formats: ['pdf', 'docx'],
    });
    expect(listed.map((l: { materialId: string }) => l.materialId)).toEqual([
      'authorization-letter',
      'verification-form',
      'guangdong-commitment',
      'no-pre-approval-commitment',
      'site-plan',
    ]);
    const text = await cli('template', dir, '--list');
    expect(text.out).toContain('site-plan：网站建设方案书 [pdf, docx]');
    const english = await cli('--lang', 'en', 'template', dir, '--list', '--json');
    expect(JSON.parse(english.out)[0].title).toBe("Legal representative's authorisation (法人授权书)");
  });

  it('renders a template filled with the project as PDF and as .docx', async () => {
    const pdf = path.join(root, '授权书.pdf');
    const made = await cli('template', dir, 'authorization-letter', '-o', pdf);
    expect(made.code).toBe(0);
    expect(made.out).toContain('已生成“法人授权书”');
    const text = pageTexts(pdf).join('').replace(/\s+/g, '');
    expect(text).toContain('上海示例科技有限公司');
    expect(text).toContain('91310110666007217T');
    expect(text).toContain('2026年12月7日');
    expect(text).not.toMatch(/[{}]/);

    const docx = path.join(root, '授权书.docx');
    expect((await cli('template', dir, 'authorization-letter', '-o', docx)).code).toBe(0);
    const xml = strFromU8(unzipSync(readFileSync(docx))['word/document.xml']);
    expect(xml).toContain('上海示例科技有限公司');
    expect(xml).toContain('example.cn');
    expect(xml).not.toMatch(/>[^<]*[{}][^<]*</);
  });

  it('refuses a bad extension, a material without a template and an unknown one with exit 2 and one line', () => {
    const cases: Array<[string[], RegExp]> = [
      [['template', dir, 'site-plan', '-o', path.join(root, 'plan.txt')], /只能生成 \.pdf 或 \.docx/],
      [['template', dir, 'business-licence', '-o', path.join(root, 'x.pdf')], /没有可生成的模板/],
      [['template', dir, 'nope', '-o', path.join(root, 'x.pdf')], /没有材料“nope”/],
      [['template', dir], /用法：matprep template/],
    ];
    for (const [args, message] of cases) {
      const run = runBinary(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe('');
    }
    expect(existsSync(path.join(root, 'plan.txt'))).toBe(false);
  });

  it('rules validate reports a template: that names no template, at its line', async () => {
    const pack = readFileSync(path.join(__dirname, '../../rules/icp-filing-enterprise.yaml'), 'utf8');
    const file = path.join(root, 'icp-filing-enterprise.yaml');
    writeFileSync(file, pack.replace('template: site-plan', 'template: site-plann'));
    const line = pack.split('\n').findIndex((l) => l.includes('template: site-plan')) + 1;
    const run = await cli('rules', 'validate', file);
    expect(run.code).toBe(1);
    expect(run.out.startsWith(`${file}:${line}:`), run.out).toBe(true);
    expect(run.out).toContain('规则包引用的模板“site-plann”不存在');
    expect((await cli('rules', 'validate', path.join(__dirname, '../../rules/icp-filing-enterprise.yaml'))).code).toBe(
      0,
    );
  });
});
