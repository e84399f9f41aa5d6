/**
 * The bind screen leads with the action: the purpose (网上提交 / 打印成册) sets the options, the other
 * options fold under 高级选项, the bind button says next to it why it is off, page-number and
 * watermark styles are picked by what they look like (自定义 inserts fields with buttons), and the
 * packet just bound is previewed page by page in the app before it is printed. Then in English.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, seriousViolations, type App } from './harness';
import { createProject, description, files, until } from './helpers';
import { pdf as onePagePdf } from '../fixtures/bad-inputs';
import { BIND_PRESETS } from '../../src/core/model/packet/presets';

describe('bind screen', () => {
  let app: App;
  let dir = '';
  const saved = async () => JSON.parse(await readFile(join(dir, 'matprep.json'), 'utf8')).bindOptions;

  beforeAll(async () => {
    app = await launchApp({ today: '2026-11-23' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('leads with purpose and button, folds the rest, says why binding is off', async () => {
    const { page } = app;
    dir = await createProject(app, '装订页检查');
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('button', { name: '装订' }).click();
    await page.getByRole('heading', { level: 1, name: '装订' }).waitFor();

    // Nothing added yet: the button is off and says why, next to it (and read with it).
    const start = page.getByRole('button', { name: '开始装订' });
    expect(await start.isDisabled()).toBe(true);
    const why = page.getByTestId('bind-why');
    expect(await why.textContent()).toContain('还没有为任何材料添加文件');
    expect(await description(start)).toContain('还没有为任何材料添加文件');

    await nav.getByRole('button', { name: '材料' }).click();
    const checklist = page.getByRole('complementary', { name: '检查清单' });
    await checklist.getByRole('button', { name: /^营业执照/ }).click();
    await page.getByRole('heading', { level: 1, name: /^营业执照/ }).waitFor();
    await page
      .getByLabel('添加文件…')
      .setInputFiles({ name: 'licence.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await onePagePdf()) });
    await files(page).filter({ hasText: 'licence.pdf' }).waitFor();
    await nav.getByRole('button', { name: '装订' }).click();
    await page.getByRole('heading', { level: 1, name: '装订' }).waitFor();

    // Incomplete: the reason counts what is open and names the way out, which sits right there.
    await until(() => why.textContent()).toMatch(/还有 \d+ 项未完成/);
    expect(await start.isDisabled()).toBe(true);
    const anyway = page.getByRole('checkbox', { name: '仍然装订（材料不完整）' });
    // The button, its reason and 仍然装订 come before the check's list and the options.
    const verdict = page.getByRole('region', { name: new RegExp(`检查尚未通过：还有 ${await openCount()} 项未完成`) });
    expect((await start.boundingBox())!.y).toBeLessThan((await verdict.boundingBox())!.y);
    expect((await anyway.boundingBox())!.y).toBeLessThan((await page.locator('details.options').boundingBox())!.y);

    // 高级选项 is folded; opened by keyboard, the fourteen options are there.
    const advanced = page.locator('details.options');
    expect(await advanced.getAttribute('open')).toBeNull();
    expect(await page.getByRole('checkbox', { name: '每份材料前加分隔页' }).isVisible()).toBe(false);
    await advanced.locator('summary').focus();
    await page.keyboard.press('Enter');
    await until(() => advanced.getAttribute('open')).not.toBeNull();
    const dividers = advanced.getByRole('checkbox', { name: '每份材料前加分隔页' });
    expect(await dividers.isVisible()).toBe(true);

    // A purpose sets its options; the options show it.
    await page.getByRole('radio', { name: /打印成册/ }).click();
    await until(saved).toMatchObject(BIND_PRESETS.print);
    await until(() => dividers.isChecked()).toBe(true);
    expect(await advanced.getByRole('checkbox', { name: /双面打印/ }).isChecked()).toBe(true);
    expect(await advanced.getByRole('checkbox', { name: '左侧留装订线' }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: /网上提交/ }).click();
    await until(saved).toMatchObject(BIND_PRESETS.online);
    await until(() => dividers.isChecked()).toBe(false);
    expect(await advanced.getByLabel('图片分辨率（DPI）').inputValue()).toBe('150');
    // One option changed by hand: neither purpose is ticked, and that is said.
    await dividers.click();
    await until(() => page.getByText('当前是在“高级选项”中自行调整过的组合').isVisible()).toBe(true);
    expect(await page.getByRole('radio', { name: /网上提交/ }).isChecked()).toBe(false);
    await page.getByRole('radio', { name: /网上提交/ }).click();
    await until(saved).toMatchObject({ dividers: false });

    // Page numbers by what they look like; no {page} in sight until 自定义.
    const format = advanced.getByLabel('页码格式');
    const shown = await format.locator('option').allTextContents();
    expect(shown).toContain('第 1 页 / 共 10 页');
    expect(shown).toContain('- 1 -');
    expect(shown.join(' ')).not.toContain('{');
    await format.selectOption({ label: '- 1 -' });
    await until(saved).toMatchObject({ pageNumberFormat: '- {page} -' });
    await format.selectOption({ label: '自定义…' });
    const custom = advanced.getByLabel('自定义写法');
    await custom.fill('');
    await custom.pressSequentially('第 ');
    const fields = advanced.getByRole('group', { name: '插入：' }).first();
    await fields.getByRole('button', { name: '页码' }).click();
    await custom.press('End');
    await custom.pressSequentially(' 页，共 ');
    await fields.getByRole('button', { name: '总页数' }).click();
    await custom.press('End');
    await custom.pressSequentially(' 页');
    await custom.press('Enter');
    await until(saved).toMatchObject({ pageNumberFormat: '第 {page} 页，共 {total} 页' });
    await until(() => advanced.locator('.template-custom .preview-sample').first().textContent()).toBe(
      '第 1 页，共 10 页',
    );

    // The watermark likewise, filled in with this project's application.
    const watermark = advanced.getByLabel('水印文字');
    expect(await watermark.locator('option').allTextContents()).toContain('仅供ICP备案（单位）使用，他用无效');
    await watermark.selectOption({ label: '仅供ICP备案（单位）使用' });
    await until(saved).toMatchObject({ watermarkText: '仅供{purpose}使用' });

    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('06c-bind-custom-style', advanced);
    await advanced.locator('summary').click();
    await page.evaluate('window.scrollTo(0, 0)');
    await app.screenshot('08b-bind-why');

    async function openCount(): Promise<string> {
      return /还有 (\d+) 项/.exec((await why.textContent()) ?? '')?.[1] ?? '?';
    }
  });

  it('shows the packet just bound, its pages drawn in the app, with open, print and show', async () => {
    const { page } = app;
    await page.getByRole('checkbox', { name: '仍然装订（材料不完整）' }).click();
    const start = page.getByRole('button', { name: '开始装订' });
    await until(() => start.isEnabled()).toBe(true);
    expect(await page.getByTestId('bind-why').count()).toBe(0);
    await start.click();
    await page.getByText('装订完成').waitFor({ timeout: 120_000 });
    const pages = Number(await page.getByTestId('result-pages').textContent());
    expect(pages).toBeGreaterThan(2);

    // The preview draws the packet's pages from the file itself.
    const preview = page.getByRole('region', { name: `装订效果预览（共 ${pages} 页）` });
    await preview.waitFor();
    const first = preview.getByRole('img', { name: `第 1 页，共 ${pages} 页` });
    await until(() => first.getAttribute('aria-busy')).toBe('false');
    // Typed structurally: the e2e project has no DOM lib.
    type Canvas = {
      width: number;
      height: number;
      getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
    };
    const drawn = await first.evaluate((element) => {
      const c = element as unknown as Canvas;
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) dark++;
      return { width: c.width, dark };
    });
    expect(drawn.width).toBeGreaterThan(100);
    // A cover has text on it: not a blank canvas.
    expect(drawn.dark).toBeGreaterThan(50);
    expect(await preview.getByRole('img').count()).toBe(Math.min(pages, 8));

    // The actions on the result come before the check and the options.
    const open = page.getByRole('button', { name: '打开 PDF', exact: true });
    const options = page.locator('details.options');
    expect((await open.boundingBox())!.y).toBeLessThan((await options.boundingBox())!.y);
    await page.getByRole('button', { name: '打印', exact: true }).click();
    await until(() => app.platform.printed.length).toBe(1);
    expect(app.platform.printed[0]).toBe((await page.getByTestId('result-file').textContent())!.trim());

    expect(await seriousViolations(page)).toEqual([]);
    await page.evaluate('window.scrollTo(0, 0)');
    await app.screenshot('06b-bind-preview');
    expect(app.blocked).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('reads the same in English', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '设置' }).click();
    await page.getByLabel('界面语言').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    // Settings offers the same styles, by what they look like.
    expect(await page.getByLabel('Default page number format').locator('option').allTextContents()).toContain('- 1 -');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Bind' }).click();
    await page.getByRole('heading', { level: 1, name: 'Binding' }).waitFor();
    await page.getByRole('radio', { name: /Submitting online/ }).waitFor();
    await page.getByRole('region', { name: /Preview of the packet/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('06b-bind-preview-en');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Language').selectOption('zh-CN');
  });
});
