/**
 * What the user sees change when the screen changes: a new screen starts at its top with focus on
 * its heading; binding says what it does from the first moment; a packet bound before the project
 * changed is offered as the old one; an output made at the bottom of the screen is brought into view.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchApp, seriousViolations, type App } from './harness';
import { createProject, fillAndLeave, files, until } from './helpers';
import { pdf as onePagePdf } from '../fixtures/bad-inputs';

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name }).click();
const scrollY = (page: Page) => page.evaluate<number>('window.scrollY');
const focusedHeading = (page: Page) =>
  page.evaluate<string | null>("document.activeElement?.tagName === 'H1' ? document.activeElement.textContent : null");

describe('screen changes', () => {
  let app: App;
  beforeAll(async () => {
    app = await launchApp({ today: '2026-11-23' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('starts each screen at the top, flags a packet bound before a change, and shows outputs', async () => {
    const { page } = app;
    await page.getByRole('heading', { level: 1, name: '材料准备助手' }).waitFor();
    // The create form sits below the fold on Home: the new project still opens at its top.
    await page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
    const dir = await createProject(app, '换屏检查');
    expect(await scrollY(page)).toBe(0);
    await until(() => focusedHeading(page)).toContain('主体信息');

    await page
      .getByRole('complementary', { name: '检查清单' })
      .getByRole('button', { name: /^营业执照/ })
      .click();
    await page.getByRole('heading', { level: 1, name: /^营业执照/ }).waitFor();
    await page
      .getByLabel('添加文件…')
      .setInputFiles({ name: 'simple.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await onePagePdf()) });
    await files(page).filter({ hasText: 'simple.pdf' }).waitFor();
    await page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
    expect(await scrollY(page)).toBeGreaterThan(0);
    await nav(page, '装订');
    await page.getByRole('heading', { level: 1, name: '装订' }).waitFor();
    expect(await scrollY(page)).toBe(0);
    await until(() => focusedHeading(page)).toBe('装订');

    // Binding: the status line says something from the start, never an empty line under a bar at 0.
    await page.getByRole('checkbox', { name: '仍然装订（材料不完整）' }).check();
    await page.getByRole('button', { name: '开始装订' }).click();
    const status = page.locator('.bind-progress .status-line');
    await status.waitFor();
    expect((await status.textContent())?.trim()).not.toBe('');
    await page.getByText('装订完成').waitFor({ timeout: 120_000 });
    // Just bound: current, not flagged.
    expect(await page.getByTestId('packet-stale').count()).toBe(0);

    // A change to what binding reads (here a subject field) makes the last packet the old one.
    await nav(page, '材料');
    await page
      .getByRole('complementary', { name: '检查清单' })
      .getByRole('button', { name: /^主体信息/ })
      .click();
    await page.getByRole('heading', { level: 1, name: '主体信息' }).waitFor();
    await fillAndLeave(page.getByLabel('主办单位名称'), '上海换屏科技有限公司');
    // Saved on leaving the field (read back from the project file).
    await until(() => readFileSync(join(dir, 'matprep.json'), 'utf8')).toContain('上海换屏科技有限公司');
    await nav(page, '装订');
    await page.getByRole('heading', { level: 1, name: '装订' }).waitFor();
    const stale = page.getByTestId('packet-stale');
    await until(() => stale.textContent()).toContain('材料已修改，请重新装订');
    await page.getByRole('heading', { name: '上次装订（材料已修改）' }).waitFor();
    // The old file is still useful: its actions stay.
    expect(await page.locator('.bind-result').getByRole('button', { name: '打开 PDF' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('26-bind-stale');

    // 补正清单 from the top of the screen: the result is brought into view with focus on its heading.
    await page.evaluate('window.scrollTo(0, 0)');
    await page.getByRole('button', { name: '生成补正清单' }).click();
    const result = page.getByTestId('correction-result');
    await result.waitFor();
    await until(() =>
      page.evaluate<string | null>(
        "document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null",
      ),
    ).toBe('correction-result');
    const box = (await result.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    expect(await seriousViolations(page)).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
