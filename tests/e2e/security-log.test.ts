/**
 * The 安全更新记录 editor in an 等保二级 project, as a first-time user meets it: the step is 可选 like
 * its material; a new row is a to-do (amber, no empty brackets), each field marked on its own; a wrong
 * date is red on the date alone; generating waits until every row is done; a chart the log has moved
 * on from is flagged in the editor, the checklist, the bind summary (in the UI's language) and the
 * material's check, until generated again.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, seriousViolations, type App } from './harness';
import { description, fillAndLeave, setChecked, until } from './helpers';

const TODAY = '2026-11-23';

describe('security-update log editor', () => {
  let app: App;
  beforeAll(async () => {
    app = await launchApp({ today: TODAY });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('to-dos before errors, per-field marks, generating only when done, an outdated chart flagged', async () => {
    const { page } = app;
    await page.getByLabel('搜索申请类型').fill('等保');
    await page.getByRole('radio', { name: /第二级/ }).check();
    await page.getByLabel('项目名称').fill('示例科技 等保二级');
    app.platform.nextFolder = join(app.tempDir, 'mlps');
    await page.getByRole('button', { name: '选择其他位置…' }).click();
    await page.getByRole('heading', { level: 1, name: '主体信息' }).waitFor();

    // Its own name, and optional like the material it feeds.
    const checklist = page.getByRole('complementary', { name: '检查清单' });
    const logItem = checklist.getByRole('button', { name: /^安全更新记录/ });
    expect(await logItem.textContent()).toContain('可选');
    expect(await checklist.getByRole('button', { name: /^网络安全演进图/ }).count()).toBe(1);
    await logItem.click();
    await page.getByRole('heading', { level: 1, name: '安全更新记录' }).waitFor();
    const generate = page.getByRole('button', { name: '生成演进图', exact: true });
    expect(await generate.isDisabled()).toBe(true);
    expect(await description(generate)).toBe('先添加至少一条记录，才能生成演进图。');
    expect(await seriousViolations(page)).toEqual([]);

    // A new row: four to-dos, no red, no empty brackets; each field described by its own.
    await page.getByRole('button', { name: '添加一条' }).click();
    const row = page.locator('.log-table tbody').first();
    await until(() => row.locator('.problem-todo').count()).toBe(4);
    expect(await row.locator('.problem-error').count()).toBe(0);
    expect(await row.getAttribute('class')).toBe('has-todo');
    expect(await row.textContent()).not.toMatch(/[（(]\s*[）)]/);
    await until(() => logItem.textContent()).toContain('待完成');
    expect(await logItem.textContent()).toContain('已填 1 条');
    const cell = (column: string) => page.getByLabel(`第 1 条 ${column}`);
    for (const column of ['日期', '发现的问题', '整改措施', '效果', '责任人', '已签字']) {
      expect(await cell(column).getAttribute('aria-invalid')).toBe(null);
    }
    expect(await description(cell('日期'))).toContain('第 1 条更新记录还没有日期。请填写 YYYY-MM-DD 格式的日期。');
    expect(await description(cell('责任人'))).toContain('第 1 条更新记录还没有填写责任人。');
    expect(await description(cell('发现的问题'))).toContain('缺少“发现的问题”或“整改措施”');
    expect(await description(cell('效果'))).toBe('');
    expect(await description(cell('已签字'))).toContain('签字');
    expect(await description(generate)).toContain('未填完或有错误');
    expect(await generate.isDisabled()).toBe(true);
    // The 责任人 box is styled like the others, and the 序号 header stays on one line.
    const heights = await Promise.all(
      [cell('日期'), cell('责任人')].map(async (l) => Math.round((await l.boundingBox())!.height)),
    );
    // (a date input is a touch taller for its picker button; an unstyled input was 21 px)
    expect(Math.abs(heights[1] - heights[0])).toBeLessThanOrEqual(2);
    const noLines = await page.getByRole('columnheader', { name: '序号' }).evaluate((th) => {
      // The lines the header's text takes (typed by hand: the tests compile without the DOM library).
      type Range = { selectNodeContents(node: unknown): void; getClientRects(): ArrayLike<{ top: number }> };
      const range = (th as unknown as { ownerDocument: { createRange(): Range } }).ownerDocument.createRange();
      range.selectNodeContents(th);
      return new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size;
    });
    expect(noLines).toBe(1);
    await app.screenshot('30-security-log-new-row');
    expect(await seriousViolations(page)).toEqual([]);

    // Filled in, but dated after today: red on the date alone.
    await fillAndLeave(cell('日期'), '2026-12-01');
    await fillAndLeave(cell('发现的问题'), '门户网站存在弱口令');
    await fillAndLeave(cell('整改措施'), '启用强口令策略和登录失败锁定');
    await fillAndLeave(cell('效果'), '复测未发现弱口令');
    await fillAndLeave(cell('责任人'), '李四');
    await setChecked(cell('已签字'), true);
    await until(() => cell('日期').getAttribute('aria-invalid')).toBe('true');
    expect(await description(cell('日期'))).toContain('晚于今天');
    expect(await cell('责任人').getAttribute('aria-invalid')).toBe(null);
    expect(await row.getAttribute('class')).toBe('has-error');
    await until(() => logItem.textContent()).toContain('有问题');
    expect(await generate.isDisabled()).toBe(true);
    await app.screenshot('31-security-log-wrong-date');

    // Right date: generate, and the step is done.
    await fillAndLeave(cell('日期'), '2026-11-02');
    await until(() => generate.isDisabled()).toBe(false);
    expect(await logItem.textContent()).toContain('还没有生成演进图');
    await generate.click();
    await page.locator('.chart-file').waitFor();
    await until(() => logItem.textContent()).toContain('完成');
    const regenerate = page.getByRole('button', { name: '重新生成演进图', exact: true });
    expect(await page.locator('.chart-outdated').count()).toBe(0);

    // An edit afterwards: the chart is flagged as outdated until generated again.
    await fillAndLeave(cell('效果'), '复测通过，已纳入月度巡检');
    const outdated = page.locator('.chart-outdated');
    await until(() => outdated.textContent()).toContain('这张图已过时');
    expect(await logItem.textContent()).toMatch(/待完成.*已过时/);
    await page
      .getByRole('img', { name: /网络安全演进图-2026-11-23\.pdf/ })
      .and(page.locator('[aria-busy="false"]'))
      .waitFor();
    await app.screenshot('32-security-log-outdated');
    expect(await seriousViolations(page)).toEqual([]);
    // The bind screen's summary gives the same reason for the log's 待完成.
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('button', { name: '装订' }).click();
    const logAt = (bindButton: string) =>
      page
        .locator('#bind-check')
        .locator('..')
        .getByRole('listitem')
        .filter({ has: page.getByRole('button', { name: bindButton, exact: true }) })
        .locator('.todo-reason');
    await until(() => logAt('安全更新记录').textContent()).toContain('这张图已过时');
    // In English, the log's reasons are English: the chart's, and a new row's from the check.
    await nav.getByRole('button', { name: '设置' }).click();
    await page.getByLabel('界面语言').selectOption('en');
    const navEn = page.getByRole('navigation', { name: 'Main navigation' });
    await navEn.getByRole('button', { name: 'Bind' }).click();
    await until(() => logAt('Security update log').textContent()).toContain('out of date');
    await navEn.getByRole('button', { name: 'Materials' }).click();
    await page.getByRole('heading', { level: 1, name: 'Security update log' }).waitFor();
    await page.getByRole('button', { name: 'Add an entry' }).click();
    await page.getByLabel('Remove entry 2').waitFor();
    await navEn.getByRole('button', { name: 'Bind' }).click();
    await until(() => logAt('Security update log').textContent()).toContain('Update #2 has no date yet.');
    expect(await logAt('Security update log').textContent()).not.toMatch(/[\u4e00-\u9fff]/);
    await navEn.getByRole('button', { name: 'Materials' }).click();
    await page.getByLabel('Remove entry 2').click();
    await until(() => page.getByLabel('Remove entry 2').count()).toBe(0);
    await navEn.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Language').selectOption('zh-CN');
    await nav.getByRole('button', { name: '材料' }).click();
    await page.getByRole('heading', { level: 1, name: '安全更新记录' }).waitFor();
    // The material's own check says so too.
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { level: 1, name: /网络安全演进图（安全更新记录）/ }).waitFor();
    await page.locator('.problem').filter({ hasText: '演进图是按改动前的安全更新记录生成的' }).waitFor();
    await page.getByRole('button', { name: '上一步' }).click();
    await regenerate.click();
    await until(() => outdated.count()).toBe(0);
    await until(() => logItem.textContent()).toContain('完成');
    expect(app.errors).toEqual([]);
  });
});
