import { beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/core/check';
import { CheckReportSchema, type CheckReport } from '../../src/core/model/schemas/check-report';
import { builtInRulesDir, loadRulePackFile } from '../../src/core/rules/loader';
import type { RulePack } from '../../src/core/model/schemas/rules';
import { ProjectDocSchema, type ProjectDoc } from '../../src/core/model/schemas/project';
import { completeGuangdongProject, file } from './check-fixtures';
import { join } from 'node:path';
import { wording } from '../support/wording';

const today = '2026-11-23';
let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePackFile(join(builtInRulesDir(), 'icp-filing-enterprise.yaml'));
});

const material = (report: CheckReport, id: string) => report.materials.find((m) => m.id === id)!;
const field = (report: CheckReport, id: string) => report.fields.find((f) => f.id === id)!;
const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe('checkProject on an ICP备案（单位） project', () => {
  it('reports a complete project as complete, in rule order, matching the report schema', () => {
    const report = checkProject(completeGuangdongProject(), pack, today);
    expect(CheckReportSchema.parse(report)).toEqual(report);
    const problems = [...report.fields, ...report.materials].filter((r) => r.problems.length > 0);
    expect(problems).toEqual([]);
    expect(report.complete).toBe(true);
    expect(report.completeness).toBe(1);
    expect(report.materials.map((m) => m.id)).toEqual(pack.materials.map((m) => m.id));
    expect(report.fields.map((f) => f.id)).toEqual(pack.fields.map((f) => f.id));
    // Optional items left empty are not required: site plan (not in 江苏/上海/湖南), face check.
    expect(material(report, 'site-plan').status).toBe('not-required');
    expect(material(report, 'face-verification').status).toBe('not-required');
  });

  it('is deterministic', () => {
    const doc = completeGuangdongProject();
    expect(JSON.stringify(checkProject(doc, pack, today))).toBe(JSON.stringify(checkProject(doc, pack, today)));
  });

  it('reports an empty project as missing everything required, with Chinese messages and hints', () => {
    const doc = ProjectDocSchema.parse({ ...completeGuangdongProject(), fields: {}, materials: {} });
    const report = checkProject(doc, pack, today);
    expect(report.complete).toBe(false);
    expect(report.completeness).toBe(0);
    expect(field(report, 'uscc')).toMatchObject({ status: 'missing', required: true });
    expect(field(report, 'uscc').problems[0]).toMatchObject({ code: 'field.missing', severity: 'error' });
    expect(wording(field(report, 'uscc').problems[0]).message).toContain('统一社会信用代码');
    expect(wording(field(report, 'uscc').problems[0]).hint).toBeTruthy();
    expect(material(report, 'business-licence')).toMatchObject({ status: 'missing' });
    expect(codes(material(report, 'business-licence').problems)).toEqual(['material.missing']);
    // Nothing is assumed about the website owner: the required 是/否 question is what is missing,
    // and the owner's own items wait for a 否.
    expect(field(report, 'webmaster_is_legal_rep')).toMatchObject({ status: 'missing', required: true });
    expect(field(report, 'webmaster_name').status).toBe('not-required');
    expect(material(report, 'authorization-letter').status).toBe('not-required');
    // Conditions that do not hold: not 广东, nothing needing pre-approval.
    expect(material(report, 'guangdong-commitment').status).toBe('not-required');
    expect(material(report, 'pre-approval').status).toBe('not-required');
  });

  it('drops the website owner items when the owner is the legal representative', () => {
    const doc = completeGuangdongProject();
    doc.fields.webmaster_is_legal_rep = '是';
    delete doc.materials['webmaster-id-card'];
    delete doc.materials['authorization-letter'];
    for (const id of ['webmaster_name', 'webmaster_id', 'webmaster_mobile', 'webmaster_email']) delete doc.fields[id];
    const report = checkProject(doc, pack, today);
    expect(report.complete).toBe(true);
    expect(field(report, 'webmaster_mobile').status).toBe('not-required');
    expect(material(report, 'authorization-letter').status).toBe('not-required');
  });

  it('points out files attached to an item that no longer applies', () => {
    const doc = completeGuangdongProject();
    doc.fields.province = '浙江';
    const report = checkProject(doc, pack, today);
    expect(material(report, 'guangdong-commitment').status).toBe('not-required');
    expect(material(report, 'guangdong-commitment').problems).toMatchObject([
      { code: 'material.notApplicable', severity: 'warning' },
    ]);
    expect(report.complete).toBe(true);
  });

  it('flags invalid identifiers and the same phone / e-mail for two different people', () => {
    const doc = completeGuangdongProject();
    doc.fields.uscc = '91310110666007217A';
    doc.fields.webmaster_mobile = '+86 138-0013-8000';
    doc.fields.webmaster_email = 'ZHANG@example.com';
    doc.fields.domains = 'example.com\nhttps://bad.example.com';
    const report = checkProject(doc, pack, today);
    expect(field(report, 'uscc')).toMatchObject({ status: 'invalid' });
    expect(codes(field(report, 'uscc').problems)).toEqual(['field.invalid']);
    expect(wording(field(report, 'uscc').problems[0]).message).toContain('校验位');
    expect(codes(field(report, 'webmaster_mobile').problems)).toEqual(['field.sameAs']);
    expect(wording(field(report, 'webmaster_mobile').problems[0]).message).toContain('法定代表人手机号');
    expect(codes(field(report, 'webmaster_email').problems)).toEqual(['field.sameAs']);
    expect(codes(field(report, 'domains').problems)).toEqual(['field.invalid']);
    expect(wording(field(report, 'domains').problems[0]).message).toContain('https://bad.example.com');
    expect(report.complete).toBe(false);
  });

  it('checks select options', () => {
    const doc = completeGuangdongProject();
    doc.fields.province = '广州';
    doc.fields.special_content = ['药品和医疗器械', '游戏'];
    const report = checkProject(doc, pack, today);
    expect(codes(field(report, 'province').problems)).toEqual(['field.option']);
    expect(field(report, 'special_content').problems).toHaveLength(1);
    expect(wording(field(report, 'special_content').problems[0]).message).toContain('游戏');
  });

  it('checks format, size, resolution, page count and parts of the files', () => {
    const doc = completeGuangdongProject();
    doc.materials['business-licence'].files = [
      file({ name: 'licence.png', mediaType: 'image/png', size: 3 * 1024 * 1024, width: 640, height: 480 }),
      file(),
      file(),
    ];
    doc.materials['legal-rep-id-card'].files = [file({ part: 'front' }), file()];
    doc.materials['face-verification'] = {
      files: [file({ name: 'face.pdf', mediaType: 'application/pdf', pages: 1 })],
      confirmations: [],
    };
    const report = checkProject(doc, pack, today);
    const licence = material(report, 'business-licence');
    expect(licence.status).toBe('invalid');
    // An image over the size cap is no problem: the per-file export recompresses it (check-audit.test.ts).
    expect(codes(licence.problems)).toEqual(['material.resolutionLow', 'material.pages']);
    expect(wording(licence.problems[0]).message).toContain('licence.png');
    expect(wording(licence.problems[0]).message).toContain('640×480');
    // The pack's pixel minimum has no official source, so it advises rather than blocks.
    expect(licence.problems[0].severity).toBe('warning');
    const idCardResult = material(report, 'legal-rep-id-card');
    expect(codes(idCardResult.problems)).toEqual(['material.partMissing']);
    expect(wording(idCardResult.problems[0]).message).toContain('反面');
    // An optional material with a wrong format is reported, with the rule's warning severity.
    expect(material(report, 'face-verification')).toMatchObject({ status: 'warning', required: false });
    expect(codes(material(report, 'face-verification').problems)).toEqual(['material.format']);
  });

  it('a 200-dpi ID card scan is a warning under the advisory minimum, an error under a strict one', () => {
    const doc = completeGuangdongProject();
    // 85.6 × 54 mm at 200 dpi.
    doc.materials['legal-rep-id-card'].files = [
      file({ name: 'id-front.jpg', part: 'front', width: 674, height: 425 }),
      file({ name: 'id-back.jpg', part: 'back' }),
    ];
    const advisory = material(checkProject(doc, pack, today), 'legal-rep-id-card');
    expect(advisory.status).toBe('warning');
    expect(advisory.problems).toMatchObject([{ code: 'material.resolutionLow', severity: 'warning' }]);
    expect(wording(advisory.problems[0]).message).toContain('id-front.jpg');

    const strict = {
      ...pack,
      materials: pack.materials.map((m) =>
        m.id === 'legal-rep-id-card'
          ? { ...m, minImagePixels: { width: 800, height: 500, severity: 'error' as const } }
          : m,
      ),
    };
    const blocked = material(checkProject(doc, strict, today), 'legal-rep-id-card');
    expect(blocked.status).toBe('invalid');
    expect(blocked.problems).toMatchObject([{ code: 'material.resolution', severity: 'error' }]);
  });

  it('accepts one scan marked as showing both sides of an ID card', () => {
    const doc = completeGuangdongProject();
    doc.materials['legal-rep-id-card'].files = [
      file({ name: '身份证.pdf', mediaType: 'application/pdf', pages: 1, part: 'front,back' }),
    ];
    expect(material(checkProject(doc, pack, today), 'legal-rep-id-card').status).toBe('ok');
  });

  it('accepts a photo in either orientation when its sides are large enough', () => {
    const doc = completeGuangdongProject();
    doc.materials['business-licence'].files = [file({ width: 900, height: 1200 })];
    expect(material(checkProject(doc, pack, today), 'business-licence').status).toBe('ok');
  });

  it('reports missing confirmations as unconfirmed, and invalid outranks unconfirmed', () => {
    const doc = completeGuangdongProject();
    doc.materials['verification-form'].confirmations = ['网站负责人亲笔签名'];
    let report = checkProject(doc, pack, today);
    const form = material(report, 'verification-form');
    expect(form.status).toBe('unconfirmed');
    expect(form.problems).toMatchObject([{ code: 'material.unconfirmed', severity: 'error' }]);
    expect(wording(form.problems[0]).message).toContain('加盖公章');
    expect(report.complete).toBe(false);
    doc.materials['verification-form'].files = [file({ name: 'x.pdf', mediaType: 'application/pdf', pages: 0 })];
    report = checkProject(doc, pack, today);
    expect(material(report, 'verification-form').status).toBe('invalid');
    expect(codes(material(report, 'verification-form').problems)).toEqual(['material.pages', 'material.unconfirmed']);
  });

  it('checks expiry against today: missing date, expired, too little left, long-term', () => {
    const doc = completeGuangdongProject();
    const licence = doc.materials['business-licence'];
    const statusWith = (validUntil: string | undefined) => {
      licence.validUntil = validUntil;
      return material(checkProject(doc, pack, today), 'business-licence');
    };
    expect(codes(statusWith(undefined).problems)).toEqual(['material.datesMissing']);
    expect(codes(statusWith('2026-11-22').problems)).toEqual(['material.expired']);
    // 90 days are required; 2027-02-20 is 89 days after 2026-11-23.
    const soon = statusWith('2027-02-20');
    expect(codes(soon.problems)).toEqual(['material.expiresSoon']);
    expect(wording(soon.problems[0]).message).toContain('89');
    expect(statusWith('2027-02-21').status).toBe('ok');
    expect(statusWith('长期').status).toBe('ok');
    expect(codes(statusWith('2027/02/21').problems)).toEqual(['material.badDate']);
  });

  it('gives English messages with locale en', () => {
    const doc = ProjectDocSchema.parse({ ...completeGuangdongProject(), fields: {}, materials: {} });
    const report = checkProject(doc, pack, today);
    expect(wording(material(report, 'business-licence').problems[0], 'en').message).toBe('No file added yet.');
  });
});

describe('not finished yet versus something wrong', () => {
  // A file just added: no ticks, no expiry date, no part marked.
  const justAdded = (): ProjectDoc => {
    const doc = completeGuangdongProject();
    doc.materials['business-licence'] = { files: [file()], confirmations: [] };
    doc.materials['legal-rep-id-card'] = { files: [file()], confirmations: [] };
    return doc;
  };

  it('reports unticked boxes, missing dates and unmarked parts as unconfirmed, still blocking', () => {
    const report = checkProject(justAdded(), pack, today);
    const licence = material(report, 'business-licence');
    expect(licence.status).toBe('unconfirmed');
    expect(codes(licence.problems)).toEqual(['material.datesMissing', 'material.unconfirmed', 'material.unconfirmed']);
    expect(licence.problems.every((p) => p.severity === 'error')).toBe(true);
    const idCard = material(report, 'legal-rep-id-card');
    expect(idCard.status).toBe('unconfirmed');
    expect(codes(idCard.problems)).toEqual([
      'material.partMissing',
      'material.partMissing',
      'material.datesMissing',
      'material.unconfirmed',
    ]);
    expect(report.complete).toBe(false);
  });

  it('reports a real problem with the file as invalid even while boxes are unticked', () => {
    const doc = justAdded();
    doc.materials['business-licence'].validUntil = '2026-01-01';
    expect(material(checkProject(doc, pack, today), 'business-licence').status).toBe('invalid');
    doc.materials['business-licence'].validUntil = '2030/01/01';
    expect(material(checkProject(doc, pack, today), 'business-licence').status).toBe('invalid');
  });

  it('reports an optional item left unfinished as unconfirmed, with warnings that do not block', () => {
    const doc = completeGuangdongProject();
    doc.fields.special_content = [];
    doc.materials['no-pre-approval-commitment'] = { files: [file()], confirmations: [] };
    const report = checkProject(doc, pack, today);
    const commitment = material(report, 'no-pre-approval-commitment');
    expect(commitment).toMatchObject({ status: 'unconfirmed', required: false });
    expect(commitment.problems.map((p) => p.severity)).toEqual(['warning', 'warning']);
    expect(report.complete).toBe(true);
  });

  it('words problems without repeating the item they belong to, and hints add to the message', () => {
    const doc = ProjectDocSchema.parse({ ...justAdded(), fields: {} });
    for (const locale of ['zh-CN', 'en'] as const) {
      const report = checkProject(doc, pack, today);
      for (const item of report.materials) {
        for (const problem of item.problems) {
          const { message, hint } = wording(problem, locale);
          expect(message, `${item.id} ${problem.code}`).not.toContain(item.title);
          expect(hint ?? '', `${item.id} ${problem.code}`).not.toBe(message);
        }
      }
      // A field with neither help nor example has no hint: "fill in X" would only repeat the message.
      const noHint = report.fields.filter(
        (f) => f.problems[0]?.code === 'field.missing' && !wording(f.problems[0], locale).hint,
      );
      const plain = pack.fields.filter((f) => f.required && !f.help && !f.example && !f.when);
      expect(noHint.map((f) => f.id)).toEqual(expect.arrayContaining(plain.map((f) => f.id)));
    }
    expect(wording(field(checkProject(doc, pack, today), 'uscc').problems[0]).hint).toBe('示例：91310110666007217T');
  });
});

describe('checkProject rule mechanics', () => {
  const base: RulePack = {
    id: 'test-pack',
    title: '测试',
    version: '1',
    effective: '2026-01-01',
    authority: '测试',
    subject: 'enterprise',
    sources: ['测试'],
    fields: [{ id: 'capital', label: '注册资本（万元）', type: 'number', required: true }],
    materials: [
      { id: 'audit', title: '审计报告', required: true, severity: 'error', accept: ['pdf'], recency: { months: 12 } },
      {
        id: 'insurance',
        title: '社保证明',
        required: true,
        severity: 'warning',
        accept: ['pdf'],
        when: 'capital >= 100',
        note: '🔶',
      },
    ],
  };
  const doc = (fields: ProjectDoc['fields'], materials: ProjectDoc['materials']): ProjectDoc =>
    ProjectDocSchema.parse({ ...completeGuangdongProject(), fields, materials });
  const pdf = () => file({ mediaType: 'application/pdf', pages: 3, name: 'a.pdf' });

  it('checks recency of the issue date in calendar months', () => {
    const at = (issuedOn?: string) =>
      checkProject(doc({ capital: 50 }, { audit: { files: [pdf()], confirmations: [], issuedOn } }), base, today)
        .materials[0];
    expect(codes(at(undefined).problems)).toEqual(['material.datesMissing']);
    expect(at('2025-11-23').status).toBe('ok');
    expect(codes(at('2025-11-22').problems)).toEqual(['material.tooOld']);
    expect(codes(at('2026-12-01').problems)).toEqual(['material.issuedInFuture']);
  });

  it('turns a warning-severity rule into a warning that does not block completeness', () => {
    const report = checkProject(
      doc({ capital: '100' }, { audit: { files: [pdf()], confirmations: [], issuedOn: '2026-10-01' } }),
      base,
      today,
    );
    expect(report.materials[1]).toMatchObject({ id: 'insurance', status: 'warning', required: true });
    expect(report.materials[1].problems).toMatchObject([{ code: 'material.missing', severity: 'warning' }]);
    expect(report.complete).toBe(true);
    expect(report.completeness).toBe(1);
  });

  it('computes completeness as the share of checklist items done: the subject form is one item', () => {
    const report = checkProject(doc({ capital: 'abc' }, {}), base, today);
    expect(field(report, 'capital').status).toBe('invalid');
    expect(report.completeness).toBe(0);
    const half = checkProject(doc({ capital: 10 }, {}), base, today);
    expect(half.completeness).toBe(0.5);
    expect(half.complete).toBe(false);
    // The missing warning-only 社保证明 (capital >= 100) counts neither as done nor against.
    const advisory = checkProject(doc({ capital: 100 }, {}), base, today);
    expect(material(advisory, 'insurance').status).toBe('warning');
    expect(advisory.completeness).toBe(0.5);
  });

  it('never says 100 % while an item is still to do', () => {
    const many: RulePack = {
      ...base,
      materials: Array.from({ length: 250 }, (_, i) => ({ ...base.materials[0], id: `m${i}`, recency: undefined })),
    };
    const files = Object.fromEntries(
      Array.from({ length: 249 }, (_, i) => [`m${i}`, { files: [pdf()], confirmations: [] }]),
    );
    const report = checkProject(doc({ capital: 10 }, files), many, today);
    expect(report.complete).toBe(false);
    expect(Math.round(report.completeness * 100)).toBe(99);
  });
});

describe('completeness on the built-in packs', () => {
  it('ICP备案: a filled subject form with four of five required materials missing is far from done', () => {
    const full = completeGuangdongProject();
    const kept = Object.fromEntries(Object.entries(full.materials).slice(0, 1));
    const report = checkProject({ ...full, materials: kept }, pack, today);
    const required = report.materials.filter((m) => m.required && m.status !== 'not-required');
    const done = 1 + required.filter((m) => m.status === 'ok').length;
    expect(report.completeness).toBe(Math.round((done / (1 + required.length)) * 10_000) / 10_000);
    expect(report.completeness).toBeLessThan(0.5);
  });

  it('等保二级: a blank project is at 0 %, missing warning-level materials are not counted as done', async () => {
    const mlps = await loadRulePackFile(join(builtInRulesDir(), 'mlps-filing-level2.yaml'));
    const blank = ProjectDocSchema.parse({
      ...completeGuangdongProject(),
      rulePack: { id: mlps.id, version: mlps.version },
      fields: {},
      materials: {},
    });
    const report = checkProject(blank, mlps, today);
    expect(report.materials.some((m) => m.status === 'warning' && m.problems[0]?.code === 'material.missing')).toBe(
      true,
    );
    expect(report.completeness).toBe(0);
  });
});
