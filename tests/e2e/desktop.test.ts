/**
 * Desktop habits (issue 13, item 7): a project is created under Documents/matprep without a folder
 * dialog; the recent list shows the licence type and how far each project is, copies one as a new
 * project (subject and the still-valid licence, read back from the new folder) and forgets one; the
 * File-menu shortcuts work in the page; the page preview turns pages with ← → and zooms; files and
 * pages are reordered by dragging, and the order is saved.
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { APP_STATE_FILE } from '../../src/core/settings/store';
import { launchApp, seriousViolations, type App } from './harness';
import { fillAndLeave, files, savedDoc, until } from './helpers';
import { CORPUS, describeCorpus } from '../support/corpus';

async function threePages(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < 3; i++) pdf.addPage([300 + i * 50, 400]).drawText(`Page ${i + 1}`, { x: 40, y: 330, size: 40 });
  return Buffer.from(await pdf.save());
}

describeCorpus('desktop habits', () => {
  let app: App;
  beforeAll(async () => {
    app = await launchApp({ today: '2026-11-23' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('creates under Documents/matprep, copies for renewal, forgets, and answers the shortcuts', async () => {
    const { page } = app;
    await page.getByRole('heading', { level: 1, name: '材料准备助手' }).waitFor();
    const root = join(app.tempDir, 'Documents', 'matprep');
    await page.getByText(`将保存在“${root}”中（可在设置里更改）`).waitFor();

    // No folder dialog: the platform would answer null (cancel) if it were asked.
    app.platform.nextFolder = null;
    await page.getByLabel('搜索申请类型').fill('ICP备案');
    await page.getByRole('radio', { name: /ICP备案·单位/ }).check();
    await page.getByLabel('项目名称').fill('年度备案');
    await page.getByRole('button', { name: '创建项目', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '主体信息' }).waitFor();
    const dir = join(root, '年度备案');
    expect((await savedDoc(dir)).name).toBe('年度备案');
    expect((await savedDoc(dir)).rulePack.id).toBe('icp-filing-enterprise');

    // Something worth carrying over: the company name and the business licence.
    await fillAndLeave(page.getByLabel('主办单位名称'), '上海示例科技有限公司');
    const checklist = page.getByRole('complementary', { name: '检查清单' });
    await checklist.getByRole('button', { name: /^营业执照/ }).click();
    await page.getByLabel('添加文件…').setInputFiles(join(CORPUS, 'img-exif-landscape-o1.jpg'));
    await until(async () => (await savedDoc(dir)).materials['business-licence']?.files.length).toBe(1);
    // The signed verification form is made for this application only.
    await checklist.getByRole('button', { name: /真实性核验单/ }).click();
    await page.getByLabel('添加文件…').setInputFiles(join(CORPUS, 'img-exif-landscape-o6.jpg'));
    await until(async () => (await savedDoc(dir)).materials['verification-form']?.files.length).toBe(1);

    // Ctrl+N: Home, at the new-project search box.
    await page.keyboard.press('Control+n');
    await page.getByRole('heading', { level: 1, name: '材料准备助手' }).waitFor();
    await until(() =>
      page.evaluate(() => {
        const doc = (
          globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string } | null } }
        ).document;
        return doc.activeElement?.getAttribute('data-command');
      }),
    ).toBe('new');

    // The recent list: licence type and completeness.
    const entry = page.locator('.recent-entry').filter({ hasText: '年度备案' });
    await entry.getByText('非经营性互联网信息服务备案（ICP备案·单位）').waitFor();
    await until(() => entry.locator('.recent-state').textContent()).toMatch(/待|缺少/);
    await until(() => entry.locator('.recent-state').textContent()).toMatch(/\d+\/\d+ 项完成/);
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('52-home-recent');

    // 复制为新项目: a new folder beside it, the subject and the licence, not the signed form.
    await entry.getByRole('button', { name: /^复制为新项目：“年度备案”/ }).click();
    await page.getByRole('heading', { level: 1, name: '主体信息' }).waitFor();
    const copy = join(root, '年度备案（续期）');
    const copied = await savedDoc(copy);
    expect(copied.name).toBe('年度备案（续期）');
    expect(copied.fields.org_name).toBe('上海示例科技有限公司');
    expect(Object.keys(copied.materials)).toEqual(['business-licence']);
    expect(existsSync(join(copy, 'vault', copied.materials['business-licence'].files[0].sha256))).toBe(true);
    expect(page.locator('.topbar-project')).toBeTruthy();
    await until(() => page.locator('.topbar-project').textContent()).toBe('年度备案（续期）');

    // Ctrl+B: the bind screen; the menu's command (window.matprepCommand) the same way.
    await page.keyboard.press('Control+b');
    await page.getByRole('heading', { level: 1, name: /装订/ }).first().waitFor();
    await page.evaluate(() => (globalThis as unknown as { matprepCommand: (c: string) => void }).matprepCommand('new'));
    await page.getByRole('heading', { level: 1, name: '材料准备助手' }).waitFor();

    // 移除: gone from the list and from the app file; the folder stays.
    const old = page.locator('.recent-entry').filter({ hasText: /^年度备案(?!（)/ });
    await page.getByRole('button', { name: '从最近列表移除“年度备案”（文件夹和文件不会删除）' }).click();
    await until(() => old.count()).toBe(0);
    const state = JSON.parse(await readFile(join(app.tempDir, 'user-data', APP_STATE_FILE), 'utf8'));
    expect(state.recent.map((r: { dir: string }) => r.dir)).toEqual([copy]);
    expect(existsSync(join(dir, 'matprep.json'))).toBe(true);
  });

  it('turns and zooms the preview, and reorders files and pages by dragging', async () => {
    const { page } = app;
    await page.locator('.recent-entry').first().locator('.recent-item').click();
    const checklist = page.getByRole('complementary', { name: '检查清单' });
    await checklist.getByRole('button', { name: /域名证书/ }).click();
    await page.getByRole('heading', { level: 1, name: /域名证书/ }).waitFor();
    await page
      .getByLabel('添加文件…')
      .setInputFiles({ name: 'three.pdf', mimeType: 'application/pdf', buffer: await threePages() });
    await files(page).nth(0).waitFor();
    await page.getByLabel('添加文件…').setInputFiles(join(CORPUS, 'img-exif-landscape-o1.jpg'));
    await files(page).nth(1).waitFor();
    const dir = join(app.tempDir, 'Documents', 'matprep', '年度备案（续期）');

    // Preview: → turns the page, + zooms in, 0 back to fit.
    await page
      .getByRole('button', { name: /打开.*three\.pdf|three\.pdf/ })
      .first()
      .click();
    const preview = page.getByRole('dialog', { name: 'three.pdf' });
    await preview.getByText('第 1 页，共 3 页').waitFor();
    await page.keyboard.press('ArrowRight');
    await preview.getByText('第 2 页，共 3 页').waitFor();
    await page.keyboard.press('ArrowLeft');
    await preview.getByText('第 1 页，共 3 页').waitFor();
    await page.keyboard.press('+');
    await preview.locator('.preview-zoom[aria-label="缩放 125%"]').waitFor();
    await preview.getByRole('button', { name: '放大' }).click();
    await preview.locator('.preview-zoom[aria-label="缩放 150%"]').waitFor();
    await until(() => preview.locator('canvas').getAttribute('aria-busy')).toBe('false');
    await app.screenshot('53-preview-zoom');
    expect(await preview.getAttribute('class')).toContain('zoomed');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('0');
    await preview.locator('.preview-zoom[aria-label="缩放 100%"]').waitFor();
    await page.keyboard.press('Escape');
    await until(() => preview.count()).toBe(0);

    // Drag the photo above the PDF: the saved order follows.
    const names = async () => (await savedDoc(dir)).materials['domain-certificate'].files.map((f) => f.name);
    expect(await names()).toEqual(['three.pdf', 'img-exif-landscape-o1.jpg']);
    await files(page).nth(1).dragTo(files(page).nth(0));
    await until(names).toEqual(['img-exif-landscape-o1.jpg', 'three.pdf']);

    // Page editor: drag original page 3 onto page 1's place, save; the page order is saved.
    await page.getByRole('button', { name: '整理页面：three.pdf' }).click();
    const editor = page.getByRole('dialog', { name: '整理页面：three.pdf' });
    const grid = editor.getByRole('list', { name: '装订的页（按装订顺序）' });
    await until(() => grid.getByRole('listitem').count()).toBe(3);
    await grid.getByRole('listitem').nth(2).dragTo(grid.getByRole('listitem').nth(0));
    await until(() => grid.locator('.page-label').allTextContents()).toEqual(['原第 3 页', '原第 1 页', '原第 2 页']);
    await editor.getByRole('button', { name: '保存', exact: true }).click();
    await until(
      async () =>
        (await savedDoc(dir)).materials['domain-certificate'].files.find((f) => f.name === 'three.pdf')?.pageOrder,
    ).toEqual([2, 0, 1]);
  });

  it('shows the recent list and the new-project choices in English', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '设置' }).click();
    await page.getByLabel('界面语言').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.getByText('Where new projects are saved').waitFor();
    // The projects folder is chosen in main's dialog; Home then says where a new project goes.
    const elsewhere = join(app.tempDir, 'elsewhere');
    app.platform.nextFolder = elsewhere;
    await page.getByRole('button', { name: 'Change…' }).click();
    await until(() => page.getByLabel('Where new projects are saved').inputValue()).toBe(elsewhere);
    const saved = JSON.parse(await readFile(join(app.tempDir, 'user-data', APP_STATE_FILE), 'utf8'));
    expect(saved.settings.projectsDir).toBe(elsewhere);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Home' }).click();
    await page.getByText(`Saved in “${elsewhere}” (change in Settings)`).waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Use default' }).click();
    await until(() => page.getByLabel('Where new projects are saved').inputValue()).toBe(
      join(app.tempDir, 'Documents', 'matprep'),
    );
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Home' }).click();
    await page.getByRole('button', { name: /^Copy as new project: “年度备案（续期）”/ }).waitFor();
    await page.getByRole('button', { name: 'Choose another location…' }).waitFor();
    await until(() => page.locator('.recent-state').first().textContent()).toMatch(/\d+\/\d+ done/);
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('52-home-recent-en');

    // Help → Keyboard shortcuts (the menu's command): the list in a dialog, Esc closes it.
    await page.evaluate(() =>
      (globalThis as unknown as { matprepCommand: (c: string) => void }).matprepCommand('shortcuts'),
    );
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.getByText(/Ctrl\/⌘\+B bind/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await until(() => help.count()).toBe(0);
  });
});
