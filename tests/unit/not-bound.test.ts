/**
 * Nothing left out silently: files on a material whose `when:` turned false are named, with the
 * answer that switched it off, by the check (`material.notApplicable`), `check --json`, and the
 * bind result's warnings — never bound, never just dropped.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/core/check';
import { notBoundWarnings } from '../../src/core/bind/not-bound';
import { builtInRulesDir, loadRulePackFile } from '../../src/core/rules/loader';
import type { RulePack } from '../../src/core/model/schemas/rules';
import { packTerms } from '../../src/core/model/rules/text';
import { describeProblem } from '../../src/i18n/problems';
import { completeGuangdongProject } from './check-fixtures';
import { runInProcess } from '../support/cli';
import { pageTexts } from '../fixtures/pdf-read';

const today = '2026-11-23';
let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePackFile(path.join(builtInRulesDir(), 'icp-filing-enterprise.yaml'));
});

describe('check: a material switched off by an answer', () => {
  it('names the field (its label) and the value that switched it off', () => {
    const doc = completeGuangdongProject();
    doc.fields.webmaster_is_legal_rep = '是';
    const report = checkProject(doc, pack, today);
    const letter = report.materials.find((m) => m.id === 'authorization-letter')!;
    expect(letter.status).toBe('not-required');
    expect(letter.problems).toEqual([
      expect.objectContaining({
        code: 'material.notApplicable',
        severity: 'warning',
        detail: 'material.notApplicableBecause',
        params: {
          title: '法人授权书',
          count: doc.materials['authorization-letter'].files.length,
          fieldId: 'webmaster_is_legal_rep',
          field: '网站负责人是否就是法定代表人本人',
          value: '是',
        },
      }),
    ]);
    const zh = describeProblem(letter.problems[0], 'zh-CN').message;
    expect(zh).toContain('“网站负责人是否就是法定代表人本人”为“是”');
    expect(zh).toContain('不会装订');
    // In English the pack's own English names the field and the answer.
    const en = describeProblem(letter.problems[0], 'en', 'app', packTerms(pack, 'en')).message;
    expect(en).toMatch(
      /^"[^"]*legal representative[^"]*" is "Yes", so this material is not needed; its 1 file will not be bound\.$/,
    );
  });

  it('says the field is not filled in when emptying it switched the material off', () => {
    const doc = completeGuangdongProject();
    doc.fields.special_content = ['新闻'];
    doc.materials['pre-approval'] = doc.materials['business-licence'];
    doc.fields.special_content = [];
    const problem = checkProject(doc, pack, today).materials.find((m) => m.id === 'pre-approval')!.problems[0];
    expect(problem).toMatchObject({
      detail: 'material.notApplicableUnset',
      params: { fieldId: 'special_content', value: '' },
    });
    expect(describeProblem(problem, 'zh-CN').message).toContain('“涉及前置审批的内容”未填写');
  });

  it('says nothing about a material that does not apply and has no files', () => {
    const doc = completeGuangdongProject();
    const report = checkProject(doc, pack, today);
    expect(report.materials.find((m) => m.id === 'pre-approval')!.problems).toEqual([]);
    expect(notBoundWarnings(report, pack, 'zh-CN')).toEqual([]);
  });

  it('bind warnings name each such material and why, in the chosen language', () => {
    const doc = completeGuangdongProject();
    doc.fields.province = '浙江';
    const report = checkProject(doc, pack, today);
    expect(notBoundWarnings(report, pack, 'zh-CN')).toEqual([
      '“互联网信息服务备案承诺书（广东）”未装订：“主办单位所在省份”为“浙江”，不需要此项材料；已添加的 1 个文件不会装订。',
    ]);
    const [english] = notBoundWarnings(report, pack, 'en');
    expect(english).toBe(
      '"Internet Information Service Filing Letter of Commitment (互联网信息服务备案承诺书, Guangdong)" not bound: ' +
        '"Province of the host organisation" is "Zhejiang", so this material is not needed; its 1 file will not be bound.',
    );
  });
});

describe('matprep check --json / bind --json', () => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'matprep-notbound-')), 'p');
  const cli = async (...argv: string[]) => {
    const run = await runInProcess('--today', today, ...argv);
    return { code: run.code, out: run.stdout.trimEnd(), err: run.stderr.trimEnd() };
  };

  it('reports the material and the answer, and the packet leaves its file out with a warning', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage([595, 842]);
    const file = path.join(path.dirname(dir), 'letter.pdf');
    writeFileSync(file, await pdf.save());

    expect((await cli('init', dir, '--rule', 'icp-filing-enterprise')).code).toBe(0);
    expect((await cli('set', dir, 'webmaster_is_legal_rep', '否')).code).toBe(0);
    expect((await cli('add', dir, 'authorization-letter', file)).code).toBe(0);
    expect((await cli('add', dir, 'business-licence', file)).code).toBe(0);
    expect((await cli('set', dir, 'webmaster_is_legal_rep', '是')).code).toBe(0);

    const check = await cli('check', dir, '--json');
    const letter = JSON.parse(check.out).materials.find((m: { id: string }) => m.id === 'authorization-letter');
    expect(letter.status).toBe('not-required');
    expect(letter.problems).toEqual([
      expect.objectContaining({
        code: 'material.notApplicable',
        severity: 'warning',
        params: expect.objectContaining({ title: '法人授权书', fieldId: 'webmaster_is_legal_rep', value: '是' }),
        message: expect.stringContaining('不会装订'),
      }),
    ]);

    const out = path.join(dir, 'out', 'packet.pdf');
    const bound = await cli('bind', dir, '-o', out, '--allow-incomplete', '--json', '--deterministic');
    expect(bound.code).toBe(0);
    const result = JSON.parse(bound.out);
    expect(result.sections.map((s: { materialId: string }) => s.materialId)).toEqual(['business-licence']);
    expect(result.warnings).toEqual([
      expect.stringMatching(/^“法人授权书”未装订：“网站负责人是否就是法定代表人本人”为“是”/),
    ]);
    expect(pageTexts(out).join('')).not.toContain('法人授权书');
    expect(readFileSync(out).length).toBeGreaterThan(0);

    const english = await cli(
      '--lang',
      'en',
      'bind',
      dir,
      '-o',
      out,
      '--allow-incomplete',
      '--json',
      '--deterministic',
    );
    expect(JSON.parse(english.out).warnings).toEqual([expect.stringMatching(/not bound: .* is "Yes"/)]);
  });
});
