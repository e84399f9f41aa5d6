import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import {
  attachSecurityTimeline,
  checkSecurityLog,
  renderSecurityTimeline,
  setSecurityLog,
  sortChronologically,
  SecurityLogEntrySchema,
  timelineMaterial,
  CHART_OUTDATED,
  type SecurityLogEntryInput,
} from '../../src/core/security-log';
import { isUnfinished } from '../../src/core/model/schemas/check-report';
import { builtInRulesDir, getRulePack } from '../../src/core/rules/loader';
import { createProject, openProject, removeFile } from '../../src/core/project/store';
import { setConfirmation, setField } from '../../src/core/workspace/edits';
import { bindProject, loadProject } from '../../src/core/workspace/workspace';
import { wording } from '../support/wording';

const entry = (over: SecurityLogEntryInput = {}) =>
  SecurityLogEntrySchema.parse({
    date: '2026-09-01',
    problem: '登录接口存在 SQL 注入风险',
    fix: '改用参数化查询',
    effect: '复测无注入点',
    responsible: '张伟',
    signed: true,
    ...over,
  });

async function pdftotext(bytes: Uint8Array): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'matprep-tl-')), 'chart.pdf');
  await writeFile(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('checkSecurityLog', () => {
  const today = '2026-11-23';

  it('accepts a complete, signed, recent log', () => {
    expect(checkSecurityLog([entry(), entry({ date: '2026-11-23' })], today)).toEqual([]);
  });

  it('flags unsigned, undated, malformed and future entries as errors, old ones as warnings', () => {
    const problems = checkSecurityLog(
      [
        entry({ signed: false }),
        entry({ date: '' }),
        entry({ date: '2026-02-30' }),
        entry({ date: '2026-11-24' }),
        entry({ date: '2026-05-22' }),
        entry({ date: '2026-05-23' }),
        entry({ responsible: ' ', fix: '' }),
      ],
      today,
    );
    expect(problems.map((p) => [p.code, p.severity])).toEqual([
      ['securityLog.unsigned', 'error'],
      ['securityLog.undated', 'error'],
      ['securityLog.badDate', 'error'],
      ['securityLog.future', 'error'],
      ['securityLog.old', 'warning'],
      ['securityLog.incomplete', 'error'],
      ['securityLog.noResponsible', 'error'],
    ]);
    expect(wording(problems[0]).message).toContain('第 1 条');
    expect(wording(problems[0]).message).toContain('签字');
    expect(wording(problems[4]).message).toContain('2026-05-22');
  });

  it('reads a row not filled in yet as to-dos, without empty brackets; a wrong date stays an error', () => {
    const blank = entry({ date: '', problem: '', fix: '', effect: '', responsible: '', signed: false });
    const problems = checkSecurityLog([blank], today);
    expect(problems.map((p) => p.code)).toEqual([
      'securityLog.undated',
      'securityLog.incomplete',
      'securityLog.noResponsible',
      'securityLog.unsigned',
    ]);
    expect(problems.every(isUnfinished)).toBe(true);
    expect(problems.map((p) => p.subject?.entry)).toEqual([1, 1, 1, 1]);
    for (const p of problems) expect(wording(p).message).not.toMatch(/[（(]\s*[）)]/);
    expect(wording(problems[0]).message).toBe('第 1 条更新记录还没有日期。请填写 YYYY-MM-DD 格式的日期。');
    // With something to name the row by, it is named.
    const [named] = checkSecurityLog([entry({ signed: false })], today);
    expect(wording(named, 'en').message).toMatch(/^Update #1 \(2026-09-01 登录接口存在 SQL 注入风险\) is not signed/);
    const [unnamed] = checkSecurityLog(
      [{ ...blank, date: '2026-09-01', problem: 'x', fix: 'y', responsible: 'z' }],
      today,
    );
    expect(wording(unnamed, 'en').message).toMatch(/^Update #1 \(2026-09-01 x\)/);

    const wrong = checkSecurityLog([entry({ date: '2026-02-30' }), entry({ date: '2026-11-24' })], today);
    expect(wrong.map((p) => [p.code, isUnfinished(p)])).toEqual([
      ['securityLog.badDate', false],
      ['securityLog.future', false],
    ]);
  });

  it('warns about an empty log, in English too', () => {
    const [problem] = checkSecurityLog([], '2026-11-23');
    expect(problem).toMatchObject({ code: 'securityLog.empty', severity: 'warning' });
    expect(wording(problem, 'en').message).toMatch(/empty/);
  });
});

describe('sortChronologically', () => {
  it('orders by date, keeps ties in place and puts undated or malformed entries last', () => {
    const dates = ['2026-09-01', '', '2026-02-30', '2026-03-01', '2026-09-01'];
    const entries = dates.map((date, i) => entry({ date, problem: String(i) }));
    expect(sortChronologically(entries).map((e) => e.problem)).toEqual(['3', '0', '4', '1', '2']);
  });
});

describe('renderSecurityTimeline', () => {
  it('draws one landscape A4 page with the title, the applicant, each date and both legend marks', async () => {
    const entries = [
      entry({ date: '2026-06-03', problem: '管理后台弱口令', fix: '强制复杂口令并启用双因素认证' }),
      entry({ date: '2026-07-20', problem: 'OpenSSL 高危漏洞', fix: '升级并重启', signed: false }),
      entry({ date: '2026-11-10', problem: '日志留存不足 6 个月', fix: '集中存储，保留 12 个月' }),
      entry({ date: '', problem: '一次未记录日期的紧急修复', signed: false }),
    ];
    const bytes = await renderSecurityTimeline(entries, { today: '2026-11-23', company: '上海示例网络科技有限公司' });
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    const { width, height } = pdf.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);
    expect(pdf.getTitle()).toBe('网络安全演进图');

    const text = await pdftotext(bytes);
    expect(text).toContain('网络安全演进图');
    expect(text).toContain('上海示例网络科技有限公司');
    for (const date of ['2026-06-03', '2026-07-20', '2026-11-10']) expect(text).toContain(date);
    expect(text).toContain('OpenSSL 高危漏洞');
    expect(text).toContain('无日期');
    expect(text).toContain('已签字确认');
    expect(text).toContain('未签字');
    // Month ticks from the first entry's month on.
    expect(text).toContain('2026-06');
    expect(text).toContain('2026-12');
  });

  it('keeps to one page with many entries and says how many rows were left out', async () => {
    const pad = (n: number) => String(n).padStart(2, '0');
    const entries = Array.from({ length: 40 }, (_, i) =>
      entry({ date: `2026-${pad(1 + (i % 10))}-${pad(1 + Math.floor(i / 10) * 7)}` }),
    );
    const bytes = await renderSecurityTimeline(entries, { today: '2026-11-23' });
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(await pdftotext(bytes)).toMatch(/另有 \d+ 条较早的记录未列出/);
  });

  it('refuses an empty log', async () => {
    await expect(renderSecurityTimeline([], { today: '2026-11-23' })).rejects.toMatchObject({
      code: 'securityLog.noEntries',
    });
  });
});

describe('the timeline as a material of a pack', () => {
  const rulesDirs = { builtIn: builtInRulesDir() };
  const today = '2026-11-23';

  it('is found by its well-known material id, in any pack that has it, and in none that lacks it', async () => {
    expect(timelineMaterial(await getRulePack(rulesDirs, 'mlps-filing-level2'))).toBe('security-timeline');
    expect(timelineMaterial(await getRulePack(rulesDirs, 'mlps-filing-level3'))).toBe('security-timeline');
    // The news pack's older id still works, so its existing projects keep their chart.
    expect(timelineMaterial(await getRulePack(rulesDirs, 'news-info-service-licence'))).toBe('security-update-log');
    expect(timelineMaterial(await getRulePack(rulesDirs, 'icp-filing-enterprise'))).toBeUndefined();
    // A user's pack gets it the same way: by the id, not by the pack.
    expect(timelineMaterial({ materials: [{ id: 'a' }, { id: 'security-timeline' }] })).toBe('security-timeline');
  });

  it.each(['mlps-filing-level2', 'mlps-filing-level3'])(
    'in %s: the log is edited, the chart rendered and bound as the optional 网络安全演进图 material',
    async (packId) => {
      const pack = await getRulePack(rulesDirs, packId);
      const material = pack.materials.find((m) => m.id === 'security-timeline')!;
      expect(material).toMatchObject({ required: false, severity: 'warning' });
      // The optional chart evidences GB/T 22239-2019's 漏洞和风险管理 (it used to cite an internal seed).
      expect(material.source).toContain('等保基本要求');
      expect(material.note).toBeTruthy();

      const dir = join(await mkdtemp(join(tmpdir(), 'matprep-mlps-')), '等保');
      await createProject(dir, { ruleId: pack.id, ruleVersion: pack.version, name: '等保' });
      const saved = await setSecurityLog(dir, [
        entry({ date: '2026-10-15', problem: '边界防火墙策略过宽', fix: '收紧入站规则', signed: false }),
        entry({ date: '2026-08-01' }),
      ]);
      expect(saved.doc.securityLog?.map((e) => e.date)).toEqual(['2026-08-01', '2026-10-15']);
      expect(checkSecurityLog(saved.doc.securityLog!, today).map((p) => p.code)).toEqual(['securityLog.unsigned']);

      await setSecurityLog(
        dir,
        saved.doc.securityLog!.map((e) => ({ ...e, signed: true })),
      );
      const attached = await attachSecurityTimeline(dir, pack, { today });
      expect(attached.doc.materials['security-timeline'].files.map((f) => f.name)).toEqual([
        `网络安全演进图-${today}.pdf`,
      ]);
      await setConfirmation(dir, pack, 'security-timeline', '更新日志已签名', true);
      const ctx = { rulesDirs, today, locale: 'zh-CN' as const };
      const state = await loadProject(dir, ctx);
      expect(state.report.materials.find((m) => m.id === 'security-timeline')?.status).toBe('ok');

      const output = join(dir, 'out', 'packet.pdf');
      const outcome = await bindProject(dir, ctx, { output, allowIncomplete: true });
      if (outcome.kind !== 'written') throw new Error('not bound');
      const section = outcome.result.sections.find((s) => s.materialId === 'security-timeline')!;
      expect(section.title).toBe(material.title);
      expect(section.lastPage).toBe(section.firstPage);
      // The chart's own text is on that page of the packet.
      const page = execFileSync(
        'pdftotext',
        ['-f', String(section.firstPage), '-l', String(section.lastPage), output, '-'],
        { encoding: 'utf8' },
      );
      expect(page).toContain('网络安全演进图');
      expect(page).toContain('边界防火墙策略过宽');
      expect((await PDFDocument.load(await readFile(output))).getPageCount()).toBe(outcome.result.pages);
      expect((await openProject(dir)).doc.history).toHaveLength(1);
    },
  );

  it('refuses to draw a log with an unfinished or wrong entry, and flags a chart the log has moved on from', async () => {
    const pack = await getRulePack(rulesDirs, 'mlps-filing-level2');
    const dir = join(await mkdtemp(join(tmpdir(), 'matprep-mlps-')), '等保');
    await createProject(dir, { ruleId: pack.id, ruleVersion: pack.version, name: '等保' });
    const ctx = { rulesDirs, today, locale: 'zh-CN' as const };
    const timeline = async () =>
      (await loadProject(dir, ctx)).report.materials.find((m) => m.id === 'security-timeline')!;

    await setSecurityLog(dir, [entry(), entry({ date: '2026-10-01', responsible: '' })]);
    await expect(attachSecurityTimeline(dir, pack, { today })).rejects.toMatchObject({
      code: 'securityLog.notReady',
      params: { index: 2 },
    });
    expect((await openProject(dir)).doc.materials['security-timeline']?.files ?? []).toEqual([]);
    await setSecurityLog(dir, [entry(), entry({ date: '2026-12-01' })]);
    await expect(attachSecurityTimeline(dir, pack, { today })).rejects.toMatchObject({ code: 'securityLog.notReady' });

    const log = [entry(), entry({ date: '2026-10-01' })];
    await setSecurityLog(dir, log);
    const attached = await attachSecurityTimeline(dir, pack, { today });
    const [chart] = attached.doc.materials['security-timeline'].files;
    // The project file records which file the chart is and what it was drawn from.
    const saved = JSON.parse(await readFile(join(dir, 'matprep.json'), 'utf8'));
    expect(saved.securityLogChart).toEqual({ file: chart.id, fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/) });
    await setConfirmation(dir, pack, 'security-timeline', '更新日志已签名', true);
    expect(await timeline()).toMatchObject({ status: 'ok', problems: [] });

    // Saving the same log again (new order, same text) changes nothing; editing an entry does.
    await setSecurityLog(dir, [...log].reverse());
    expect((await timeline()).status).toBe('ok');
    await setSecurityLog(dir, [log[0], { ...log[1], effect: '复测仍有问题' }]);
    const outdated = await timeline();
    expect(outdated.status).toBe('warning');
    expect(outdated.problems.map((p) => [p.code, p.severity])).toEqual([[CHART_OUTDATED, 'warning']]);
    expect(wording(outdated.problems[0]).message).toContain('重新生成演进图');
    // So does renaming the applicant the chart names.
    await attachSecurityTimeline(dir, pack, { today });
    expect((await timeline()).status).toBe('ok');
    await setField(dir, pack, 'org_name', '上海另一家科技有限公司');
    expect((await timeline()).problems.map((p) => p.code)).toEqual([CHART_OUTDATED]);

    // Generating again replaces the chart and clears the warning; removing the chart clears it too.
    const again = await attachSecurityTimeline(dir, pack, { today });
    expect(again.doc.materials['security-timeline'].files).toHaveLength(1);
    expect((await timeline()).problems).toEqual([]);
    await setSecurityLog(dir, [log[0]]);
    expect((await timeline()).problems.map((p) => p.code)).toEqual([CHART_OUTDATED]);
    await removeFile(dir, 'security-timeline', again.doc.materials['security-timeline'].files[0].id);
    expect((await timeline()).problems.map((p) => p.code)).not.toContain(CHART_OUTDATED);
  });
});
