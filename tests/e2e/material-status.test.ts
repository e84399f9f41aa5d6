/**
 * What a first-time user sees while a material is being prepared: a file just added is 待完成 (not
 * finished), not 有错误; the checklist gives a short reason that adds to the title; a date counts as
 * soon as it is complete; a removed file can be put back; sources are named by their titles, collapsed.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ProjectDoc } from '../../src/core/model/schemas/project';
import { launchApp, seriousViolations, type App } from './harness';

import { createProject, fillAndLeave, files, setChecked, until } from './helpers';

import { CORPUS, describeCorpus } from '../support/corpus';

describeCorpus('material status while preparing', () => {
  let app: App;
  beforeAll(async () => {
    app = await launchApp({ today: '2026-11-23' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows unfinished work as 待完成, real problems as 有错误, and undoes a removal', async () => {
    const { page } = app;
    const dir = await createProject(app, '状态检查项目');
    const saved = async (): Promise<ProjectDoc> => JSON.parse(await readFile(join(dir, 'matprep.json'), 'utf8'));
    const checklist = page.getByRole('complementary', { name: '检查清单' });
    const item = (name: RegExp) => checklist.getByRole('button', { name });

    // Optional materials are 可选 (选填 is for form fields).
    expect(await item(/人脸\/视频核验/).textContent()).toContain('可选');
    expect(await item(/人脸\/视频核验/).textContent()).not.toContain('选填');

    // The subject: once every required field is filled, the summary says so in words.
    await fillAndLeave(page.getByLabel('主办单位名称'), '上海示例科技有限公司');
    await fillAndLeave(page.getByLabel('统一社会信用代码'), '91310110666007217T');
    await page.getByLabel('主办单位所在省份').selectOption('上海');
    await fillAndLeave(page.getByLabel('主办单位通信地址'), '上海市杨浦区示例路 1 号');
    await page.getByLabel('网站负责人是否就是法定代表人本人').selectOption('是');
    await fillAndLeave(page.getByLabel('法定代表人（主体负责人）姓名'), '张三');
    await fillAndLeave(page.getByLabel('法定代表人身份证号'), '11010519491231002X');
    await fillAndLeave(page.getByLabel('法定代表人手机号'), '13912345678');
    await fillAndLeave(page.getByLabel('法定代表人电子邮箱'), 'zhangsan@example.com');
    await fillAndLeave(page.getByLabel('网站域名'), 'example.com');
    await fillAndLeave(page.getByLabel('网站名称'), '示例科技官网');
    await until(() => item(/主体信息/).textContent()).toContain('完成');
    expect(await item(/主体信息/).textContent()).toMatch(/必填项已完成，选填 \d+\/\d+/);

    // A missing material: the badge says 缺少, no reason repeats its title.
    const licence = item(/营业执照/);
    expect(await licence.locator('.checklist-reason').count()).toBe(0);
    await licence.click();
    await page.getByRole('heading', { level: 1, name: '营业执照' }).waitFor();

    // Sources collapsed under 依据（n）, so 添加文件 stays in view; opened, titles without the pack's ids.
    const sources = page.locator('details.sources');
    const summary = sources.locator('summary');
    expect(await summary.textContent()).toMatch(/^依据（\d+）$/);
    const first = sources.getByRole('listitem').first();
    expect(await first.isVisible()).toBe(false);
    await summary.click();
    await first.waitFor();
    const text = (await sources.locator('ul').textContent())!;
    // The regulation by title and 文号, and the official filing system with its address.
    expect(text).toContain('《非经营性互联网信息服务备案管理办法》（信息产业部令第33号');
    // The official filing system's page opens in the browser (built-in packs' links only).
    expect(await sources.getByRole('button', { name: /^打开网页：.*备案管理系统/ }).getAttribute('title')).toBe(
      'https://beian.miit.gov.cn',
    );
    expect(text).not.toMatch(/\bH1\b|PORTALS\.md|华为云|信息产业部令第33号:/);
    expect(await summary.textContent()).toBe(`依据（${await sources.getByRole('listitem').count()}）`);

    // A file just added, nothing ticked, no date yet: not finished, not wrong. A PDF scan, so no photo
    // check (tests/e2e/scan.test.ts) speaks before the to-dos.
    await page.getByLabel('添加文件…').setInputFiles(join(CORPUS, 'v20-simple.pdf'));
    await files(page).filter({ hasText: 'v20-simple.pdf' }).waitFor();
    await until(() => licence.textContent()).toContain('待完成');
    expect(await licence.textContent()).not.toContain('有问题');
    const reason = licence.locator('.checklist-reason');
    expect(await reason.textContent()).toBe('还需：填写日期、勾选 2 项确认');
    const results = page.locator('.problems-card');
    expect(await results.getAttribute('class')).toContain('problems-unconfirmed');
    expect(await results.locator('.problem-error').count()).toBe(0);
    expect(await results.textContent()).toContain('尚未确认“原件彩色扫描或拍照”');
    expect(await results.textContent()).not.toContain('“营业执照”');
    expect(await page.locator('.step-head').textContent()).toContain('待完成');
    expect(await seriousViolations(page)).toEqual([]);

    // A date counts as soon as it is a whole date, before the user leaves the box.
    const validUntil = page.getByLabel('有效期至');
    await validUntil.fill('2026-12-01');
    await until(() => licence.textContent()).toContain('有问题');
    // Still in the box: it was saved without leaving it (typed structurally: no DOM lib here).
    const stillFocused = await validUntil.evaluate((el) => {
      const node = el as unknown as { ownerDocument: { activeElement: unknown } };
      return node === node.ownerDocument.activeElement;
    });
    expect(stillFocused).toBe(true);
    expect((await saved()).materials['business-licence'].validUntil).toBe('2026-12-01');
    // Too little validity left is something wrong: red, with the problem first in the checklist.
    expect(await results.getAttribute('class')).toContain('problems-invalid');
    expect(await reason.textContent()).toContain('只剩 8 天');
    await validUntil.fill('2040-01-01');
    await until(() => reason.textContent()).toBe('还需：勾选 2 项确认');
    await setChecked(page.getByRole('checkbox', { name: '原件彩色扫描或拍照' }), true);
    await setChecked(page.getByRole('checkbox', { name: '四角完整且国徽无遮挡' }), true);
    await until(() => licence.textContent()).toContain('完成');
    expect(await page.locator('.problems-card').count()).toBe(0);

    // Two ID card sides, each added in its own slot; removing one can be undone, part and place included.
    await item(/主体负责人（法定代表人）身份证/).click();
    await page.getByRole('heading', { level: 1, name: /主体负责人（法定代表人）身份证/ }).waitFor();
    await page.getByLabel('添加正面（人像面）').setInputFiles(join(CORPUS, 'img-exif-landscape-o1.jpg'));
    await files(page).nth(0).waitFor();
    await page.getByLabel('添加反面（国徽面）').setInputFiles(join(CORPUS, 'img-exif-landscape-o6.jpg'));
    await files(page).nth(1).waitFor();
    await until(async () => (await saved()).materials['legal-rep-id-card'].files[0].part).toBe('front');
    await page.getByRole('button', { name: '移除“img-exif-landscape-o1.jpg”' }).click();
    const undo = page.getByRole('button', { name: '撤销' });
    await undo.waitFor();
    expect(await page.getByRole('status').filter({ hasText: '已移除“img-exif-landscape-o1.jpg”' }).count()).toBe(1);
    expect((await saved()).materials['legal-rep-id-card'].files.map((f) => f.name)).toEqual([
      'img-exif-landscape-o6.jpg',
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await undo.click();
    await until(async () => (await saved()).materials['legal-rep-id-card'].files.map((f) => f.name)).toEqual([
      'img-exif-landscape-o1.jpg',
      'img-exif-landscape-o6.jpg',
    ]);
    // The part is put back after the file and its place: a further save, waited for like them.
    await until(async () => (await saved()).materials['legal-rep-id-card'].files[0].part).toBe('front');
    // Back in the front slot.
    const frontSlot = page.getByRole('region', { name: '正面（人像面）' });
    await until(() => frontSlot.getByRole('listitem').filter({ hasText: 'img-exif-landscape-o1.jpg' }).count()).toBe(1);
    expect(await undo.count()).toBe(0);

    // Turned the wrong way: one click back, counter-clockwise (the same saved rotation as three clockwise).
    const side = 'img-exif-landscape-o6.jpg';
    await page.getByRole('button', { name: `逆时针旋转“${side}”` }).click();
    await until(async () => (await saved()).materials['legal-rep-id-card'].files[1].rotate).toBe(270);
    // The next turn counts from what the row shows: wait for it to show the saved turn.
    await until(() => files(page).filter({ hasText: side }).textContent()).toContain('已旋转 270°');
    await page.getByRole('button', { name: `顺时针旋转“${side}”` }).click();
    await until(async () => (await saved()).materials['legal-rep-id-card'].files[1].rotate).toBe(0);
  });

  it('says "1 page" in English', async () => {
    const { page } = app;
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('button', { name: '设置' }).click();
    await page.getByLabel('界面语言').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Materials' }).click();
    const checklist = page.getByRole('complementary', { name: 'Checklist' });
    await checklist.getByRole('button', { name: /域名证书/ }).click();
    await page.getByLabel('Add files…').setInputFiles(join(CORPUS, 'v20-simple.pdf'));
    const row = page
      .getByRole('list', { name: 'Added files' })
      .getByRole('listitem')
      .filter({ hasText: 'v20-simple.pdf' });
    await until(() => row.locator('.file-details').textContent()).toMatch(/^1 page · /);
    await until(() => checklist.getByRole('button', { name: /域名证书/ }).textContent()).toContain('To finish');

    // The pack's English names the material and its parts.
    await checklist.getByRole('button', { name: /^ID card of the principal/ }).click();
    await page.getByRole('heading', { level: 1, name: /^ID card of the principal/ }).waitFor();
    expect(await page.locator('main').textContent()).toMatch(/Mark each part: [^、]+, [^、]+/);
  });
});
