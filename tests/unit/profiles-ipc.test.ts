/** The extras channels end to end through the real handler table and dispatch (no Electron). */
import { describeAlert } from '../../src/i18n/alerts';
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { createTestApp, type TestApp } from '../support/app';
import { wording } from '../support/wording';
import { pdf as onePagePdf } from '../fixtures/bad-inputs';

let app: TestApp;
const call: TestApp['call'] = (channel, request) => app.call(channel, request);

async function newProject(ruleId: string, name: string) {
  const dir = join(await mkdtemp(join(tmpdir(), 'matprep-x-')), name);
  return call('project:create', { dir, ruleId, name });
}

beforeAll(async () => {
  app = await createTestApp();
});

describe('extras over IPC', () => {
  it('saves a profile, stores a document and applies both to a project', async () => {
    const profile = await call('profiles:save', {
      name: '上海示例网络科技有限公司',
      uscc: '91310110666007217T',
      legalRepName: '张伟',
      contacts: [{ name: '李娜', mobile: '13900139000', email: 'li@example.com', role: '' }],
    });
    const withDoc = await call('profiles:addDocument', {
      profileId: profile.id,
      key: 'business-licence',
      file: { name: 'simple.pdf', data: await onePagePdf() },
      validUntil: '2040-12-31',
    });
    expect(withDoc.library).toHaveLength(1);
    expect((await call('profiles:list', {})).map((p) => p.id)).toContain(profile.id);

    const project = await newProject('mlps-filing-level3', '等保三级');
    const view = await call('profiles:apply', { dir: project.dir, profileId: profile.id });
    expect(view.doc.fields).toMatchObject({
      org_name: '上海示例网络科技有限公司',
      uscc: '91310110666007217T',
      legal_rep_name: '张伟',
      contact_name: '李娜',
    });
    expect(view.doc.materials['business-licence'].files.map((f) => f.name)).toEqual(['simple.pdf']);
    expect(view.report.fields.find((f) => f.id === 'uscc')?.status).toBe('ok');

    const back = await call('profiles:fromProject', { dir: project.dir });
    expect(back).toMatchObject({ name: '上海示例网络科技有限公司', contacts: [{ name: '李娜' }] });
    expect(back.library.map((d) => d.key)).toEqual(['business-licence']);

    expect(await call('profiles:delete', { id: profile.id })).toEqual({ ok: true });
    const missing = await app.raw('profiles:apply', { dir: project.dir, profileId: profile.id });
    expect(missing).toMatchObject({ ok: false, error: { code: 'profile.notFound' } });
  });

  it('lists expiry alerts across recent projects, the licence included', async () => {
    const project = await newProject('icp-licence-b25', 'ICP许可');
    await call('project:setDates', { dir: project.dir, materialId: 'business-licence', validUntil: '2027-01-01' });
    await call('alerts:setLicence', { dir: project.dir, number: '沪B2-20210001', grantedOn: '2022-04-20' });
    const alerts = (await call('alerts:list', {})).alerts.filter((a) => a.projectDir === project.dir);
    expect(alerts.map((a) => [a.subject, a.level, a.date, a.daysLeft, a.windowDays])).toEqual([
      ['material', 'red', '2027-01-01', 39, 90],
      // 5 years from 2022-04-20 with a 90-day renewal window: 147 days left, within 60 days of the window.
      ['licence', 'yellow', '2027-04-19', 147, 90],
    ]);
    expect(describeAlert(alerts[0], 'zh-CN')).toContain('营业执照');

    const bad = await app.raw('alerts:setLicence', { dir: project.dir, grantedOn: '2022-13-01' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'project.badDate' } });
  });

  it('saves the security log, checks it and attaches the rendered chart once', async () => {
    const project = await newProject('news-info-service-licence', '新闻许可');
    const entries = [
      {
        date: '2026-10-15',
        problem: '日志留存不足',
        fix: '集中存储 12 个月',
        effect: '',
        responsible: '张伟',
        signed: false,
      },
      {
        date: '2026-08-01',
        problem: '后台弱口令',
        fix: '启用双因素认证',
        effect: '全部改造',
        responsible: '张伟',
        signed: true,
      },
    ];
    const saved = await call('securityLog:set', { dir: project.dir, entries });
    expect(saved.doc.securityLog?.map((e) => e.date)).toEqual(['2026-08-01', '2026-10-15']);
    expect(saved.doc.securityLog?.every((e) => e.id.length > 0)).toBe(true);

    const problems = await call('securityLog:check', { dir: project.dir });
    expect(problems.map((p) => p.code)).toEqual(['securityLog.unsigned']);
    // Stored in date order, so the unsigned 10-15 entry is the second, as on the chart.
    expect(wording(problems[0]).message).toContain('第 2 条');

    // Not drawn while an entry is unsigned: the chart would show a log that fails its own check.
    const refused = await app.raw('securityLog:render', { dir: project.dir });
    expect(refused).toMatchObject({ ok: false, error: { code: 'securityLog.notReady' } });
    if (!refused.ok) expect(refused.error.message).toContain('第 2 条');
    await call('securityLog:set', {
      dir: project.dir,
      entries: (saved.doc.securityLog ?? []).map((e) => ({ ...e, signed: true })),
    });

    await call('securityLog:render', { dir: project.dir });
    const view = await call('securityLog:render', { dir: project.dir });
    const files = view.doc.materials['security-update-log'].files;
    expect(files.map((f) => f.name)).toEqual(['网络安全演进图-2026-11-23.pdf']);
    // The chart from the first render was replaced and its vault copy removed.
    expect(await readdir(join(project.dir, 'vault'))).toEqual([files[0].sha256]);

    const bytes = await call('project:fileBytes', { dir: project.dir, sha256: files[0].sha256 });
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
    const file = join(project.dir, 'chart-check.pdf');
    await writeFile(file, bytes);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('网络安全演进图');
    expect(text).toContain('2026-10-15');
  });

  it('says clearly when a pack has no place for the chart', async () => {
    const project = await newProject('icp-filing-enterprise', '备案');
    await call('securityLog:set', {
      dir: project.dir,
      entries: [{ date: '2026-08-01', problem: 'x', fix: 'y', responsible: 'z', signed: true }],
    });
    const result = await app.raw('securityLog:render', { dir: project.dir });
    expect(result).toMatchObject({ ok: false, error: { code: 'securityLog.noMaterial' } });
    if (!result.ok) expect(result.error.message).toContain('网络安全演进图');
  });
});
