/**
 * Examples (issue 13, item 2): each material shows a picture of a good submission drawn by matprep,
 * marked 示例, and what is commonly wrong with that kind of paper; an ID card has one slot per side,
 * each with its outline picture and its own add button, and each file lands marked with its side. A
 * project saved before the slots (files with no side marked) still opens: its files are listed apart,
 * where a side can be chosen, and move into that side's slot.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addFiles, createProject as createOnDisk } from '../../src/core/project/store';
import { launchApp, seriousViolations, type App } from './harness';
import { createProject, files, savedDoc, until } from './helpers';
import { CORPUS, describeCorpus } from '../support/corpus';

describeCorpus('examples and ID card slots', () => {
  let app: App;
  beforeAll(async () => {
    app = await launchApp({ today: '2026-11-23' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows a drawn example and the common mistakes, and one slot per ID card side', async () => {
    const { page } = app;
    const dir = await createProject(app, '示例项目');
    const checklist = page.getByRole('complementary', { name: '检查清单' });

    // 营业执照: the example picture (loaded, marked 示例) and what is commonly wrong.
    await checklist.getByRole('button', { name: /^营业执照/ }).click();
    await page.getByRole('heading', { level: 1, name: '营业执照' }).waitFor();
    const picture = page.getByRole('img', { name: /^示例：营业执照复印件/ });
    await picture.waitFor();
    await until(() =>
      picture.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).toBeGreaterThan(0);
    expect(await page.locator('.example-picture figcaption').first().textContent()).toContain('示例');
    const mistakes = page.getByRole('region', { name: '合格的样子' }).getByRole('listitem');
    expect(await mistakes.allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('四角不全'), expect.stringContaining('未盖章')]),
    );
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('50-example-licence', page.getByRole('region', { name: '合格的样子' }));

    // The ID card: two slots with their outline pictures, no part to choose.
    await checklist.getByRole('button', { name: /^主体负责人（法定代表人）身份证/ }).click();
    await page.getByRole('heading', { level: 1, name: /主体负责人（法定代表人）身份证/ }).waitFor();
    const front = page.getByRole('region', { name: '正面（人像面）' });
    const back = page.getByRole('region', { name: '反面（国徽面）' });
    await front.getByRole('img', { name: /身份证人像面/ }).waitFor();
    await back.getByRole('img', { name: /身份证国徽面/ }).waitFor();
    expect(await page.getByLabel('对应部分').count()).toBe(0);
    await front.getByLabel('添加正面（人像面）').setInputFiles(join(CORPUS, 'img-exif-landscape-o1.jpg'));
    await front.getByRole('listitem').filter({ hasText: 'img-exif-landscape-o1.jpg' }).waitFor();
    await back.getByLabel('添加反面（国徽面）').setInputFiles(join(CORPUS, 'img-exif-landscape-o6.jpg'));
    await back.getByRole('listitem').filter({ hasText: 'img-exif-landscape-o6.jpg' }).waitFor();
    await until(async () =>
      (await savedDoc(dir)).materials['legal-rep-id-card'].files.map((f) => [f.name, f.part]),
    ).toEqual([
      ['img-exif-landscape-o1.jpg', 'front'],
      ['img-exif-landscape-o6.jpg', 'back'],
    ]);
    // Both parts there: the check no longer asks for a side.
    await until(() => page.getByText(/还没有标明为/).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('51-id-card-slots', page.getByRole('heading', { level: 2, name: '已添加的文件' }));

    // In English: the slots, the example and the mistakes in English words.
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '设置' }).click();
    await page.getByLabel('界面语言').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('button', { name: 'Materials' }).click();
    const en = page.getByRole('complementary', { name: 'Checklist' });
    await en.getByRole('button', { name: /^ID card of the principal/ }).click();
    await page.getByRole('img', { name: /^Sample: ID card photo side/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('51-id-card-slots-en', page.getByRole('heading', { level: 2, name: 'Added files' }));
    await en.getByRole('button', { name: /^Business licence/ }).click();
    const box = page.getByRole('region', { name: 'What a good one looks like' });
    await box.getByText(/Corners cut off/).waitFor();
    await app.screenshot('50-example-licence-en', box);
    await nav.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('heading', { level: 1, name: '设置' }).waitFor();
  });

  it('opens a project saved before the slots, and its unmarked file can be given a side', async () => {
    const { page } = app;
    const dir = join(app.tempDir, 'old-project');
    await createOnDisk(dir, { ruleId: 'icp-filing-enterprise', ruleVersion: '2026.6', name: '旧项目' });
    await addFiles(dir, 'legal-rep-id-card', [{ path: join(CORPUS, 'img-exif-portrait-o6.jpg') }]);
    expect((await savedDoc(dir)).materials['legal-rep-id-card'].files[0].part).toBeUndefined();

    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '首页' }).click();
    app.platform.nextFolder = dir;
    await page.getByRole('button', { name: '打开项目文件夹…' }).click();
    await page.getByRole('heading', { level: 1, name: '主体信息' }).waitFor();
    await page
      .getByRole('complementary', { name: '检查清单' })
      .getByRole('button', { name: /主体负责人（法定代表人）身份证/ })
      .click();
    const unassigned = page.getByRole('region', { name: '还没分到哪一面的文件' });
    await unassigned.getByRole('listitem').filter({ hasText: 'img-exif-portrait-o6.jpg' }).waitFor();
    await unassigned.getByLabel('对应部分').selectOption('front');
    const front = page.getByRole('region', { name: '正面（人像面）' });
    await front.getByRole('listitem').filter({ hasText: 'img-exif-portrait-o6.jpg' }).waitFor();
    expect(await unassigned.count()).toBe(0);
    expect((await savedDoc(dir)).materials['legal-rep-id-card'].files[0].part).toBe('front');
    expect(await files(page).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
