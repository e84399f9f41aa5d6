/**
 * A phone photo of a licence in the app: added, its 校正 opens before and after side by side (the photo
 * with the corners found, the flattened page); a corner moved with the keyboard and saved changes
 * matprep.json's file.scan.corners and the flattened page; 使用原图 keeps the original (`off`); a
 * blurred photo shows image.blur on its row. Photos are generated (tests/support/photos.ts).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, seriousViolations, type App } from './harness';
import { createProject, description, files, savedDoc, setChecked, until } from './helpers';
import * as docs from '../support/documents';
import { photograph } from '../support/photos';

const SIZE = { width: 1600, height: 1200 };

describe('photos made into scans in the app', () => {
  let app: App;
  let sharpPhoto: string;
  let blurredPhoto: string;
  beforeAll(async () => {
    app = await launchApp({ today: '2026-11-23' });
    const licence = await docs.renderLicence(docs.licenceTruth(8));
    sharpPhoto = join(app.tempDir, '营业执照-照片.jpg');
    blurredPhoto = join(app.tempDir, '营业执照-模糊.jpg');
    await writeFile(sharpPhoto, (await photograph(licence, 'clean', 8, SIZE)).jpeg);
    await writeFile(blurredPhoto, (await photograph(licence, 'blur', 8, SIZE)).jpeg);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows before and after, saves a corner moved by keyboard, keeps the original on request', async () => {
    const { page } = app;
    const dir = await createProject(app, '照片校正项目');
    await page
      .getByRole('complementary', { name: '检查清单' })
      .getByRole('button', { name: /^营业执照/ })
      .click();
    await page.getByRole('heading', { level: 1, name: '营业执照' }).waitFor();
    await page.getByLabel('添加文件…').setInputFiles(sharpPhoto);

    // Added, the photo's 校正 opens before and after: the corners found over it, the flattened page.
    await page.getByRole('button', { name: /^校正照片“营业执照-照片.jpg”/ }).click({ timeout: 60_000 });
    const dialog = page.getByRole('dialog', { name: '校正照片“营业执照-照片.jpg”' });
    await dialog.waitFor({ timeout: 60_000 });
    const corner = dialog.getByRole('button', { name: /^左上角点/ });
    await corner.waitFor();
    expect(await dialog.getByRole('button', { name: /角点（\d+, \d+）$/ }).count()).toBe(4);
    const after = dialog.getByRole('img', { name: '“营业执照-照片.jpg”校正后的图片' });
    await after.waitFor();
    const flatSize = () =>
      after.evaluate((img) => {
        const { naturalWidth, naturalHeight } = img as unknown as { naturalWidth: number; naturalHeight: number };
        return `${naturalWidth}×${naturalHeight}`;
      });
    await until(flatSize).not.toBe('0×0');
    const firstFlat = await flatSize();
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('scan-before-after');

    const doc = await savedDoc(dir);
    const stored = join(dir, 'scans', `${doc.materials['business-licence']!.files[0].sha256}.json`);
    const found = JSON.parse(await readFile(stored, 'utf8')).corners as [number, number][];
    expect(found).toHaveLength(4);

    // Keyboard: focus the top-left corner, Shift+→ twice and ↓ once, then save.
    await corner.focus();
    await corner.press('Shift+ArrowRight');
    await corner.press('Shift+ArrowRight');
    await corner.press('ArrowDown');
    const step = Math.round(SIZE.width / 500);
    const moved: [number, number] = [
      Math.min(found[0][0] + 20 * step, SIZE.width),
      Math.min(found[0][1] + step, SIZE.height),
    ];
    expect(await corner.getAttribute('aria-label')).toBe(`左上角点（${moved[0]}, ${moved[1]}）`);
    await dialog.getByRole('button', { name: '保存角点并重新校正' }).click();
    await until(async () => (await savedDoc(dir)).materials['business-licence']!.files[0].scan?.corners?.[0]).toEqual(
      moved,
    );
    expect((await savedDoc(dir)).materials['business-licence']!.files[0].scan?.corners?.slice(1)).toEqual(
      found.slice(1),
    );
    // The flattened page is made again for the new corners (its size follows them).
    await until(flatSize).not.toBe(firstFlat);

    // 使用原图: the original is bound; back to the straightened image keeps the corners set by hand.
    await setChecked(dialog.getByRole('radio', { name: '使用原图' }), true);
    await until(async () => (await savedDoc(dir)).materials['business-licence']!.files[0].scan?.off).toBe(true);
    await setChecked(dialog.getByRole('radio', { name: '使用校正后的图片' }), true);
    await until(async () => (await savedDoc(dir)).materials['business-licence']!.files[0].scan).toEqual({
      corners: [moved, ...found.slice(1)],
    });
    await dialog.getByRole('button', { name: '关闭' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('shows image.blur on the row of a blurred photo', async () => {
    const { page } = app;
    await page.getByLabel('添加文件…').setInputFiles(blurredPhoto);
    const row = files(page).filter({ hasText: '营业执照-模糊.jpg' });
    await until(() => row.locator('.problem').textContent()).toContain('照片“营业执照-模糊.jpg”模糊');
    // The sharp photo's row shows no photo problem.
    expect(await files(page).filter({ hasText: '营业执照-照片.jpg' }).locator('.problem').count()).toBe(0);
    expect(
      await row.getByRole('button', { name: '校正照片“营业执照-模糊.jpg”：查看检测到的四角和校正后的效果' }).count(),
    ).toBe(1);
    // 四角完整 is ticked from the check (blur is no missing corner), and says so.
    const whole = page.getByRole('checkbox', { name: '四角完整且国徽无遮挡' });
    expect(await whole.isChecked()).toBe(true);
    expect(await description(whole)).toBe('已按照片自动检查勾选（四角都在画面内、无反光），如不对可取消。');
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('scan-blur-row', page.getByRole('list', { name: '已添加的文件' }));
  });

  it('shows the before/after view in English', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '设置' }).click();
    await page.getByLabel('界面语言').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Materials' }).click();
    await page
      .getByRole('complementary', { name: 'Checklist' })
      .getByRole('button', { name: /^Business licence/ })
      .click();
    await page.getByRole('button', { name: /^Straighten the photo "营业执照-照片.jpg"/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Straighten the photo "营业执照-照片.jpg"' });
    await dialog.getByRole('img', { name: '"营业执照-照片.jpg" straightened' }).waitFor();
    expect(await dialog.getByRole('button', { name: /^Top-left corner \(\d+, \d+\)$/ }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('scan-before-after-en');
  });
});
