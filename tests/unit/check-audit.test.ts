/**
 * What the check says after the acceptance audit: the size cap as the portal's limit (export meets
 * it), the same file twice, the rule's reason for an optional or warning-only item, hints only where
 * they help, and old projects' true/false answers to what are 是/否 questions now.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkProject } from '../../src/core/check';
import { CheckReportSchema, type CheckReport } from '../../src/core/model/schemas/check-report';
import { builtInRulesDir, loadRulePackFile } from '../../src/core/rules/loader';
import type { RulePack } from '../../src/core/model/schemas/rules';
import { normaliseFieldValue } from '../../src/core/workspace/edits';
import { loadProject } from '../../src/core/workspace/workspace';
import { expiryAlerts } from '../../src/core/alerts';
import { completeGuangdongProject, file } from './check-fixtures';
import { wording } from '../support/wording';

const today = '2026-11-23';
let icp: RulePack;
let hr: RulePack;
beforeAll(async () => {
  icp = await loadRulePackFile(join(builtInRulesDir(), 'icp-filing-enterprise.yaml'));
  hr = await loadRulePackFile(join(builtInRulesDir(), 'hr-service-licence.yaml'));
});

const material = (report: CheckReport, id: string) => report.materials.find((m) => m.id === id)!;
const field = (report: CheckReport, id: string) => report.fields.find((f) => f.id === id)!;
const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe('the per-file size cap is the upload limit the export meets', () => {
  it('lets a large photo pass: the export recompresses images', () => {
    const doc = completeGuangdongProject();
    doc.materials['business-licence'].files = [file({ name: '营业执照.jpg', size: 4_400_000 })];
    const report = checkProject(doc, icp, today);
    expect(material(report, 'business-licence')).toMatchObject({ status: 'ok', problems: [] });
    expect(report.complete).toBe(true);
  });

  it('warns about a PDF over the cap, without blocking', () => {
    const doc = completeGuangdongProject();
    const pdf = file({ name: '营业执照.pdf', mediaType: 'application/pdf', pages: 1, size: 3_000_000 });
    doc.materials['business-licence'].files = [pdf];
    const report = checkProject(doc, icp, today);
    const licence = material(report, 'business-licence');
    expect(licence.status).toBe('warning');
    expect(licence.problems).toMatchObject([{ code: 'material.tooLarge', severity: 'warning' }]);
    expect(wording(licence.problems[0]).message).toContain('营业执照.pdf');
    expect(wording(licence.problems[0]).message).toContain('2048 KB');
    expect(wording(licence.problems[0]).message).toContain('压缩');
    expect(report.complete).toBe(true);
  });
});

describe('the same file twice', () => {
  it('warns, naming the file, when one material has the same file twice', () => {
    const doc = completeGuangdongProject();
    const scan = file({ name: '域名证书.jpg' });
    doc.materials['domain-certificate'].files = [scan, { ...scan, id: 'again' }];
    const report = checkProject(doc, icp, today);
    const cert = material(report, 'domain-certificate');
    expect(cert.status).toBe('warning');
    expect(cert.problems).toMatchObject([{ code: 'material.duplicate', severity: 'warning' }]);
    expect(wording(cert.problems[0]).message).toContain('域名证书.jpg');
    expect(wording(cert.problems[0]).hint).toContain('移除');
    expect(report.complete).toBe(true);
  });

  it('names both when the copy has another name, and leaves different pages of one scan alone', () => {
    const doc = completeGuangdongProject();
    const scan = file({ name: 'a.pdf', mediaType: 'application/pdf', pages: 2 });
    doc.materials['domain-certificate'].files = [scan, { ...scan, id: 'copy', name: 'a (1).pdf' }];
    const renamed = material(checkProject(doc, icp, today), 'domain-certificate');
    expect(codes(renamed.problems)).toEqual(['material.duplicate']);
    expect(wording(renamed.problems[0]).message).toContain('a (1).pdf');
    expect(wording(renamed.problems[0]).message).toContain('“a.pdf”');
    expect(wording(renamed.problems[0]).hint).toBeTruthy();

    doc.materials['domain-certificate'].files = [
      { ...scan, pageOrder: [0] },
      { ...scan, id: 'back', pageOrder: [1] },
    ];
    expect(material(checkProject(doc, icp, today), 'domain-certificate').problems).toEqual([]);
  });
});

describe('the rule says why an item is optional or only warns', () => {
  it('carries the note, labelled by what it explains, in the report', () => {
    const report = checkProject(completeGuangdongProject(), icp, today);
    expect(CheckReportSchema.parse(report)).toEqual(report);
    const face = material(report, 'face-verification');
    expect(face.note).toMatchObject({ kind: 'optional' });
    expect(face.note!.text).toContain('取决于接入商');
    // A required material's note (how it is exported) is plain information.
    expect(material(report, 'business-licence').note?.kind).toBe('info');
    for (const rule of icp.materials) expect(material(report, rule.id).note?.text).toBe(rule.note?.trim());
  });

  it('labels a field note by the warning-only check it explains', async () => {
    // B21's foreign share: over 50 % only warns (电子商务 is exempt, which the form cannot tell).
    const edi = await loadRulePackFile(join(builtInRulesDir(), 'edi-licence-b21.yaml'));
    const doc = { ...completeGuangdongProject(), rulePack: { id: edi.id, version: edi.version }, fields: {} };
    const share = field(checkProject(doc, edi, today), 'foreign_share');
    expect(share.note).toMatchObject({ kind: 'warning' });
    expect(share.note!.text).toContain('只提醒');
    // A field note beside an error-level check is plain information: HR's 3 full-time staff (人社部令第50号 第六条).
    expect(
      field(checkProject({ ...doc, rulePack: { id: hr.id, version: hr.version } }, hr, today), 'fulltime_staff').note,
    ).toBeUndefined();
  });
});

describe('hints for invalid values', () => {
  it('sends the user to the original document only for values copied from one', () => {
    const doc = completeGuangdongProject();
    doc.fields.uscc = '91310110666007217A';
    doc.fields.legal_rep_email = 'zhang@@example';
    doc.fields.domains = ['exa mple.com'];
    const report = checkProject(doc, icp, today);
    expect(wording(field(report, 'uscc').problems[0]).hint).toBe('请对照证件原件核对后改正。');
    expect(codes(field(report, 'legal_rep_email').problems)).toEqual(['field.invalid']);
    expect(wording(field(report, 'legal_rep_email').problems[0]).hint).toBeUndefined();
    expect(codes(field(report, 'domains').problems)).toEqual(['field.invalid']);
    expect(wording(field(report, 'domains').problems[0]).hint).toBeUndefined();
  });
});

describe('old projects answered 是/否 questions with a checkbox', () => {
  it('reads a stored false as 否 (the owner items apply) and true as 是', () => {
    const doc = completeGuangdongProject();
    doc.fields.webmaster_is_legal_rep = false;
    let report = checkProject(doc, icp, today);
    expect(field(report, 'webmaster_is_legal_rep')).toMatchObject({ status: 'ok', problems: [] });
    expect(field(report, 'webmaster_name').status).toBe('ok');
    expect(material(report, 'authorization-letter').status).toBe('ok');
    expect(report.complete).toBe(true);

    doc.fields.webmaster_is_legal_rep = true;
    report = checkProject(doc, icp, today);
    expect(field(report, 'webmaster_is_legal_rep').status).toBe('ok');
    expect(material(report, 'authorization-letter').status).toBe('not-required');
  });

  it('shows 是/否 to the app and the binder without rewriting matprep.json', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'matprep-legacy-'));
    const doc = completeGuangdongProject();
    doc.fields.webmaster_is_legal_rep = false;
    const text = JSON.stringify(doc, null, 2) + '\n';
    await writeFile(join(dir, 'matprep.json'), text);
    const state = await loadProject(dir, { rulesDirs: { builtIn: builtInRulesDir() }, today, locale: 'zh-CN' });
    expect(state.doc.fields.webmaster_is_legal_rep).toBe('否');
    expect(field(state.report, 'webmaster_is_legal_rep').status).toBe('ok');
    expect(await readFile(join(dir, 'matprep.json'), 'utf8')).toBe(text);
  });

  it('warns about the website owner ID card expiring in 三色预警 too', () => {
    const doc = completeGuangdongProject();
    doc.fields.webmaster_is_legal_rep = false;
    const alerts = expiryAlerts([{ dir: '/p', doc, rulePack: icp }], today);
    expect(alerts.map((a) => a.materialId)).toContain('webmaster-id-card');
  });

  it('reads only yes/no selects that way; a boolean field stays a boolean', () => {
    const question = icp.fields.find((f) => f.id === 'webmaster_is_legal_rep')!;
    expect(normaliseFieldValue(question, false)).toBe('否');
    const report = checkProject({ ...completeGuangdongProject(), fields: { province: true } }, icp, today);
    expect(codes(field(report, 'province').problems)).toEqual(['field.option']);
  });
});
