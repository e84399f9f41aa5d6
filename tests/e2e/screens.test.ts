/**
 * Every screen passes an axe-core scan (no serious or critical violations), in Chinese and after
 * switching to English; the English switch re-renders everything in English. Screenshots of each
 * screen go to docs/screenshots.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchApp, seriousViolations, type App } from './harness';

import { createProject, files, until } from './helpers';
import { CORPUS, describeCorpus } from '../support/corpus';

describeCorpus('screens', () => {
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

    const firstDir = await createProject(app, '无障碍检查项目');
    expect(await seriousViolations(page)).toEqual([]);

    const checklist = page.getByRole('complementary', { name: '检查清单' });
    await checklist.getByRole('button', { name: /主体负责人（法定代表人）身份证/ }).click();
    await page.getByRole('heading', { level: 1, name: /主体负责人（法定代表人）身份证/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('07-material-empty');

    // Drop a file onto the material: too small an image, so the check explains what is wrong. The
    // pack's pixel minimum is advice, so the step is unfinished (sides unmarked, no date, no tick).
    await dropFile(page, '.material', join(CORPUS, 'img-jpeg-gray.jpg'), 'image/jpeg');
    const item = files(page).filter({ hasText: 'img-jpeg-gray.jpg' });
    await item.waitFor();
    const idCard = checklist.getByRole('button', { name: /主体负责人（法定代表人）身份证/ });
    await until(() => idCard.textContent()).toContain('待完成');
    await page.getByRole('heading', { name: '检查结果' }).waitFor();
    expect(await page.locator('.problems-card .problem-warning').filter({ hasText: '像素' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('07b-material-problem');
    await page.getByRole('button', { name: '移除“img-jpeg-gray.jpg”' }).click();
    await until(() => item.count()).toBe(0);
    await until(() => idCard.textContent()).toContain('缺少');

    // A PDF with an open password: the app asks for it, refuses a wrong one, accepts the right one.
    await page.getByLabel('添加正面（人像面）').setInputFiles(join(CORPUS, 'enc-user-rc4-128-pw-view.pdf'));
    const password = page.getByLabel('“enc-user-rc4-128-pw-view.pdf”的密码', { exact: true });
    await password.waitFor();
    await app.screenshot('07c-material-password');
    expect(await seriousViolations(page)).toEqual([]);
    await password.fill('wrong');
    await page.getByRole('button', { name: '用此密码添加' }).click();
    await page.getByRole('alert').filter({ hasText: '密码不正确' }).waitFor();
    expect(await files(page).count()).toBe(0);
    await password.fill('view');
    await page.getByRole('button', { name: '用此密码添加' }).click();
    await files(page).filter({ hasText: 'enc-user-rc4-128-pw-view.pdf' }).waitFor();
    await until(() => password.count()).toBe(0);
    // The preview opens it with the stored password.
    await page.getByRole('img', { name: /enc-user-rc4-128-pw-view\.pdf/ }).waitFor();

    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '装订' }).click();
    await page.getByRole('heading', { level: 1, name: '装订' }).waitFor();
    const start = page.getByRole('button', { name: '开始装订' });
    expect(await start.isDisabled()).toBe(true);
    // What is not done, each with the check's reason and a way to its step.
    const verdict = page.getByRole('region', { name: /检查尚未通过/ });
    const subject = verdict.getByRole('listitem').filter({ has: page.getByRole('button', { name: '主体信息' }) });
    expect(await subject.textContent()).toContain('未填写');
    expect(await subject.textContent()).toMatch(/还有 \d+ 条/);
    await page.getByRole('checkbox', { name: '仍然装订（材料不完整）' }).check();
    expect(await start.isDisabled()).toBe(false);
    // Binding anyway binds what there is: here the password-protected 30-page PDF, opened with its password.
    await start.click();
    await page.getByText('装订完成').waitFor({ timeout: 120_000 });
    expect(Number(await page.getByTestId('result-pages').textContent())).toBeGreaterThanOrEqual(32);
    // Bound once, the button says it binds again.
    await page.getByRole('button', { name: '重新装订' }).waitFor();
    expect(await page.getByRole('button', { name: '开始装订' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('08-bind-incomplete');

    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '设置' }).click();
    await page.getByRole('heading', { level: 1, name: '设置' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('09-settings');

    // Settings are saved at once, become the project's binding defaults, and survive a restart.
    await page.getByLabel('默认图片分辨率（DPI）').selectOption('300');
    // Styles are picked by what they print, never typed as {page}.
    await page.getByLabel('默认页码格式').selectOption({ label: '- 1 -' });
    await until(() => page.getByLabel('默认页码格式').inputValue()).toBe('- {page} -');
    await page.reload();
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '设置' }).click();
    await until(() => page.getByLabel('默认图片分辨率（DPI）').inputValue()).toBe('300');
    expect(await page.getByLabel('默认页码格式').inputValue()).toBe('- {page} -');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '首页' }).click();
    await createProject(app, '第二个项目', 'project-2');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '装订' }).click();
    await until(() => page.getByLabel('图片分辨率（DPI）').inputValue()).toBe('300');
    expect(await page.getByLabel('页码格式').inputValue()).toBe('- {page} -');
    // The styles show what they print (nothing bound yet: page 1 of 10).
    const format = page.getByLabel('页码格式');
    expect(await accessibleDescription(format)).toContain('共 10 页时第 1 页');
    expect(await format.locator('option:checked').textContent()).toBe('- 1 -');

    // An empty project: nothing to bind or export, and both buttons say why instead of failing.
    const exportButton = page.getByRole('button', { name: '导出单个文件（zip）' });
    expect(await exportButton.isDisabled()).toBe(true);
    expect(await accessibleDescription(exportButton)).toBe('还没有为任何材料添加文件，暂时没有可导出的内容。');
    const startEmpty = page.getByRole('button', { name: '开始装订' });
    expect(await startEmpty.isDisabled()).toBe(true);
    // Nothing to bind even anyway: no 仍然装订, and the reason stands next to the button.
    expect(await page.getByRole('checkbox', { name: '仍然装订（材料不完整）' }).count()).toBe(0);
    expect(await accessibleDescription(startEmpty)).toContain('没有可装订的内容');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '首页' }).click();
    await page.getByRole('button', { name: /^无障碍检查项目/ }).waitFor();
    await app.screenshot('10-home-recent');
    expect(await seriousViolations(page)).toEqual([]);

    // Open a project folder through the folder dialog; cancelling the dialog changes nothing.
    app.platform.nextFolder = null;
    await page.getByRole('button', { name: '打开项目文件夹…' }).click();
    await page.getByRole('heading', { level: 1, name: '材料准备助手' }).waitFor();
    // A folder that is not a project: said under the button, with the button that creates one there.
    app.platform.nextFolder = app.tempDir;
    await page.getByRole('button', { name: '打开项目文件夹…' }).click();
    await page.getByTestId('open-problem').getByRole('button', { name: '在此文件夹新建项目' }).waitFor();
    // Any other error: one clear line under the top bar, which can be dismissed.
    const notAFolder = join(app.tempDir, 'not-a-folder.txt');
    await writeFile(notAFolder, 'x');
    app.platform.nextFolder = notAFolder;
    await page.getByRole('button', { name: '打开项目文件夹…' }).click();
    const alert = page.locator('.alert[role="alert"]');
    await until(() => alert.textContent()).toContain('出错了');
    expect(await alert.textContent()).toContain(app.tempDir);
    // In the flow above the screen: it covers none of the screen's controls.
    const alertBox = (await alert.boundingBox())!;
    expect(alertBox.y + alertBox.height).toBeLessThanOrEqual((await page.locator('main').boundingBox())!.y);
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('10b-error');
    await alert.getByRole('button', { name: '关闭提示' }).click();
    await until(() => alert.textContent()).toBe('');
    app.platform.nextFolder = firstDir;
    await page.getByRole('button', { name: '打开项目文件夹…' }).click();
    await page.getByRole('heading', { level: 1, name: '主体信息' }).waitFor();
    expect(await page.locator('.topbar-project').textContent()).toBe('无障碍检查项目');
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
    const chrome = await page
      .locator('.topbar, .step-count, .step-nav, .completeness-text, .status-text')
      .allTextContents();
    expect(chrome.join(' ')).not.toMatch(/[首页材料装订设置缺少已完成上一步下一步]/);
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('12-subject-en');

    await nav.getByRole('button', { name: 'Bind' }).click();
    await page.getByRole('heading', { level: 1, name: 'Binding' }).waitFor();
    // This project was bound (in Chinese, above): the button binds again.
    await page.getByRole('button', { name: 'Bind again' }).waitFor();
    await page.getByRole('heading', { name: 'Last bound packet' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await nav.getByRole('button', { name: 'Home' }).click();
    await page.getByRole('heading', { level: 2, name: 'New project' }).waitFor();
    await page.getByRole('button', { name: /^无障碍检查项目/ }).waitFor();
    await page.getByRole('radio', { name: /ICP备案·单位/ }).waitFor();
    await app.screenshot('13-home-en');
    expect(await seriousViolations(page)).toEqual([]);
    expect(app.blocked).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});

/** The text a screen reader reads after an element's name (its aria-describedby targets). */
async function accessibleDescription(locator: Locator): Promise<string> {
  const ids = ((await locator.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => locator.page().locator(`[id="${id}"]`).textContent()));
  return texts.join(' ').trim();
}

/** Drop a file from disk onto `selector`, as dragging it from the file manager does. */
async function dropFile(page: Page, selector: string, path: string, type: string): Promise<void> {
  const base64 = (await readFile(path)).toString('base64');
  const name = path.split('/').pop()!;
  // Written as source text: this runs in the page, and the Node type-check has no DOM types.
  const dataTransfer = await page.evaluateHandle(
    `(() => {
      const binary = atob(${JSON.stringify(base64)});
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], ${JSON.stringify(name)}, { type: ${JSON.stringify(type)} }));
      return transfer;
    })()`,
  );
  await page.locator(selector).dispatchEvent('dragover', { dataTransfer });
  await page.locator(selector).dispatchEvent('drop', { dataTransfer });
}
