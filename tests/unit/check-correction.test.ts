/**
 * The 补正清单 from a real check report: unfinished items are 待完成 (as in the app), and an item the
 * rule only warns about or makes optional says why, in the rule's own words.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/core/check';
import { correctionRows, renderCorrectionList } from '../../src/core/bind/correction-list';
import { builtInRulesDir, loadRulePackFile } from '../../src/core/rules/loader';
import type { RulePack } from '../../src/core/model/schemas/rules';
import { completeGuangdongProject, file } from './check-fixtures';
import { pageTexts } from '../fixtures/pdf-read';

const today = '2026-11-23';
let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePackFile(join(builtInRulesDir(), 'icp-filing-enterprise.yaml'));
});

/** A 广东 project with an unticked box, and a wrong-format photo for the optional face check. */
function project() {
  const doc = completeGuangdongProject();
  doc.materials['verification-form'].confirmations = ['网站负责人亲笔签名'];
  doc.materials['face-verification'] = {
    files: [file({ name: 'face.pdf', mediaType: 'application/pdf', pages: 1 })],
    confirmations: [],
  };
  return doc;
}

describe('补正清单', () => {
  it('calls unfinished items 待完成 and gives an optional item its reason', () => {
    const report = checkProject(project(), pack, today);
    const rows = correctionRows(report, 'zh-CN');
    const form = rows.find((r) => r.item === pack.materials.find((m) => m.id === 'verification-form')!.title)!;
    expect(form.status).toBe('待完成');
    // A blocking item gets no "why optional" line, even if its rule has a note.
    expect(form.problems.join('')).not.toContain('为什么');
    const face = rows.find((r) => r.item === '人脸/视频核验（幕布照）')!;
    expect(face.status).toBe('请注意');
    const rule = pack.materials.find((m) => m.id === 'face-verification')!;
    expect(face.problems).toContain(`为什么是可选：${rule.note!.trim()}`);
  });

  it('prints them in the PDF', async () => {
    const doc = project();
    const report = checkProject(doc, pack, today);
    const output = join(mkdtempSync(join(tmpdir(), 'matprep-correction-')), '补正清单.pdf');
    await renderCorrectionList(report, doc, pack, output, { now: new Date('2026-11-23T00:00:00Z') });
    const text = pageTexts(output).join('\n').replace(/\s+/g, '');
    expect(text).toContain('待完成');
    expect(text).not.toContain('待确认');
    expect(text).toContain('为什么是可选：核验必需');
    // The unticked box becomes what the paper must show, not where to tick in the app.
    expect(text).toContain('处理：材料须做到“加盖公章”：请核对');
    expect(text).not.toContain('确认事项');
  });

  it('words an unticked box for the paper, in English too', () => {
    const report = checkProject(project(), pack, today);
    const title = pack.materials.find((m) => m.id === 'verification-form')!.title;
    const form = correctionRows(report, 'en').find((r) => r.item === title)!;
    expect(form.problems).toContain(
      'To do: Check that the document meets "加盖公章"; if it does not, complete it and hand it back.',
    );
    // The item comes from the problem's params, so the app's "tick it under Confirmations" never shows.
    expect(form.problems.join('')).not.toContain('Confirmations');
  });

  it('says a complete project needs nothing corrected, however many notes it has', async () => {
    const doc = completeGuangdongProject();
    doc.materials['face-verification'] = {
      files: [file({ name: 'face.pdf', mediaType: 'application/pdf', pages: 1 })],
      confirmations: [],
    };
    const report = checkProject(doc, pack, today);
    expect(report.complete).toBe(true);
    const rows = correctionRows(report, 'zh-CN');
    expect(rows.map((r) => r.blocking)).toEqual([false]);
    const output = join(mkdtempSync(join(tmpdir(), 'matprep-correction-')), '补正清单.pdf');
    await renderCorrectionList(report, doc, pack, output, { now: new Date('2026-11-23T00:00:00Z') });
    const text = pageTexts(output).join('\n').replace(/\s+/g, '');
    expect(text).toContain('材料已齐全；以下1项为提示，供参考。');
    expect(text).not.toContain('需要补正');
  });

  it('counts only blocking rows as 需要补正, with the notes besides', async () => {
    const doc = project();
    const report = checkProject(doc, pack, today);
    const rows = correctionRows(report, 'zh-CN');
    expect(rows.filter((r) => r.blocking)).toHaveLength(1);
    const output = join(mkdtempSync(join(tmpdir(), 'matprep-correction-')), '补正清单.pdf');
    await renderCorrectionList(report, doc, pack, output, { now: new Date('2026-11-23T00:00:00Z') });
    const text = pageTexts(output).join('\n').replace(/\s+/g, '');
    const percent = Math.round(report.completeness * 100);
    expect(percent).toBeLessThan(100);
    expect(text).toContain(`共1项需要补正（完成度${percent}%）。另有1项提示，供参考。`);
  });
});
