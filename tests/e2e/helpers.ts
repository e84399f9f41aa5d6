/** Steps several specs share, written the way a user works: by role and label. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { App } from './harness';
import type { ProjectDoc } from '../../src/core/model/schemas/project';

export const RULE_ID = 'icp-filing-enterprise';

/** From the home screen: pick the ICP备案（单位） pack, name the project, choose a folder, create. */
export async function createProject(app: App, name: string, folder = 'project'): Promise<string> {
  const { page } = app;
  // From Home, once it has loaded (the app opens there).
  await page.getByRole('heading', { level: 1, name: '材料准备助手' }).waitFor();
  await page.getByLabel('搜索申请类型').fill('ICP备案');
  await page.getByRole('radio', { name: /ICP备案·单位/ }).check();
  await page.getByLabel('项目名称').fill(name);
  const dir = join(app.tempDir, folder);
  app.platform.nextFolder = dir;
  await page.getByRole('button', { name: '选择其他位置…' }).click();
  await page.getByRole('heading', { level: 1, name: '主体信息' }).waitFor();
  return dir;
}

/**
 * Click a checkbox whose state comes back from the app (controlled by the project document), then
 * wait until it shows the wanted state.
 */
export async function setChecked(box: Locator, checked: boolean): Promise<void> {
  if ((await box.isChecked()) !== checked) await box.click();
  await box
    .page()
    .waitForFunction(([el, want]) => (el as unknown as { checked: boolean }).checked === want, [
      await box.elementHandle(),
      checked,
    ] as const);
}

/** Type into a field and leave it, which is when the app saves and checks it. */
export async function fillAndLeave(field: Locator, value: string): Promise<void> {
  await field.fill(value);
  await field.press('Tab');
}

/** The current material's file list items. */
export function files(page: Page): Locator {
  return page.getByRole('list', { name: '已添加的文件' }).getByRole('listitem');
}

/**
 * `expect.poll` with room for a busy machine: each UI change waits for a save and a fresh check
 * report, which can take seconds when the CPU is shared. It still fails when the change never comes.
 */
export const until: typeof expect.poll = (read, options) =>
  expect.poll(read, { timeout: 20_000, interval: 100, ...(typeof options === 'object' ? options : {}) });

/** The text a screen reader reads after an element's name: its aria-describedby targets, spaces collapsed. */
export async function description(locator: Locator): Promise<string> {
  const ids = ((await locator.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => locator.page().locator(`[id="${id}"]`).textContent()));
  return texts.join(' ').replace(/\s+/g, ' ').trim();
}

/** The project document as saved on disk. */
export async function savedDoc(dir: string): Promise<ProjectDoc> {
  return JSON.parse(await readFile(join(dir, 'matprep.json'), 'utf8')) as ProjectDoc;
}

/** A one-page blank A4 PDF at `path`: a file to add where its content does not matter. */
export async function writeBlankPdf(path: string): Promise<string> {
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]);
  await writeFile(path, await pdf.save());
  return path;
}
