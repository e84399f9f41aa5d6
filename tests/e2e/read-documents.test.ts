/**
 * RUNS OCR: reading documents in the app. A photo of a 营业执照 added to a new project is read (in the
 * job worker) and its values are offered for the empty subject fields and 有效期至 ("识别到 … 填入？");
 * nothing is saved until 填入; then a changed company name raises the 信息不一致 warning on the
 * licence. axe on the offer and on the warning.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectDoc } from '../../src/core/model/schemas/project';
import * as docs from '../support/documents';
import { launchApp, seriousViolations, type App } from './harness';
import { createProject, fillAndLeave, files, until } from './helpers';

describe('reading a licence in the app', () => {
  let app: App;
  beforeAll(async () => {
    app = await launchApp({ today: '2026-12-07' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('offers what the licence says, fills it on 填入, and warns when the name is changed', async () => {
    const { page } = app;
    const licence = docs.licenceTruth(8);
    const photo = join(app.tempDir, '营业执照照片.jpg');
    await writeFile(photo, await docs.degrade(await docs.renderLicence(licence), 'photo', 8));
    const dir = await createProject(app, '识别项目');
    const saved = async (): Promise<ProjectDoc> => JSON.parse(await readFile(join(dir, 'matprep.json'), 'utf8'));
    const checklist = page.getByRole('complementary', { name: '检查清单' });
    await checklist.getByRole('button', { name: /^营业执照/ }).click();
    await page.getByRole('heading', { level: 1, name: '营业执照' }).waitFor();

    await page.getByLabel('添加文件…').setInputFiles(photo);
    await files(page).filter({ hasText: '营业执照照片.jpg' }).waitFor();
    const offer = page.getByRole('region', { name: '识别到营业执照上的以下内容，填入？' });
    // Reading runs in a worker; on a shared two-core machine it can take a while.
    await offer.waitFor({ timeout: 120_000 });
    const text = (await offer.textContent())!;
    expect(text).toContain(`主办单位名称：${licence.name}`);
    expect(text).toContain(`统一社会信用代码：${licence.uscc}`);
    expect(text).toContain(`有效期至：${licence.validUntil}`);
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('40-read-offer', offer);
    // Offered, not written.
    expect((await saved()).fields.org_name).toBeUndefined();

    // The USCC, confirmed by the QR code, comes ticked; names (no checksum) the user ticks after checking.
    expect(await offer.getByRole('checkbox', { name: new RegExp(licence.uscc) }).isChecked()).toBe(true);
    const nameBox = offer.getByRole('checkbox', { name: new RegExp(`主办单位名称：${licence.name}`) });
    expect(await nameBox.isChecked()).toBe(false);
    expect(text).toContain('没有把握');
    for (const box of await offer.getByRole('checkbox').all()) await box.check();
    await offer.getByRole('button', { name: '填入' }).click();
    await offer.waitFor({ state: 'detached' });
    await until(async () => (await saved()).fields.uscc).toBe(licence.uscc);
    await until(async () => (await saved()).materials['business-licence'].validUntil).toBe(licence.validUntil);
    const doc = await saved();
    expect(doc.fields.org_name).toBe(licence.name);
    expect(doc.fields.legal_rep_name).toBe(licence.legalRepresentative);

    // Now the user types another company name: the licence step warns 信息不一致.
    await checklist.getByRole('button', { name: /主体信息/ }).click();
    await fillAndLeave(page.getByLabel('主办单位名称'), '上海另一家科技有限公司');
    await until(async () => (await saved()).fields.org_name).toBe('上海另一家科技有限公司');
    await checklist.getByRole('button', { name: /^营业执照/ }).click();
    const problems = page.locator('.problems-card');
    await until(() => problems.textContent()).toContain(`文件上识别到的主办单位名称是“${licence.name}”`);
    expect(await problems.textContent()).toContain('上海另一家科技有限公司');
    await app.screenshot('41-read-mismatch', problems);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
