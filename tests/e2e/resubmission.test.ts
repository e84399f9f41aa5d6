/**
 * A round of 补正 through the real UI: bind → 标记为已提交 (受理号, where) → paste the authority's
 * notice and tick the material a line concerns → the request shows on its checklist item → change
 * that material → it reads 已处理 and "自上次提交以来的变更" lists the change → re-bind with the
 * 补正说明 switch → the two packets side by side at the changed material → the packet's page 3 is the
 * 补正说明, read back. axe on the way.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchApp, seriousViolations, type App } from './harness';
import { CORPUS, describeCorpus } from '../support/corpus';
import { createProject, fillAndLeave, setChecked, until } from './helpers';

describeCorpus('resubmission after 补正', () => {
  let app: App;
  beforeAll(async () => {
    app = await launchApp({ today: '2026-11-23' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('submits, records the notice, answers it and re-binds with a 补正说明 page', async () => {
    const { page } = app;
    const dir = await createProject(app, '示例科技 ICP 备案');
    await fillAndLeave(page.getByLabel('主办单位名称'), '上海示例科技有限公司');
    const checklist = page.getByRole('complementary', { name: '检查清单' });
    const licenceItem = checklist.getByRole('button', { name: /^营业执照/ });
    await licenceItem.click();
    await page.getByRole('heading', { level: 1, name: '营业执照' }).waitFor();
    await page.getByLabel('添加文件…').setInputFiles(join(CORPUS, 'v20-simple.pdf'));
    await page.getByText('v20-simple.pdf', { exact: true }).waitFor();

    // Bind (incomplete on purpose: the round is what is tested), then mark it as submitted.
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('button', { name: '装订' }).click();
    await page.getByRole('heading', { level: 1, name: '装订' }).waitFor();
    await page.getByRole('checkbox', { name: '仍然装订（材料不完整）' }).check();
    await page.getByRole('button', { name: '开始装订' }).click();
    await page.getByText('装订完成').waitFor({ timeout: 120_000 });
    const card = page.getByRole('region', { name: '提交与补正' });
    await card.getByLabel('受理号或回执号').fill('SH-ICP-20261123-0007');
    await card.getByLabel('提交渠道（系统 / 窗口 / 接入商）').fill('工信部备案系统（经接入商）');
    await card.getByRole('button', { name: '标记为已提交' }).click();
    await until(() => card.getByTestId('submission').count()).toBe(1);
    expect(await card.getByTestId('submission').textContent()).toContain('受理号 SH-ICP-20261123-0007');
    await card.getByTestId('changes-none').waitFor();
    const saved = JSON.parse(await readFile(join(dir, 'matprep.json'), 'utf8'));
    expect(saved.submissions[0]).toMatchObject({ date: '2026-11-23', receipt: 'SH-ICP-20261123-0007' });
    // The kept copy opens from the timeline.
    await card.getByRole('button', { name: '打开提交的材料（2026-11-23）' }).click();
    await until(() => app.platform.opened.at(-1)).toBe(join(dir, saved.submissions[0].packet.path));

    // The notice, pasted; line 1 concerns the 营业执照, line 2 nothing in particular (whole application).
    await card
      .getByLabel('补正通知')
      .fill('1. 营业执照扫描件不清晰，请重新上传彩色扫描件\n2. 请补充网站负责人手机号核验截图');
    const line1 = card.getByRole('group', { name: /第 1 条：营业执照扫描件不清晰/ });
    await setChecked(line1.getByRole('checkbox', { name: '营业执照' }), true);
    await card.getByRole('button', { name: '记录 2 条补正意见' }).click();
    await until(() => card.getByTestId('request').count()).toBe(2);
    expect(await card.getByTestId('request').first().textContent()).toContain('未处理');
    expect(await seriousViolations(page)).toEqual([]);

    // The open request shows on its checklist item until the material changes.
    await nav.getByRole('button', { name: '材料' }).click();
    await until(() => licenceItem.textContent()).toContain('补正意见：营业执照扫描件不清晰');
    await licenceItem.click();
    await page.getByRole('heading', { level: 1, name: '营业执照' }).waitFor();
    await page.getByLabel('添加文件…').setInputFiles(join(CORPUS, 'img-exif-portrait-o6.jpg'));
    await page.getByText('img-exif-portrait-o6.jpg', { exact: true }).waitFor();
    await until(() => checklist.getByTestId('checklist-request').count()).toBe(0);

    // Back on the bind screen: the change, the request answered; re-bind with the 补正说明 page.
    await nav.getByRole('button', { name: '装订' }).click();
    await until(() => card.getByTestId('changes').textContent()).toContain(
      '营业执照：修改（新增 img-exif-portrait-o6.jpg）',
    );
    expect(await card.getByTestId('request').first().textContent()).toContain('已处理');
    await setChecked(page.getByRole('checkbox', { name: /加入补正说明页/ }), true);
    await page.getByRole('checkbox', { name: '仍然装订（材料不完整）' }).check();
    await page.getByRole('button', { name: '重新装订' }).click();
    await page.getByText('装订完成').waitFor({ timeout: 120_000 });
    // The bind screen reloads the project once the job is done: then the new packet is offered to compare.
    await card.getByRole('button', { name: '与上次提交的材料对比' }).waitFor();
    expect(await card.getByRole('button', { name: '标记为已提交' }).count()).toBe(1);
    await app.screenshot('28-resubmission', card);
    expect(await seriousViolations(page)).toEqual([]);

    // Side by side: the submitted copy and the new packet, both turned to the changed 营业执照 and marked.
    await card.getByRole('button', { name: '与上次提交的材料对比' }).click();
    const compare = page.getByRole('dialog', { name: '上次提交的材料与新装订的材料' });
    await compare.getByRole('group', { name: '跳到有变更的材料' }).getByRole('button', { name: '营业执照' }).click();
    const before = compare.getByRole('region', { name: '上次提交' });
    const after = compare.getByRole('region', { name: '新装订' });
    for (const side of [before, after]) {
      await until(() => side.getByTestId('compare-where').textContent()).toBe('营业执照有变更');
      await side.and(page.locator('[aria-busy="false"]')).waitFor();
    }
    // The new packet has the 补正说明 page in front, so the material starts one page later there.
    const shown = async (side: typeof before) => (await side.getByRole('img').getAttribute('aria-label')) ?? '';
    expect(await shown(before)).toMatch(/第 3 页/);
    expect(await shown(after)).toMatch(/第 4 页/);
    await app.screenshot('29-compare');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await until(() => compare.count()).toBe(0);

    const output = (await page.getByTestId('result-file').textContent())!.trim();
    const text = execFileSync('pdftotext', ['-layout', output, '-'], { encoding: 'utf8' });
    const changesPage = text.split('\f')[2].replace(/\s+/g, '');
    expect(changesPage).toContain('补正说明');
    expect(changesPage).toContain('受理号SH-ICP-20261123-0007');
    expect(changesPage).toContain('营业执照扫描件不清晰，请重新上传彩色扫描件');
    expect(changesPage).toContain('处理：营业执照：修改（新增img-exif-portrait-o6.jpg）');
    // The whole-application request points at the change above; nothing else changed.
    expect(changesPage).toContain('处理：见上述各项修改。二、其他修改无。');
    execFileSync('pdftoppm', ['-f', '3', '-l', '3', '-r', '60', '-png', output, join(app.tempDir, 'changes-page')]);
    expect(app.errors).toEqual([]);
  });
});
