/**
 * The app's own file: when it was damaged at start, Home says so once (naming the backup) and the
 * notice can be dismissed; Settings previews its watermark and page-number templates as they are
 * typed, filled in by the binder's functions with example values.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, seriousViolations, type App } from './harness';
import { description, until } from './helpers';

/** Cut off mid-write: what a crash or a full disk leaves behind. */
const DAMAGED = '{"settings":{"locale":"en","defaultDpi":300},"recent":[{"dir":"/old/project","name":"旧项';

describe('settings', () => {
  let app: App;
  beforeAll(async () => {
    app = await launchApp({ today: '2026-11-23', appFile: DAMAGED });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('a damaged app file: Home says once that it was reset, naming the backup', async () => {
    const { page } = app;
    await page.getByRole('heading', { level: 1, name: '材料准备助手' }).waitFor();
    const notice = page.getByRole('region', { name: '设置已恢复为默认' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('最近的项目列表和公司档案已清空');
    // What was lost and where the old file is; not the parser's position in it.
    expect(await notice.textContent()).not.toMatch(/JSON|第 \d+ 行/);
    const backup = (await notice.locator('.mono').textContent())!;
    expect(backup).toMatch(/matprep-app\.json\.broken-[0-9a-f]{12}\.bak$/);
    expect(await readFile(backup, 'utf8')).toBe(DAMAGED);
    // Reset indeed: Chinese, no recent projects.
    await page.getByText('还没有项目。', { exact: false }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('14-home-settings-reset');

    await notice.getByRole('button', { name: '知道了' }).click();
    await until(() => notice.count()).toBe(0);
    // Told once: back on Home later, it does not come again.
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('button', { name: '设置' }).click();
    await page.getByRole('heading', { level: 1, name: '设置' }).waitFor();
    await nav.getByRole('button', { name: '首页' }).click();
    await page.getByRole('heading', { name: '三色预警' }).waitFor();
    expect(await page.getByRole('region', { name: '设置已恢复为默认' }).count()).toBe(0);
  });

  it('Settings offers the same styles as the bind screen, and a custom one with insert buttons', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '设置' }).click();
    await page.getByRole('heading', { level: 1, name: '设置' }).waitFor();

    // Each style is offered by what it prints, filled in with example values.
    const watermark = page.getByLabel('默认水印文字');
    expect(await watermark.locator('option:checked').textContent()).toBe('仅供ICP备案（单位）使用，他用无效');
    expect(await watermark.locator('option').allTextContents()).toContain(
      '仅供某某科技有限公司办理ICP备案（单位）使用',
    );
    const format = page.getByLabel('默认页码格式');
    expect(await format.locator('option').allTextContents()).toEqual(
      expect.arrayContaining(['第 1 页 共 10 页', '第 1 页 / 共 10 页', '- 1 -', '1/10']),
    );

    // 自定义: fields go in with buttons; the preview follows the text.
    await format.selectOption({ label: '自定义…' });
    const custom = page.locator('.template-custom').filter({ has: page.getByRole('button', { name: '总页数' }) });
    const box = custom.getByLabel('自定义写法');
    await box.fill('- ');
    await custom.getByRole('button', { name: '页码' }).click();
    await box.press('End');
    await box.pressSequentially(' / ');
    await custom.getByRole('button', { name: '总页数' }).click();
    await box.press('End');
    await box.pressSequentially(' -');
    await until(() => description(box)).toContain('- 1 / 10 -');
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('09b-settings-preview');

    // Leaving the field saves it; the preview then shows the saved text.
    await box.press('Tab');
    await until(async () =>
      JSON.parse(await readFile(join(app.tempDir, 'user-data', 'matprep-app.json'), 'utf8')),
    ).toMatchObject({ settings: { pageNumberFormat: '- {page} / {total} -' } });
    expect(await description(box)).toContain('- 1 / 10 -');
    expect(app.errors).toEqual([]);
  });

  it('in English the watermark example stays Chinese (it is printed on a Chinese packet)', async () => {
    const { page } = app;
    // What the defaults are for is said once, above them, not under the watermark.
    expect(await description(page.getByLabel('默认水印文字'))).not.toContain('默认值');
    await page.getByText('下面的分辨率、水印文字和页码格式是新项目的默认值').waitFor();
    await page.getByLabel('界面语言').selectOption('en');
    const english = page.getByLabel('Default watermark text');
    await english.waitFor();
    expect(await english.locator('option:checked').textContent()).toBe('仅供ICP备案（单位）使用，他用无效');
    await english.selectOption({ label: 'Custom…' });
    const custom = page.locator('.template-custom').filter({ has: page.getByRole('button', { name: 'Applicant' }) });
    const box = custom.getByLabel('Custom wording');
    await box.fill('仅供');
    await custom.getByRole('button', { name: 'Application name' }).click();
    await box.press('End');
    await box.pressSequentially('使用，');
    await custom.getByRole('button', { name: 'Applicant' }).click();
    await until(() => description(box)).toContain('仅供ICP备案（单位）使用，某某科技有限公司');
    expect(app.errors).toEqual([]);
  });
});
