/**
 * The whole journey through the real UI, real handlers and real core: create an ICP备案（单位）
 * project, fill the subject fields (an invalid USCC shows an error, then is fixed), import files
 * (a sideways EXIF photo and PDFs), see what is missing, confirm, bind with progress, and parse the
 * packet back. Also: nothing left the app.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import type { BindJob } from '../../src/shared/ipc';
import { ORIGIN, launchApp, seriousViolations, type App } from './harness';

import { createProject, fillAndLeave, files, savedDoc, setChecked, until } from './helpers';
import { CORPUS, describeCorpus } from '../support/corpus';

describeCorpus('journey: new ICP备案 project to bound packet', () => {
  let app: App;
  beforeAll(async () => {
    app = await launchApp({ today: '2026-11-23' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('creates, fills, imports, confirms and binds', async () => {
    const { page } = app;
    await page.getByRole('heading', { level: 1, name: '材料准备助手' }).waitFor();
    await app.screenshot('01-home');

    const dir = await createProject(app, '示例科技 ICP 备案');
    const checklist = page.getByRole('complementary', { name: '检查清单' });
    await until(() => checklist.textContent()).toContain('缺少');

    // Subject fields; an invalid USCC (wrong check character) shows an error next to the field.
    await fillAndLeave(page.getByLabel('主办单位名称'), '上海示例科技有限公司');
    const uscc = page.getByLabel('统一社会信用代码');
    await fillAndLeave(uscc, '91310110666007217X');
    await until(() => uscc.getAttribute('aria-invalid')).toBe('true');
    const usccProblems = page.locator('#field-uscc-problems');
    await until(async () => (await usccProblems.count()) > 0 && (await usccProblems.textContent())).toBeTruthy();
    await app.screenshot('02-subject-invalid');
    await fillAndLeave(uscc, '91310110666007217T');
    await until(() => uscc.getAttribute('aria-invalid')).toBe(null);
    expect(await usccProblems.count()).toBe(0);

    await page.getByLabel('主办单位所在省份').selectOption('上海');
    await fillAndLeave(page.getByLabel('主办单位通信地址'), '上海市杨浦区示例路 1 号');
    await fillAndLeave(page.getByLabel('法定代表人（主体负责人）姓名'), '张三');
    await fillAndLeave(page.getByLabel('法定代表人身份证号'), '11010519491231002X');
    await fillAndLeave(page.getByLabel('法定代表人手机号'), '13912345678');
    await fillAndLeave(page.getByLabel('法定代表人电子邮箱'), 'zhangsan@example.com');
    // A 是/否 question: the webmaster's own fields appear only for 否.
    const sameWebmaster = page.getByLabel('网站负责人是否就是法定代表人本人');
    expect(await page.getByLabel('网站负责人姓名').count()).toBe(0);
    await sameWebmaster.selectOption('否');
    await until(() => page.getByLabel('网站负责人姓名').count()).toBe(1);
    await sameWebmaster.selectOption('是');
    await until(() => page.getByLabel('网站负责人姓名').count()).toBe(0);
    await fillAndLeave(page.getByLabel('网站域名'), 'example.com');
    await fillAndLeave(page.getByLabel('网站名称'), '示例科技官网');
    const subjectItem = checklist.getByRole('button', { name: /主体信息/ });
    await until(() => subjectItem.textContent()).toContain('完成');
    await app.screenshot('03-subject-done');

    // The checklist says what is missing; clicking an item jumps to that step.
    const licenceItem = checklist.getByRole('button', { name: /营业执照/ });
    expect(await licenceItem.textContent()).toContain('缺少');
    await licenceItem.click();
    await page.getByRole('heading', { level: 1, name: '营业执照' }).waitFor();
    // A PDF scan of the licence: the photo checks (tests/e2e/scan.test.ts) look at photos only.
    await page.getByLabel('添加文件…').setInputFiles(join(CORPUS, 'v20-simple.pdf'));
    await files(page).filter({ hasText: 'v20-simple.pdf' }).waitFor();
    // 营业期限：长期 — the licence never expires.
    await setChecked(page.getByRole('checkbox', { name: '长期有效' }), true);
    await until(() => page.getByLabel('有效期至').isDisabled()).toBe(true);
    await setChecked(page.getByRole('checkbox', { name: '原件彩色扫描或拍照' }), true);
    await setChecked(page.getByRole('checkbox', { name: '四角完整且国徽无遮挡' }), true);
    await until(() => licenceItem.textContent()).toContain('完成');

    // ID card: one slot per side, each with its outline picture; a sideways phone photo (EXIF 6) as the front.
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { level: 1, name: /主体负责人（法定代表人）身份证/ }).waitFor();
    await page.getByLabel('添加正面（人像面）').setInputFiles(join(CORPUS, 'img-exif-portrait-o6.jpg'));
    const front = files(page).filter({ hasText: 'img-exif-portrait-o6.jpg' });
    await front.waitFor();
    await page.getByLabel('添加反面（国徽面）').setInputFiles(join(CORPUS, 'img-exif-landscape-o6.jpg'));
    const back = files(page).filter({ hasText: 'img-exif-landscape-o6.jpg' });
    await back.waitFor();
    await until(async () => (await savedDoc(dir)).materials['legal-rep-id-card'].files.map((f) => f.part)).toEqual([
      'front',
      'back',
    ]);
    // Rotate shows up in the list; four quarter turns bring it back upright.
    const rotate = page.getByRole('button', { name: '顺时针旋转“img-exif-landscape-o6.jpg”' });
    await rotate.click();
    await until(() => back.textContent()).toContain('已旋转 90°');
    for (const deg of [180, 270]) {
      await rotate.click();
      await until(() => back.textContent()).toContain(`已旋转 ${deg}°`);
    }
    await rotate.click();
    await until(() => back.textContent()).not.toContain('已旋转');
    await until(() => page.getByRole('img', { name: /img-exif-portrait-o6\.jpg/ }).count()).toBe(1);
    await fillAndLeave(page.getByLabel('有效期至'), '2040-01-01');
    await setChecked(page.getByRole('checkbox', { name: '原件彩色扫描或拍照' }), true);
    // Dated and confirmed, the card is left with the photo checks' notes only: the stand-in photos are
    // landscapes, so glare and cut-off corners are reported (需注意), which never blocks the bind.
    const idCard = checklist.getByRole('button', { name: /主体负责人（法定代表人）身份证/ });
    await until(() => idCard.textContent()).toContain('需注意');
    expect(await idCard.textContent()).not.toContain('有问题');
    await app.screenshot('04-material-id-card');

    // Domain certificate and the verification form as PDFs (with a rendered page preview).
    await checklist.getByRole('button', { name: /域名证书/ }).click();
    await page.getByRole('heading', { level: 1, name: /域名证书/ }).waitFor();
    await page.getByLabel('添加文件…').setInputFiles(join(CORPUS, 'v20-simple.pdf'));
    await page.getByRole('img', { name: /v20-simple\.pdf/ }).waitFor();
    await setChecked(page.getByRole('checkbox', { name: '域名持有者与主办单位一致' }), true);

    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { level: 1, name: /真实性核验单/ }).waitFor();
    await page.getByLabel('添加文件…').setInputFiles(join(CORPUS, 'links-internal-4p.pdf'));
    await page.getByText('links-internal-4p.pdf').waitFor();
    expect(await files(page).filter({ hasText: 'links-internal-4p.pdf' }).textContent()).toContain('4 页');
    await setChecked(page.getByRole('checkbox', { name: '网站负责人亲笔签名' }), true);
    await setChecked(page.getByRole('checkbox', { name: '加盖公章' }), true);
    // Let the pdf.js preview finish before the screenshot.
    await page.getByRole('img', { name: /links-internal-4p\.pdf/ }).waitFor();
    await app.screenshot('05-material-pdf');
    expect(await seriousViolations(page)).toEqual([]);

    // The larger preview pages through the PDF; Esc closes it.
    await page.getByRole('button', { name: '放大预览“links-internal-4p.pdf”' }).click();
    const preview = page.getByRole('dialog', { name: 'links-internal-4p.pdf' });
    await preview.getByText('第 1 页，共 4 页').waitFor();
    await preview.getByRole('button', { name: '下一页' }).click();
    const page2 = preview.getByRole('img', { name: '“links-internal-4p.pdf”第 2 页，共 4 页' });
    await page2.and(preview.locator('[aria-busy="false"]')).waitFor();
    await app.screenshot('05b-preview');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await until(() => preview.count()).toBe(0);

    // Everything required is in place.
    const completeness = checklist.getByRole('progressbar', { name: '完整度' });
    await until(() => completeness.getAttribute('aria-valuenow')).toBe('100');
    await until(() => checklist.textContent()).toContain('全部必需项已齐备');

    // Bind with progress.
    await checklist.getByRole('button', { name: '去装订' }).click();
    await page.getByRole('heading', { level: 1, name: '装订' }).waitFor();
    await page.getByRole('heading', { name: /检查已通过，但以下 \d+ 项请留意：/ }).waitFor();
    // Options are saved one by one under 高级选项; setting one keeps the others.
    await page.locator('details.options summary').click();
    await setChecked(page.getByRole('checkbox', { name: '每份材料前加分隔页' }), true);
    await setChecked(page.getByRole('checkbox', { name: /双面打印/ }), true);
    expect(await page.getByRole('checkbox', { name: '每份材料前加分隔页' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: '开始装订' }).click();
    const progress = page.getByRole('progressbar', { name: '装订进度' });
    await progress.waitFor();
    await page.getByText('装订完成').waitFor({ timeout: 120_000 });
    expect(await progress.getAttribute('aria-valuenow')).toBe('100');
    // The UI polled bind:status while the job ran, and the job reported progress.
    const statuses = app.calls.filter((c) => c.channel === 'bind:status').map((c) => c.value as BindJob);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.at(-1)?.state).toBe('done');
    expect(statuses.some((job) => job.progress !== undefined)).toBe(true);
    // The packet's pages, drawn in the app from the file just written, before the screenshot.
    const packetPreview = page.getByRole('region', { name: /^装订效果预览（共 \d+ 页）$/ });
    await packetPreview.waitFor();
    await until(() => packetPreview.getByRole('img').first().getAttribute('aria-busy')).toBe('false');
    await app.screenshot('06-bind-done');
    expect(await seriousViolations(page)).toEqual([]);

    const pages = Number(await page.getByTestId('result-pages').textContent());
    const output = (await page.getByTestId('result-file').textContent())!.trim();
    expect(output.startsWith(dir)).toBe(true);
    const pdf = await PDFDocument.load(await readFile(output));
    expect(pdf.getPageCount()).toBe(pages);
    // cover + 目录 + a divider before each of the 4 materials + 1 + 2 + 1 + 4 material pages, plus
    // duplex blank backs so each section starts on a right-hand page.
    expect(pages).toBeGreaterThanOrEqual(2 + 4 + 8);
    const text = execFileSync('pdftotext', ['-layout', output, '-'], { encoding: 'utf8' });
    const pageTexts = text.split('\f').slice(0, pages);
    expect(pageTexts).toHaveLength(pages);
    // A footer on every page (cover and 目录 are numbered by default), equal to its position.
    pageTexts.forEach((pageText, i) => expect(pageText).toContain(`第 ${i + 1} 页 共 ${pages} 页`));
    // The 目录 heading is letter-spaced on the page, so compare without the spacing.
    // With duplex the cover's back is blank (此页无正文), so the 目录 is page 3.
    const toc = pageTexts.find((t) => t.replace(/\s+/g, '').includes('目录'))!;
    expect(pageTexts.indexOf(toc)).toBe(2);
    // Every material is in the 目录, and the page it names is where that material's divider is.
    for (const title of ['营业执照', '主体负责人（法定代表人）身份证', '域名证书', '真实性核验单']) {
      const line = toc.split('\n').find((l) => l.includes(title));
      expect(line, title).toBeDefined();
      const first = Number(/(\d+)(?:\s*[-–—]\s*\d+)?\s*$/.exec(line!.trim())?.[1]);
      expect(first, line).toBeGreaterThan(2);
      expect(first % 2, `${title} starts on a right-hand page`).toBe(1);
      expect(pageTexts[first - 1].replace(/\s+/g, '')).toContain(title.replace(/\s+/g, ''));
    }

    await page.getByRole('button', { name: '打开 PDF' }).click();
    await until(() => app.platform.opened).toEqual([output]);
    await page.getByRole('button', { name: '在文件夹中显示' }).click();
    await until(() => app.platform.shown).toEqual([output]);
    // The packet is recorded in the project's history.
    await page.getByRole('heading', { name: '装订记录' }).waitFor();

    // Nothing left the app: every request went to the app origin (or was a local blob/data URL).
    expect(app.blocked).toEqual([]);
    const external = app.requests.filter(
      (url) => !url.startsWith(`${ORIGIN}/`) && !url.startsWith('blob:') && !url.startsWith('data:'),
    );
    expect(external).toEqual([]);
    expect(app.requests.some((url) => url.includes('pdf.worker'))).toBe(true);
    expect(app.errors).toEqual([]);
  });
});
