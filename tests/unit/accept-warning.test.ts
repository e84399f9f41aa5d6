/**
 * Accepting a warning as it is (已查看，仍使用): the check moves a still-matching accepted warning out of
 * the open problems and lifts the material to ok; a new photo or a new date brings it back; an error is
 * never accepted; a record from before the feature opens unchanged; and the service, as both adapters
 * call it, writes the acceptance into matprep.json and refuses what is not an open warning.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/core/check';
import { CheckReportSchema, isAcceptable, type CheckReport } from '../../src/core/model/schemas/check-report';
import { builtInRulesDir, loadRulePackFile } from '../../src/core/rules/loader';
import type { RulePack } from '../../src/core/model/schemas/rules';
import { ProjectDocSchema, type ProjectDoc } from '../../src/core/model/schemas/project';
import type { Scans } from '../../src/core/model/scan/result';
import { openProject } from '../../src/core/project/store';
import { acceptWarning } from '../../src/core/workspace/accept';
import { isUserError } from '../../src/core/errors';
import { completeGuangdongProject, file } from './check-fixtures';
import { bindFingerprint } from '../../src/core/model/packet/fingerprint';
import { warningAbout } from '../../src/core/check/accepted';

const today = '2026-11-23';
let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePackFile(join(builtInRulesDir(), 'icp-filing-enterprise.yaml'));
});

const material = (report: CheckReport, id: string) => report.materials.find((m) => m.id === id)!;
const codes = (problems: { code: string }[] = []) => problems.map((p) => p.code);
const LICENCE = 'business-licence';

/** What the photo check found: sharp, whole, but with a reflection over 1 % of the page. */
const glare = { width: 4000, height: 3000, fill: 0.8, cut: false, sharpness: 300, glare: 0.01, grid: 0 };

function withGlare(): { doc: ProjectDoc; scans: Scans; sha: string } {
  const doc = completeGuangdongProject();
  const sha = doc.materials[LICENCE].files[0].sha256;
  return { doc, scans: { [sha]: glare }, sha };
}

describe('the check with accepted warnings', () => {
  it('keeps a photo with glare at warning until the warning is accepted, then ok with it listed', () => {
    const { doc, scans, sha } = withGlare();
    const before = material(checkProject(doc, pack, today, {}, scans), LICENCE);
    expect(before.status).toBe('warning');
    expect(codes(before.problems)).toEqual(['image.glare']);

    doc.materials[LICENCE].accepted = [{ code: 'image.glare', about: sha }];
    const report = checkProject(doc, pack, today, {}, scans);
    expect(CheckReportSchema.parse(report)).toEqual(report);
    const after = material(report, LICENCE);
    expect(after.status).toBe('ok');
    expect(after.problems).toEqual([]);
    expect(after.accepted).toEqual([expect.objectContaining({ code: 'image.glare', severity: 'warning' })]);
  });

  it('shows the warning again once the photo is replaced by another', () => {
    const { doc, sha } = withGlare();
    doc.materials[LICENCE].accepted = [{ code: 'image.glare', about: sha }];
    const replacement = file({ name: doc.materials[LICENCE].files[0].name });
    doc.materials[LICENCE].files = [replacement];
    const result = material(checkProject(doc, pack, today, {}, { [replacement.sha256]: glare }), LICENCE);
    expect(result.status).toBe('warning');
    expect(codes(result.problems)).toEqual(['image.glare']);
    expect(result.accepted).toBeUndefined();
  });

  it('accepts only the warning named: another flaw of the same photo stays open', () => {
    const { doc, sha } = withGlare();
    doc.materials[LICENCE].accepted = [{ code: 'image.glare', about: sha }];
    const result = material(checkProject(doc, pack, today, {}, { [sha]: { ...glare, sharpness: 10 } }), LICENCE);
    expect(result.status).toBe('warning');
    expect(codes(result.problems)).toEqual(['image.blur']);
    expect(codes(result.accepted)).toEqual(['image.glare']);
  });

  it('tells two photos of the same name apart: accepting one leaves the other open', () => {
    const { doc, sha } = withGlare();
    const first = doc.materials[LICENCE].files[0];
    const second = file({ name: first.name });
    doc.materials[LICENCE].files = [first, second];
    doc.materials[LICENCE].accepted = [{ code: 'image.glare', about: sha }];
    const result = material(checkProject(doc, pack, today, {}, { [sha]: glare, [second.sha256]: glare }), LICENCE);
    expect(result.status).toBe('warning');
    expect(result.problems.map((p) => p.params.sha256)).toEqual([second.sha256]);
    expect(result.accepted?.map((p) => p.params.sha256)).toEqual([sha]);
  });

  it('never accepts an out-of-date 安全更新记录 chart: regenerating it is the fix', () => {
    expect(isAcceptable({ code: 'securityLog.chartOutdated', severity: 'warning' })).toBe(false);
    expect(isAcceptable({ code: 'image.glare', severity: 'warning' })).toBe(true);
  });

  describe('a warning about a date (a warning-only rule whose document expires soon)', () => {
    const PRE = 'pre-approval';
    const warningPack = (severity: 'warning' | 'error' = 'warning'): RulePack => ({
      ...pack,
      materials: pack.materials.map((m) => (m.id === PRE ? { ...m, severity, expires: { minDaysLeft: 60 } } : m)),
    });
    const project = (validUntil: string) => {
      const doc = completeGuangdongProject();
      doc.materials[PRE].validUntil = validUntil;
      return doc;
    };

    it('still matches on a later day (the days left are not what it is about), not after a new date', () => {
      const doc = project('2026-12-20');
      const open = material(checkProject(doc, warningPack(), today), PRE);
      expect(codes(open.problems)).toEqual(['material.expiresSoon']);
      expect(open.status).toBe('warning');

      const about = warningAbout(open.problems[0], doc.materials[PRE]);
      expect(about).toContain('"validUntil","2026-12-20"');
      doc.materials[PRE].accepted = [{ code: 'material.expiresSoon', about }];
      expect(material(checkProject(doc, warningPack(), today), PRE).status).toBe('ok');
      expect(material(checkProject(doc, warningPack(), '2026-11-30'), PRE).status).toBe('ok');

      doc.materials[PRE].validUntil = '2026-12-27';
      const stale = material(checkProject(doc, warningPack(), today), PRE);
      expect(stale.status).toBe('warning');
      expect(codes(stale.problems)).toEqual(['material.expiresSoon']);

      // A file added to the material is a new thing too: the acceptance was for what was there.
      doc.materials[PRE].validUntil = '2026-12-20';
      doc.materials[PRE].files.push(file({ name: '补充.pdf' }));
      expect(material(checkProject(doc, warningPack(), today), PRE).status).toBe('warning');
    });

    it('never accepts the same problem where it is an error', () => {
      const doc = project('2026-12-20');
      const warned = material(checkProject(doc, warningPack(), today), PRE).problems[0];
      doc.materials[PRE].accepted = [{ code: 'material.expiresSoon', about: warningAbout(warned, doc.materials[PRE]) }];
      const result = material(checkProject(doc, warningPack('error'), today), PRE);
      expect(result.status).toBe('invalid');
      expect(result.problems).toEqual([expect.objectContaining({ code: 'material.expiresSoon', severity: 'error' })]);
      expect(result.accepted).toBeUndefined();
    });
  });

  it('leaves the packet as bound: accepting is not a reason to bind again', () => {
    const { doc, sha } = withGlare();
    const before = bindFingerprint(doc);
    doc.materials[LICENCE].accepted = [{ code: 'image.glare', about: sha }];
    expect(bindFingerprint(doc)).toBe(before);
    doc.materials[LICENCE].validUntil = '2030-01-01';
    expect(bindFingerprint(doc)).not.toBe(before);
  });

  it('opens a record written before accepting existed, unchanged and with the same report', () => {
    const { doc, scans } = withGlare();
    const old = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
    const parsed = ProjectDocSchema.parse(old);
    expect(parsed).toEqual(doc);
    expect(parsed.materials[LICENCE]).not.toHaveProperty('accepted');
    expect(checkProject(parsed, pack, today, {}, scans)).toEqual(checkProject(doc, pack, today, {}, scans));
  });
});

describe('acceptWarning, as the app and matprep accept call it', () => {
  async function projectWithGlare() {
    const dir = await mkdtemp(join(tmpdir(), 'matprep-accept-'));
    const { doc, sha } = withGlare();
    await writeFile(join(dir, 'matprep.json'), JSON.stringify(doc));
    await import('node:fs/promises').then((fs) => fs.mkdir(join(dir, 'scans')));
    await writeFile(join(dir, 'scans', `${sha}.json`), JSON.stringify(glare));
    return { dir, sha, name: doc.materials[LICENCE].files[0].name };
  }
  const ctx = { rulesDirs: { builtIn: builtInRulesDir() }, today, locale: 'zh-CN' as const };
  const saved = async (dir: string) => JSON.parse(await readFile(join(dir, 'matprep.json'), 'utf8')) as ProjectDoc;

  it('records the code and the photo it was about, and takes it back on undo', async () => {
    const { dir, sha, name } = await projectWithGlare();
    await acceptWarning(dir, ctx, { materialId: LICENCE, code: 'image.glare', file: name });
    expect((await saved(dir)).materials[LICENCE].accepted).toEqual([{ code: 'image.glare', about: sha }]);
    // Twice is once.
    await acceptWarning(dir, ctx, { materialId: LICENCE, code: 'image.glare' });
    expect((await saved(dir)).materials[LICENCE].accepted).toHaveLength(1);

    await acceptWarning(dir, ctx, { materialId: LICENCE, code: 'image.glare', undo: true });
    expect((await saved(dir)).materials[LICENCE]).not.toHaveProperty('accepted');
    expect((await openProject(dir)).doc.materials[LICENCE].files).toHaveLength(1);
  });

  it('refuses an error, a step still to do and a warning that is not there, saying which', async () => {
    const { dir } = await projectWithGlare();
    const refusal = async (code: string, materialId = LICENCE) => {
      const error = await acceptWarning(dir, ctx, { materialId, code }).catch((e: unknown) => e);
      expect(isUserError(error)).toBe(true);
      return (error as { code: string; format(locale: 'zh-CN' | 'en'): string }).code;
    };
    // A licence whose 有效期 has run out: an error.
    const { doc } = await openProject(dir);
    doc.materials[LICENCE].validUntil = '2026-01-01';
    await writeFile(join(dir, 'matprep.json'), JSON.stringify(doc));
    expect(await refusal('material.expired')).toBe('accept.notAWarning');
    expect(await refusal('image.blur')).toBe('accept.noSuchWarning');
    expect(await refusal('image.glare', 'nope')).toBe('project.unknownMaterial');
    expect((await saved(dir)).materials[LICENCE]).not.toHaveProperty('accepted');
    const undo = await acceptWarning(dir, ctx, { materialId: LICENCE, code: 'image.glare', undo: true }).catch(
      (e: unknown) => e,
    );
    expect((undo as { code: string }).code).toBe('accept.notAccepted');
  });
});
