/**
 * Dates and states a clerk reads at a glance: a date is typed the way people type it and shown back as
 * YYYY-MM-DD whatever the system locale (Chromium here runs en-US, whose date box would show
 * MM/DD/YYYY); a day that does not exist is refused beside the box; 长期 is offered for an expiry. The
 * checklist shows three states with a legend and the worst of them as the summary; a document that is
 * fine shows green on Home with the date it runs to, not a count of days.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, seriousViolations, type App } from './harness';
import { createProject, description, files, until } from './helpers';
import { pdf as onePagePdf } from '../fixtures/bad-inputs';

describe('dates and states', () => {
  let app: App;
  let dir = '';
  const licence = async () =>
    JSON.parse(await readFile(join(dir, 'matprep.json'), 'utf8')).materials['business-licence'] ?? {};

  beforeAll(async () => {
    app = await launchApp({ today: '2026-11-23' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('takes a date as typed, saves it as YYYY-MM-DD, refuses a day that does not exist', async () => {
    const { page } = app;
    dir = await createProject(app, '日期状态检查');
    const checklist = page.getByRole('complementary', { name: '检查清单' });

    // The legend names the three states; the summary is the worst of them.
    const legend = checklist.getByRole('group', { name: '状态说明' });
    expect(await legend.textContent()).toMatch(/完成.*待处理.*有问题/);
    const summary = async () =>
      ((await checklist.getByTestId('state-summary').textContent()) ?? '').replace(/\s+/g, '');
    expect(await summary()).toBe('总体：○待处理');

    await checklist.getByRole('button', { name: /^营业执照/ }).click();
    await page.getByRole('heading', { level: 1, name: /^营业执照/ }).waitFor();
    await page
      .getByLabel('添加文件…')
      .setInputFiles({ name: 'licence.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await onePagePdf()) });
    await files(page).filter({ hasText: 'licence.pdf' }).waitFor();

    // A text box, not the system's date box: it shows what was typed, then the one form.
    const validUntil = page.getByLabel('有效期至');
    expect(await validUntil.getAttribute('type')).toBe('text');
    await validUntil.fill('2026/12/1');
    await validUntil.press('Tab');
    await until(() => validUntil.inputValue()).toBe('2026-12-01');
    await until(licence).toMatchObject({ validUntil: '2026-12-01' });
    // Eight days left is wrong for this material: 有问题 in the badge and in the summary.
    const item = checklist.getByRole('button', { name: /^营业执照/ });
    await until(() => item.textContent()).toContain('有问题');
    expect(await summary()).toBe('总体：✕有问题');
    expect(await seriousViolations(page)).toEqual([]);

    // Not a day: said beside the box, read with it, and nothing saved.
    await validUntil.fill('2027-02-30');
    await validUntil.press('Enter');
    await until(() => validUntil.getAttribute('aria-invalid')).toBe('true');
    expect(await description(validUntil)).toContain('“2027-02-30”不是有效的日期');
    expect((await licence()).validUntil).toBe('2026-12-01');
    await app.screenshot('15-dates-states', page.locator('.dates'));

    // 2026年1月5日 and 2040/1/5 are the same kind of date; saved as soon as it is whole.
    await validUntil.fill('2040/1/5');
    await until(licence).toMatchObject({ validUntil: '2040-01-05' });
    await validUntil.press('Tab');
    await until(() => validUntil.inputValue()).toBe('2040-01-05');
    expect(await validUntil.getAttribute('aria-invalid')).toBeNull();
    await until(() => item.textContent()).toContain('待处理');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows a document that is fine in green, with the date it runs to', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '首页' }).click();
    const panel = page.getByRole('region', { name: '三色预警' });
    const row = panel.getByRole('listitem').filter({ hasText: '营业执照' });
    await row.waitFor();
    expect(await row.getAttribute('class')).toContain('level-green');
    expect(await row.textContent()).toContain('正常');
    expect(await row.textContent()).toContain('有效至 2040-01-05');
    expect(await row.textContent()).not.toMatch(/剩余 \d+ 天/);
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('22b-dashboard-green', panel);
  });

  it('offers 长期 for an expiry and saves it', async () => {
    const { page } = app;
    await page
      .getByRole('button', { name: /^日期状态检查/ })
      .first()
      .click();
    await page
      .getByRole('complementary', { name: '检查清单' })
      .getByRole('button', { name: /^营业执照/ })
      .click();
    await page.getByRole('heading', { level: 1, name: /^营业执照/ }).waitFor();
    await page.getByRole('checkbox', { name: /长期/ }).click();
    await until(licence).toMatchObject({ validUntil: '长期' });
    await until(() => page.getByLabel('有效期至').isDisabled()).toBe(true);
    expect(await page.getByLabel('有效期至').inputValue()).toBe('');

    // The same in English: the box still reads YYYY-MM-DD, the states are words.
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '设置' }).click();
    await page.getByLabel('界面语言').selectOption('en');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Materials' }).click();
    const checklist = page.getByRole('complementary', { name: 'Checklist' });
    expect(await checklist.getByRole('group', { name: 'What the states mean' }).textContent()).toMatch(
      /Done.*To do.*Problem/,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('15-dates-states-en');
    expect(app.blocked).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
