/**
 * 已查看，仍使用 in the app, on a real photo with a reflection: the licence, dated and confirmed, waits
 * at 需注意 for its photo warning; the button beside it makes the item 完成 (the checklist says 已确认 1
 * 项提醒, matprep.json keeps the acceptance), which a reload keeps; 撤销 brings the warning back. Then
 * once in English. Photos are generated (tests/support/photos.ts).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, seriousViolations, type App } from './harness';
import { createProject, fillAndLeave, files, savedDoc, setChecked, until } from './helpers';
import * as docs from '../support/documents';
import { photograph } from '../support/photos';

const LICENCE = 'business-licence';
const PHOTO = '营业执照-反光.jpg';

describe('accepting a photo warning in the app', () => {
  let app: App;
  let photo: string;
  let dir: string;
  beforeAll(async () => {
    app = await launchApp({ today: '2026-11-23' });
    const licence = await docs.renderLicence(docs.licenceTruth(3));
    photo = join(app.tempDir, PHOTO);
    await writeFile(photo, (await photograph(licence, 'glare', 3, { width: 1600, height: 1200 })).jpeg);
  });
  afterAll(async () => {
    await app?.close();
  });

  const checklist = () => app.page.getByRole('complementary', { name: '检查清单' });
  const item = () => checklist().getByRole('button', { name: /^营业执照/ });
  const accepted = async () => (await savedDoc(dir)).materials[LICENCE]?.accepted;

  it('makes the licence 完成 once its glare warning is accepted, and keeps it so after a reload', async () => {
    const { page } = app;
    dir = await createProject(app, '反光照片项目');
    await item().click();
    await page.getByRole('heading', { level: 1, name: '营业执照' }).waitFor();
    await page.getByLabel('添加文件…').setInputFiles(photo);
    const row = files(page).filter({ hasText: PHOTO });
    await until(() => row.locator('.problem').first().textContent(), { timeout: 60_000 }).toContain('反光');

    // Still to do comes first in the checklist's reason, before the photo's warning.
    await until(() => item().textContent()).toContain('还需');
    await fillAndLeave(page.getByLabel('有效期至'), '2040-01-01');
    await setChecked(page.getByRole('checkbox', { name: '原件彩色扫描或拍照' }), true);
    await setChecked(page.getByRole('checkbox', { name: '四角完整且国徽无遮挡' }), true);
    await until(() => item().textContent()).toContain('需注意');
    expect(await item().textContent()).toContain('反光');
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('accept-warning-open', page.locator('.problems-card'));

    await row.getByRole('button', { name: '已查看，仍使用' }).click();
    await until(() => item().textContent()).toContain('已确认 1 项提醒');
    expect(await item().textContent()).toContain('完成');
    expect(await item().textContent()).not.toContain('需注意');
    const sha = (await savedDoc(dir)).materials[LICENCE]!.files[0].sha256;
    expect(await accepted()).toEqual([{ code: 'image.glare', about: sha }]);
    // Kept in sight, muted, on the row and in the check results, with no button to accept it again.
    expect(await row.getByTestId('accepted-warnings').textContent()).toMatch(
      /^✓已确认：照片“营业执照-反光.jpg”上有反光/,
    );
    expect(await page.getByRole('button', { name: '已查看，仍使用' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('accept-warning-accepted', page.locator('.problems-card'));

    // The bind screen counts it as done and says so.
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '装订' }).click();
    await until(() => page.getByTestId('accepted-count').textContent()).toBe('已确认 1 项提醒');
    expect(await page.locator('.todo').first().textContent()).not.toContain('营业执照');
    await app.screenshot('accept-warning-bind');

    await page.reload();
    await page.locator('.recent-entry').filter({ hasText: '反光照片项目' }).locator('.recent-item').click();
    await item().click();
    await page.getByRole('heading', { level: 1, name: '营业执照' }).waitFor();
    await until(() => item().textContent()).toContain('已确认 1 项提醒');
    expect(await item().textContent()).toContain('完成');
    await files(page).filter({ hasText: PHOTO }).getByTestId('accepted-warnings').waitFor();
  });

  it('brings the warning back on 撤销', async () => {
    const { page } = app;
    const undo = page
      .locator('.problems-card')
      .getByRole('button', { name: /^撤销确认：照片“营业执照-反光.jpg”上有反光/ });
    await undo.click();
    await until(() => item().textContent()).toContain('需注意');
    expect(await accepted()).toBeUndefined();
    expect(await files(page).filter({ hasText: PHOTO }).getByRole('button', { name: '已查看，仍使用' }).count()).toBe(
      1,
    );
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('offers the same in English', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '设置' }).click();
    await page.getByLabel('界面语言').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Materials' }).click();
    const licenceItem = page.getByRole('complementary', { name: 'Checklist' }).getByRole('button', {
      name: /^Business licence/,
    });
    await licenceItem.click();
    const row = page.getByRole('list', { name: 'Added files' }).getByRole('listitem').filter({ hasText: PHOTO });
    await row.getByRole('button', { name: 'Checked — use it anyway' }).click();
    await until(() => licenceItem.textContent()).toContain('1 warning accepted');
    expect(await row.getByTestId('accepted-warnings').textContent()).toContain('Accepted: The photo');
    expect(await row.getByRole('button', { name: /^Undo accepting: The photo/ }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('accept-warning-en', page.locator('.problems-card'));
  });
});
