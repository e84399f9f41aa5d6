/**
 * Nothing left out silently: a file added to 法人授权书 while the website owner was someone else stays
 * in the project when the answer changes to 是, and the checklist says it will not be bound and why —
 * the question and the answer that switched the material off.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, seriousViolations, type App } from './harness';
import { createProject, files, until, writeBlankPdf } from './helpers';

describe('files on a material the answers no longer ask for', () => {
  let app: App;
  beforeAll(async () => {
    app = await launchApp({ today: '2026-11-23' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('the checklist names the material, 不装订, and the answer that switched it off', async () => {
    const { page } = app;
    await createProject(app, '不装订项目');
    const letter = await writeBlankPdf(join(app.tempDir, '授权书.pdf'));

    const checklist = page.getByRole('complementary', { name: '检查清单' });
    const question = page.getByLabel('网站负责人是否就是法定代表人本人');
    await question.selectOption('否');
    await checklist.getByRole('button', { name: /法人授权书/ }).click();
    await page.getByRole('heading', { level: 1, name: '法人授权书' }).waitFor();
    await page.getByLabel('添加文件…').setInputFiles(letter);
    await files(page).filter({ hasText: '授权书.pdf' }).waitFor();

    await checklist.getByRole('button', { name: /主体信息/ }).click();
    await question.selectOption('是');
    const note = checklist.getByTestId('not-bound');
    await until(() => note.count()).toBe(1);
    // Not a step any more, but not hidden either: the list of skipped materials is open and says why.
    expect(await checklist.getByRole('button', { name: /法人授权书/ }).count()).toBe(0);
    expect(await checklist.locator('details.skipped').getAttribute('open')).not.toBeNull();
    expect((await note.textContent())!.replace(/\s+/g, ' ')).toBe(
      '法人授权书 不装订“网站负责人是否就是法定代表人本人”为“是”，不需要此项材料；已添加的 1 个文件不会装订。',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('42-checklist-not-bound');

    // Back to 否: the material is a step again and the note goes.
    await question.selectOption('否');
    await until(() => note.count()).toBe(0);
    await checklist.getByRole('button', { name: /法人授权书/ }).waitFor();
    expect(app.errors).toEqual([]);
  });
});
