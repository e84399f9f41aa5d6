/**
 * Nothing typed is lost: text is saved after a pause without leaving the field, at once when the
 * page is hidden, and `window.matprepFlush()` (what main calls before closing the window) resolves
 * only once it is saved. The page's clock is paused, so no save here can come from the pause unless
 * the test lets time run. Also: the material step states every rule and why an item is optional.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectDoc } from '../../src/core/model/schemas/project';
import { launchApp, seriousViolations, type App } from './harness';
import { createProject, until } from './helpers';

describe('autosave without leaving the field', () => {
  let app: App;
  let dir: string;
  const saved = async (): Promise<ProjectDoc> => JSON.parse(await readFile(join(dir, 'matprep.json'), 'utf8'));
  const focused = (label: string) =>
    app.page.getByLabel(label).evaluate((el) => {
      const node = el as unknown as { ownerDocument: { activeElement: unknown } };
      return node === node.ownerDocument.activeElement;
    });

  beforeAll(async () => {
    app = await launchApp({ today: '2026-11-23' });
    await app.page.getByRole('heading', { level: 1, name: '材料准备助手' }).waitFor();
    dir = await createProject(app, '自动保存项目');
    await app.page.clock.install();
    await app.page.clock.pauseAt(Date.now() + 60_000);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('saves after a pause, and shows an error only then', async () => {
    const { page } = app;
    // One field only: typing into a second one would leave the first, which saves it too.
    const uscc = page.getByLabel('统一社会信用代码');
    await uscc.fill('91310110666007217A');
    // Still typing (no time has passed): nothing saved, no error under the field yet.
    expect((await saved()).fields.uscc).toBeUndefined();
    expect(await page.locator('#field-uscc-problems').count()).toBe(0);

    await page.clock.runFor(1000);
    await until(async () => (await saved()).fields.uscc).toBe('91310110666007217A');
    expect(await focused('统一社会信用代码')).toBe(true);
    await until(() => page.locator('#field-uscc-problems').textContent()).toContain('校验位');
    expect(await uscc.inputValue()).toBe('91310110666007217A');
  });

  it('saves at once when the page is hidden', async () => {
    const { page } = app;
    await page.getByLabel('主办单位通信地址').fill('上海市杨浦区示例路 1 号');
    expect((await saved()).fields.org_address).toBeUndefined();
    await page.evaluate(() => {
      const w = globalThis as unknown as { dispatchEvent(e: unknown): void; Event: new (type: string) => unknown };
      w.dispatchEvent(new w.Event('pagehide'));
    });
    await until(async () => (await saved()).fields.org_address).toBe('上海市杨浦区示例路 1 号');
    expect(await focused('主办单位通信地址')).toBe(true);
  });

  it('matprepFlush resolves once the typed text is saved', async () => {
    const { page } = app;
    await page.getByLabel('网站名称').fill('示例科技官网');
    await page.evaluate(() => (globalThis as unknown as { matprepFlush(): Promise<void> }).matprepFlush());
    // No polling: the flush's promise is what main waits for before it closes the window.
    expect((await saved()).fields.site_name).toBe('示例科技官网');
  });

  it('states expiry and recency rules and why an item is optional', async () => {
    const { page } = app;
    await page.clock.resume();
    const checklist = page.getByRole('complementary', { name: '检查清单' });
    await checklist.getByRole('button', { name: /^营业执照/ }).click();
    await page.getByRole('heading', { level: 1, name: '营业执照' }).waitFor();
    const requirements = page.locator('.requirements');
    expect(await requirements.textContent()).toContain('证件剩余有效期须不少于 90 天');
    expect(await requirements.textContent()).toContain('逐个导出时图片会自动压缩');

    const face = checklist.getByRole('button', { name: /人脸\/视频核验/ });
    expect(await face.getAttribute('title')).toMatch(/^为什么是可选：/);
    await face.click();
    await page.getByRole('heading', { level: 1, name: /人脸\/视频核验/ }).waitFor();
    expect(await page.locator('.rule-note').textContent()).toMatch(/^为什么是可选：核验必需/);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
