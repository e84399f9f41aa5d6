/**
 * A material the applicant writes: the material step offers 生成模板 → 打印签字盖章 → 扫描后添加, and
 * the generate buttons save the template filled with the subject form — a PDF and a Word file that
 * are read back here — where the save dialog says; a cancelled dialog writes nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, seriousViolations, type App } from './harness';
import { createProject, fillAndLeave, until } from './helpers';
import { pageTexts } from '../fixtures/pdf-read';

describe('fill-in templates in the material step', () => {
  let app: App;
  beforeAll(async () => {
    app = await launchApp({ today: '2026-12-07' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('generates the pre-filled template as PDF and Word from the material step', async () => {
    const { page } = app;
    const dir = await createProject(app, '模板项目');
    await fillAndLeave(page.getByLabel('主办单位名称'), '上海示例科技有限公司');
    await fillAndLeave(page.getByLabel('统一社会信用代码'), '91310110666007217T');
    await fillAndLeave(page.getByLabel('法定代表人（主体负责人）姓名'), '张三');
    // The 法人授权书 is needed when someone else runs the site for the legal representative.
    await page.getByLabel('网站负责人是否就是法定代表人本人').selectOption('否');
    await fillAndLeave(page.getByLabel('网站负责人姓名'), '李四');
    const checklist = page.getByRole('complementary', { name: '检查清单' });
    const letter = checklist.getByRole('button', { name: /^法人授权书/ });
    await letter.waitFor();
    await letter.click();
    await page.getByRole('heading', { level: 1, name: '法人授权书' }).waitFor();

    const strip = page.getByRole('region', { name: '这份材料需要自己写：用模板' });
    const steps = strip.getByRole('list', { name: '三步完成' }).getByRole('listitem');
    expect(await steps.allTextContents()).toEqual([expect.stringContaining('生成模板'), '打印签字盖章', '扫描后添加']);
    // Which template, and the official texts its wording follows.
    await until(async () => (await strip.textContent()) ?? '').toContain('“法人授权书”的模板已按主体信息填好');
    expect(await strip.textContent()).toMatch(/格式依据：.*信息产业部令第33号/);
    expect(await seriousViolations(page)).toEqual([]);

    await strip.getByRole('button', { name: '生成 PDF' }).click();
    const pdf = join(dir, 'out', '法人授权书.pdf');
    await until(async () => (await strip.getByRole('status').textContent()) ?? '').toContain(pdf);
    const text = pageTexts(pdf).join('').replace(/\s+/g, '');
    expect(text).toContain('法人授权书');
    expect(text).toContain('上海示例科技有限公司');
    expect(text).toContain('91310110666007217T');
    expect(text).toContain('兹授权李四');
    expect(text).toContain('2026年12月7日');
    expect(text).not.toMatch(/[{}]/);
    await app.screenshot('15-material-template', strip);

    await strip.getByRole('button', { name: '生成 Word' }).click();
    const docx = join(dir, 'out', '法人授权书.docx');
    await until(async () => (await strip.getByRole('status').textContent()) ?? '').toContain(docx);
    const xml = strFromU8(unzipSync(readFileSync(docx))['word/document.xml']);
    expect(xml).toContain('上海示例科技有限公司');
    expect(xml).toContain('91310110666007217T');

    // A cancelled save dialog writes nothing and says nothing was saved.
    app.platform.nextSaveFile = null;
    const elsewhere = join(app.tempDir, 'cancelled.pdf');
    await strip.getByRole('button', { name: '生成 PDF' }).click();
    await until(async () => (await strip.getByRole('status').textContent()) ?? '').toBe('');
    expect(existsSync(elsewhere)).toBe(false);
    expect(app.errors).toEqual([]);
  });

  it('shows no template strip for a material that is a scan of an issued document', async () => {
    const { page } = app;
    await page
      .getByRole('complementary', { name: '检查清单' })
      .getByRole('button', { name: /^营业执照/ })
      .click();
    await page.getByRole('heading', { level: 1, name: '营业执照' }).waitFor();
    expect(await page.getByRole('region', { name: '这份材料需要自己写：用模板' }).count()).toBe(0);
  });

  it('speaks English in English mode, and the document stays Chinese', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '设置' }).click();
    await page.getByLabel('界面语言').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Materials' }).click();
    await page
      .getByRole('complementary', { name: 'Checklist' })
      .getByRole('button', { name: /法人授权书/ })
      .click();
    const strip = page.getByRole('region', { name: 'You write this document yourself: use the template' });
    const steps = strip.getByRole('list', { name: 'Three steps' }).getByRole('listitem');
    expect(await steps.allTextContents()).toEqual([
      expect.stringContaining('Generate the template'),
      'Print, sign and stamp',
      'Scan and add it',
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    app.platform.nextSaveFile = undefined;
    await strip.getByRole('button', { name: 'Generate PDF' }).click();
    await until(async () => (await strip.getByRole('status').textContent()) ?? '').toMatch(/^Saved: /);
    await app.screenshot('15b-material-template-en', strip);
    const output = ((await strip.getByRole('status').textContent()) ?? '').replace(/^Saved: /, '');
    expect(pageTexts(output).join('').replace(/\s+/g, '')).toContain('兹授权李四');
  });
});
