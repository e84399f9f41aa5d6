/**
 * What the documents say against what was typed (no OCR here: readings are given): the check's
 * `consistency.mismatch` warning on the material, with field/read/entered; width and spaces ignored,
 * brackets reported on their own; doubtful readings not compared; the expiry against 有效期至.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/core/check';
import { compareText } from '../../src/core/check/consistency';
import { formOffers } from '../../src/core/recognition/offers';
import { describeProblem } from '../../src/i18n/problems';
import { readingKey, type Readings } from '../../src/core/model/recognition/documents';
import { builtInRulesDir, loadRulePackFile } from '../../src/core/rules/loader';
import type { RulePack } from '../../src/core/model/schemas/rules';
import { completeGuangdongProject } from './check-fixtures';

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePackFile(join(builtInRulesDir(), 'icp-filing-enterprise.yaml'));
});

const TODAY = '2026-12-07';

function licenceReading(
  doc: ReturnType<typeof completeGuangdongProject>,
  fields: Record<string, string>,
  confidence = 0.9,
): Readings {
  const sha = doc.materials['business-licence'].files[0].sha256;
  const conf = Object.fromEntries(Object.keys(fields).map((k) => [k, confidence]));
  return { [readingKey(sha, 'business-licence')]: { kind: 'business-licence', fields, confidence: conf } };
}

const problemsOf = (doc: ReturnType<typeof completeGuangdongProject>, readings: Readings, id = 'business-licence') =>
  checkProject(doc, pack, TODAY, readings).materials.find((m) => m.id === id)!.problems;

describe('consistency with the documents', () => {
  it('warns when the licence names another company, naming field, read and entered', () => {
    const doc = completeGuangdongProject();
    const report = checkProject(doc, pack, TODAY, licenceReading(doc, { name: '深圳市别的科技有限公司' }));
    const licence = report.materials.find((m) => m.id === 'business-licence')!;
    const problem = licence.problems.find((p) => p.code === 'consistency.mismatch')!;
    expect(problem.severity).toBe('warning');
    expect(problem.params).toEqual({
      field: '主办单位名称',
      read: '深圳市别的科技有限公司',
      entered: '深圳市示例科技有限公司',
    });
    // Worded by each reader, in both languages, every placeholder filled.
    const zh = describeProblem(problem, 'zh-CN');
    expect(zh.message).toBe(
      '文件上识别到的主办单位名称是“深圳市别的科技有限公司”，填写的是“深圳市示例科技有限公司”，两者不一致。',
    );
    expect(describeProblem(problem, 'en').message).not.toMatch(/[{}]/);
    expect(licence.status).toBe('warning');
    // A warning never blocks: the project stays complete.
    expect(report.complete).toBe(true);
  });

  it('ignores full-/half-width forms and spaces, but reports brackets that differ', () => {
    expect(compareText('91310110666007217T', '９１３１０１１０６６６００７２１７Ｔ')).toBe('same');
    expect(compareText('深圳市示例科技有限公司', ' 深圳市 示例科技有限公司')).toBe('same');
    expect(compareText('示例（深圳）科技有限公司', '示例(深圳)科技有限公司')).toBe('brackets');
    const doc = completeGuangdongProject();
    doc.fields.org_name = '示例(深圳)科技有限公司';
    const problems = problemsOf(doc, licenceReading(doc, { name: '示例（深圳）科技有限公司' }));
    expect(problems.map((p) => [p.code, p.detail])).toEqual([['consistency.mismatch', 'consistency.brackets']]);
    expect(describeProblem(problems[0], 'zh-CN').hint).toContain('示例（深圳）科技有限公司');
  });

  it('says nothing when they agree, or when the reading is doubtful', () => {
    const doc = completeGuangdongProject();
    const same = licenceReading(doc, {
      name: '深圳市示例科技有限公司',
      uscc: '91310110666007217T',
      legalRepresentative: '张三',
    });
    expect(problemsOf(doc, same).filter((p) => p.code.startsWith('consistency'))).toEqual([]);
    const doubtful = licenceReading(doc, { legalRepresentative: '张山' }, 0.6);
    expect(problemsOf(doc, doubtful).filter((p) => p.code.startsWith('consistency'))).toEqual([]);
  });

  it('compares the licence term with 有效期至, and an ID card back with its material', () => {
    const doc = completeGuangdongProject();
    const expiry = licenceReading(doc, { validUntil: '2030-01-01' }, 1);
    const expiryProblem = problemsOf(doc, expiry).find((p) => p.code === 'consistency.mismatch')!;
    expect(expiryProblem.params).toMatchObject({ read: '2030-01-01', entered: '长期' });
    expect(describeProblem(expiryProblem, 'zh-CN').message).toContain('有效期至是“2030-01-01”');
    expect(describeProblem(expiryProblem, 'en').message).toContain('Valid until "2030-01-01"');
    const back = doc.materials['legal-rep-id-card'].files.find((f) => f.part === 'back')!;
    const readings: Readings = {
      [readingKey(back.sha256, 'id-card-back')]: {
        kind: 'id-card-back',
        fields: { validFrom: '2015-05-01', validUntil: '2035-05-01' },
        confidence: { validFrom: 1, validUntil: 1 },
      },
    };
    expect(problemsOf(doc, readings, 'legal-rep-id-card').filter((p) => p.code.startsWith('consistency'))).toEqual([]);
  });

  it('checks the ID photo side against the legal representative fields', () => {
    const doc = completeGuangdongProject();
    const front = doc.materials['legal-rep-id-card'].files.find((f) => f.part === 'front')!;
    const readings: Readings = {
      [readingKey(front.sha256, 'id-card-front')]: {
        kind: 'id-card-front',
        fields: { name: '张三', idNumber: '110105194912310021' },
        confidence: { name: 0.9, idNumber: 0.99 },
      },
    };
    const problems = problemsOf(doc, readings, 'legal-rep-id-card').filter((p) => p.code === 'consistency.mismatch');
    expect(problems.map((p) => p.params?.read)).toEqual(['110105194912310021']);
  });
});

describe('offers for the form', () => {
  it('offers read values only for empty fields and an empty 有效期至, marking what is not certain', () => {
    const doc = completeGuangdongProject();
    delete doc.fields.org_name;
    doc.materials['business-licence'].validUntil = undefined;
    const readings = licenceReading(doc, {
      name: '深圳市示例科技有限公司',
      uscc: '91440300MA5EXAMPLE',
      validUntil: '长期',
    });
    readings[Object.keys(readings)[0]].confidence = { name: 0.9, uscc: 1, validUntil: 1 };
    const entry = doc.materials['business-licence'];
    expect(formOffers('business-licence', entry, doc.fields, pack.fields, readings)).toEqual([
      { target: 'field', fieldId: 'org_name', label: '主办单位名称', value: '深圳市示例科技有限公司', certain: false },
      { target: 'validUntil', value: '长期', certain: true },
    ]);
  });
});
