/**
 * Every screen passes an axe-core scan (no serious or critical violations), in Chinese and after
 * switching to English; the English switch re-renders everything in English. Screenshots of each
 * screen go to docs/screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, seriousViolations, type App } from './harness';
import { createProject } from './helpers';

describe('screens', () => {
  let app: App;
  beforeAll(async () => {
    app = await launchApp({ today: '2026-11-23' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('each screen passes axe, and the incomplete bind offers "bind anyway"', async () => {
    const { page } = app;
    await page.getByRole('heading', { level: 1, name: '材料准备助手' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await createProject(app, '无障碍检查项目');
    expect(await seriousViolations(page)).toEqual([]);

    const checklist = page.getByRole('complementary', { name: '检查清单' });
    await checklist.getByRole('button', { name: /主体负责人（法定代表人）身份证/ }).click();
    await page.getByRole('heading', { level: 1, name: /主体负责人（法定代表人）身份证/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('07-material-empty');

    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '装订' }).click();
    await page.getByRole('heading', { level: 1, name: '装订' }).waitFor();
    const start = page.getByRole('button', { name: '开始装订' });
    expect(await start.isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: '仍然装订（材料不完整）' }).check();
    expect(await start.isDisabled()).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('08-bind-incomplete');

    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '设置' }).click();
    await page.getByRole('heading', { level: 1, name: '设置' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('09-settings');

    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '首页' }).click();
    await page.getByRole('button', { name: '打开项目“无障碍检查项目”' }).waitFor();
    await app.screenshot('10-home-recent');
  });

  it('switching to English re-renders every screen in English', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '设置' }).click();
    await page.getByLabel('界面语言').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByLabel('Language').inputValue()).toBe('en');
    await app.screenshot('11-settings-en');
    expect(await seriousViolations(page)).toEqual([]);

    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('button', { name: 'Materials' }).click();
    const checklist = page.getByRole('complementary', { name: 'Checklist' });
    await checklist.getByRole('button', { name: /Applicant details/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Applicant details' }).waitFor();
    await page.getByRole('button', { name: 'Next' }).waitFor();
    expect(await checklist.textContent()).toMatch(/Missing/);
    // No Chinese UI text is left: what Chinese remains comes from the rule pack (titles, labels).
    const chrome = await page.locator('.topbar, .step-count, .step-nav, .completeness-text, .status-text').allTextContents();
    expect(chrome.join(' ')).not.toMatch(/[首页材料装订设置缺少已完成上一步下一步]/);
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('12-subject-en');

    await nav.getByRole('button', { name: 'Bind' }).click();
    await page.getByRole('heading', { level: 1, name: 'Binding' }).waitFor();
    await page.getByRole('button', { name: 'Start binding' }).waitFor();
    await nav.getByRole('button', { name: 'Home' }).click();
    await page.getByRole('heading', { level: 2, name: 'New project' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Recent projects' }).waitFor();
    await app.screenshot('13-home-en');
    expect(app.blocked).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
