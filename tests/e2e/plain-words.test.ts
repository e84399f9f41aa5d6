/**
 * Plain words, no internals: a folder that is not a project, or whose record is damaged, is said in
 * plain words (no file names of the app's own data, no JSON positions) with the button that fixes
 * it — 在此文件夹新建项目 creates the project right there, 从备份恢复 brings back the last good record;
 * a 依据 link opens in the browser.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, seriousViolations, type App } from './harness';
import { fillAndLeave, until } from './helpers';

describe('plain words', () => {
  let app: App;
  beforeAll(async () => {
    app = await launchApp({ today: '2026-11-23' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('offers 在此文件夹新建项目 for a folder that is not a project, and creates it there', async () => {
    const { page } = app;
    const dir = join(app.tempDir, '新的申请');
    await mkdir(dir);
    app.platform.nextFolder = dir;
    await page.getByRole('button', { name: '打开项目文件夹…' }).click();
    const notice = page.getByTestId('open-problem');
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('还没有项目');
    expect(text).not.toMatch(/matprep\.json|JSON|\.lock/);
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('10c-open-not-project', notice);

    // No type chosen yet: the button says to choose one, and then creates right there, no dialog.
    app.platform.nextFolder = null;
    await notice.getByRole('button', { name: '在此文件夹新建项目' }).click();
    await page.getByText('请先选择申请类型').waitFor();
    await page.getByLabel('搜索申请类型').fill('ICP备案');
    await page.getByRole('radio', { name: /ICP备案·单位/ }).check();
    await notice.getByRole('button', { name: '在此文件夹新建项目' }).click();
    await page.getByRole('heading', { level: 1, name: '主体信息' }).waitFor();
    const saved = JSON.parse(await readFile(join(dir, 'matprep.json'), 'utf8'));
    expect(saved.rulePack.id).toBe('icp-filing-enterprise');

    // Two changes, then the record is damaged behind the app's back.
    await fillAndLeave(page.getByLabel('主办单位名称'), '甲公司');
    await until(async () => JSON.parse(await readFile(join(dir, 'matprep.json'), 'utf8')).fields.org_name).toBe(
      '甲公司',
    );
    await fillAndLeave(page.getByLabel('主办单位名称'), '乙公司');
    await until(async () => JSON.parse(await readFile(join(dir, 'matprep.json'), 'utf8')).fields.org_name).toBe(
      '乙公司',
    );
    await writeFile(join(dir, 'matprep.json'), '{"schemaVersion": 1, "name": ');
  });

  it('offers 从备份恢复 for a damaged record, and brings back the last good one', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '首页' }).click();
    await page
      .getByRole('button', { name: /^新的申请/ })
      .first()
      .click();
    const notice = page.getByTestId('open-problem');
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('项目记录已损坏');
    expect(text).not.toMatch(/matprep\.json|JSON|第 \d+ 行|\.bak/);
    // 三色预警 lists the project it could not check in the same plain words, naming the same button.
    const home = (await page.locator('main').textContent()) ?? '';
    expect(home).toContain('再点“从备份恢复”');
    expect(home).not.toMatch(/matprep\.json|\.bak/);
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('10d-open-damaged', notice);

    await notice.getByRole('button', { name: '从备份恢复' }).click();
    await page.getByRole('heading', { level: 1, name: '主体信息' }).waitFor();
    expect(await page.getByLabel('主办单位名称').inputValue()).toBe('甲公司');
  });

  it('opens a 依据 link of a built-in pack in the browser', async () => {
    const { page } = app;
    const checklist = page.getByRole('complementary', { name: '检查清单' });
    await checklist.getByRole('button', { name: /^营业执照/ }).click();
    await page.getByRole('heading', { level: 1, name: /^营业执照/ }).waitFor();
    await page.getByText(/^依据/).click();
    const link = page.getByRole('button', { name: /^打开网页：/ }).first();
    await link.click();
    await until(() => app.platform.external.length).toBe(1);
    expect(app.platform.external[0]).toMatch(/^https:\/\//);
    expect(await seriousViolations(page)).toEqual([]);
    expect(app.blocked).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
