/**
 * The page editor: open it on a 19-page PDF, try "reset all" and cancel (nothing is sent), then
 * remove two pages, restore one removed by mistake, rotate one, move one (by keyboard, focus follows
 * the page), save. The file row and matprep.json show the choice, a one-page PDF cannot lose its
 * last page, and the bound packet holds exactly the chosen pages, in order, the rotated one turned.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import type { Locator } from 'playwright-core';
import type { ProjectDoc } from '../../src/core/model/schemas/project';
import { launchApp, seriousViolations, type App } from './harness';

import { createProject, files, until } from './helpers';
import { CORPUS, describeCorpus } from '../support/corpus';

const CONSTITUTION = 'plain-us_constitution-19p.pdf';
const MATERIAL = 'verification-form';

/** Each page's text without whitespace (pdftotext separates pages with form feeds). */
function pageTexts(file: string): string[] {
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  return text
    .split('\f')
    .slice(0, -1)
    .map((page) => page.replace(/\s+/g, ''));
}

function isFocused(target: Locator): Promise<boolean> {
  // The node tsconfig has no DOM lib, so the element is typed structurally here.
  return target.evaluate((el) => {
    const node = el as unknown as { ownerDocument: { activeElement: unknown } };
    return node === node.ownerDocument.activeElement;
  });
}

describeCorpus('page editor: drop, rotate and reorder the pages of a PDF', () => {
  let app: App;
  beforeAll(async () => {
    app = await launchApp({ today: '2026-11-23' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('edits the pages, saves them to the project and binds exactly those pages', async () => {
    const { page } = app;
    const dir = await createProject(app, '页面整理示例');
    const checklist = page.getByRole('complementary', { name: '检查清单' });
    await checklist.getByRole('button', { name: /真实性核验单/ }).click();
    await page.getByRole('heading', { level: 1, name: /真实性核验单/ }).waitFor();
    await page.getByLabel('添加文件…').setInputFiles(join(CORPUS, CONSTITUTION));
    const row = files(page).filter({ hasText: CONSTITUTION });
    await until(() => row.textContent()).toContain('19 页');

    // Open the editor; every page is there, each with its original page number.
    const open = page.getByRole('button', { name: `整理页面：${CONSTITUTION}` });
    await open.click();
    const editor = page.getByRole('dialog', { name: `整理页面：${CONSTITUTION}` });
    const grid = editor.getByRole('list', { name: '装订的页（按装订顺序）' });
    const labels = () => grid.locator('.page-label').allTextContents();
    await until(() => grid.getByRole('listitem').count()).toBe(19);
    await editor.getByText('共 19 页，全部装订').waitFor();
    const save = editor.getByRole('button', { name: '保存', exact: true });
    const resetAll = editor.getByRole('button', { name: '全部还原' });
    expect(await save.isDisabled()).toBe(true);
    expect(await resetAll.isDisabled()).toBe(true);

    // A change, then "reset all" puts every page back; Esc cancels and nothing is sent.
    await editor.getByRole('button', { name: '移除原第 4 页' }).click();
    await editor.getByText('共 19 页，装订 18 页（已移除 1 页）').waitFor();
    await resetAll.click();
    await editor.getByText('共 19 页，全部装订').waitFor();
    await editor.getByRole('button', { name: '顺时针旋转原第 6 页' }).click();
    expect(await save.isDisabled()).toBe(false);
    await page.keyboard.press('Escape');
    await until(() => editor.count()).toBe(0);
    expect(app.calls.some((c) => c.channel === 'project:setPages')).toBe(false);

    // The real edit: drop page 2 and the last page, drop page 7 by mistake and restore it.
    await open.click();
    await editor.getByText('共 19 页，全部装订').waitFor();
    expect(await editor.getByText('已旋转 90°').count()).toBe(0);
    for (const n of [2, 19, 7]) await editor.getByRole('button', { name: `移除原第 ${n} 页` }).click();
    await editor.getByText('共 19 页，装订 16 页（已移除 3 页）').waitFor();
    const tray = editor.getByRole('region', { name: /已移除的页/ });
    expect(await tray.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('原第 2 页'),
      expect.stringContaining('原第 7 页'),
      expect.stringContaining('原第 19 页'),
    ]);
    await tray.getByRole('button', { name: '恢复原第 7 页' }).click();
    await editor.getByText('共 19 页，装订 17 页（已移除 2 页）').waitFor();
    // Restored where it sits in the file.
    expect((await labels()).slice(4, 7)).toEqual(['原第 6 页', '原第 7 页', '原第 8 页']);

    // Turn page 3 a quarter clockwise: the thumbnail turns with it.
    await editor.getByRole('button', { name: '顺时针旋转原第 3 页' }).click();
    const card3 = grid.getByRole('listitem').filter({ hasText: '原第 3 页' });
    await until(() => card3.textContent()).toContain('已旋转 90°');
    const transform = await card3
      .getByRole('img')
      .evaluate((el) => (el as unknown as { style: { transform: string } }).style.transform);
    expect(transform).toBe('rotate(90deg)');

    // Move page 5 earlier with the keyboard; focus stays on the moved page's button.
    const earlier5 = editor.getByRole('button', { name: '原第 5 页前移' });
    await earlier5.focus();
    await page.keyboard.press('Enter');
    await until(async () => (await labels()).slice(0, 4)).toEqual([
      '原第 1 页',
      '原第 3 页已旋转 90°',
      '原第 5 页',
      '原第 4 页',
    ]);
    await until(() => isFocused(earlier5)).toBe(true);

    // The picture starts at the top of the grid; the thumbnails in view are drawn first.
    await editor
      .locator('.page-editor-body')
      .evaluate((el) => ((el as unknown as { scrollTop: number }).scrollTop = 0));
    for (const n of [1, 3, 5, 19])
      await editor
        .getByRole('img', { name: `原第 ${n} 页的缩略图` })
        .and(editor.locator('[aria-busy="false"]'))
        .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('25-page-editor');

    await save.click();
    await until(() => editor.count()).toBe(0);
    // The file row shows the edit at a glance; focus is back on the button that opened the editor.
    await until(() => row.textContent()).toContain('共 19 页，装订 17 页（已移除 2 页）');
    expect(await row.textContent()).toContain('已调整页序');
    expect(await row.textContent()).toContain('1 页单独旋转');
    await until(() => isFocused(open)).toBe(true);
    await page
      .getByRole('img', { name: new RegExp(CONSTITUTION) })
      .and(page.locator('[aria-busy="false"]'))
      .waitFor();
    await app.screenshot('25b-pages-saved', page.getByRole('heading', { name: '已添加的文件' }));

    // What was saved: 0-based source pages, page 3 (index 2) turned 90°.
    const expectedOrder = [0, 2, 4, 3, ...Array.from({ length: 13 }, (_, i) => i + 5)];
    const doc = JSON.parse(await readFile(join(dir, 'matprep.json'), 'utf8')) as ProjectDoc;
    const saved = doc.materials[MATERIAL]!.files.find((f) => f.name === CONSTITUTION)!;
    expect(saved.pageOrder).toEqual(expectedOrder);
    expect(saved.pageRotate).toEqual({ '2': 90 });
    const setPages = app.calls.filter((c) => c.channel === 'project:setPages');
    expect(setPages.map((c) => c.ok)).toEqual([true]);

    // Reopened, the editor starts from what was saved.
    await open.click();
    await editor.getByText('共 19 页，装订 17 页（已移除 2 页）').waitFor();
    await until(() => tray.getByRole('listitem').count()).toBe(2);
    await editor.getByRole('button', { name: '取消' }).click();
    await until(() => editor.count()).toBe(0);

    // A one-page PDF cannot lose its last page: the button is disabled and says why.
    await page.getByLabel('添加文件…').setInputFiles(join(CORPUS, 'v20-simple.pdf'));
    await files(page).filter({ hasText: 'v20-simple.pdf' }).waitFor();
    await page.getByRole('button', { name: '整理页面：v20-simple.pdf' }).click();
    const single = page.getByRole('dialog', { name: '整理页面：v20-simple.pdf' });
    const removeOnly = single.getByRole('button', { name: '移除原第 1 页' });
    await removeOnly.waitFor();
    expect(await removeOnly.isDisabled()).toBe(true);
    expect(await single.textContent()).toContain('至少要装订一页');
    expect(await removeOnly.getAttribute('aria-describedby')).toBe('page-editor-last');
    await page.keyboard.press('Escape');
    await until(() => single.count()).toBe(0);

    // Bind what there is; the packet holds the 17 chosen pages in order, page 3 turned.
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '装订' }).click();
    await page.getByRole('heading', { level: 1, name: '装订' }).waitFor();
    await page.getByRole('checkbox', { name: '仍然装订（材料不完整）' }).check();
    await page.getByRole('button', { name: '开始装订' }).click();
    await page.getByText('装订完成').waitFor({ timeout: 120_000 });
    const output = (await page.getByTestId('result-file').textContent())!.trim();
    const packet = await PDFDocument.load(await readFile(output));
    expect(packet.getPageCount()).toBe(Number(await page.getByTestId('result-pages').textContent()));

    // Find each source page in the packet by a stretch of its own text.
    const source = pageTexts(join(CORPUS, CONSTITUTION)).map((text) => text.slice(20, 60));
    const bound = pageTexts(output).map((text) => source.findIndex((probe) => text.includes(probe)));
    const found = bound.filter((index) => index >= 0);
    expect(found).toEqual(expectedOrder);
    // The one-page PDF follows: 17 + 1 material pages after the front matter.
    const first = bound.indexOf(0);
    expect(packet.getPageCount() - first).toBe(18);
    const turned = packet.getPage(bound.indexOf(2));
    const upright = packet.getPage(bound.indexOf(0));
    const landscape = (p: typeof turned) => {
      const { width, height } = p.getSize();
      const quarter = p.getRotation().angle % 180 !== 0;
      return quarter ? height > width : width > height;
    };
    expect(landscape(upright)).toBe(false);
    expect(landscape(turned)).toBe(true);
    expect(app.errors).toEqual([]);
  });
});
