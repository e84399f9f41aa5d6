/**
 * template:save through the real handler table and dispatch: the save dialog is asked (the project's
 * out/ offered), the file is written where it answers, a cancel writes nothing, and a user's own
 * template in the rule folder replaces the built-in one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app';
import { testPlatform } from '../support/platform';
import { builtInRulesDir } from '../../src/core/rules/loader';
import { pageTexts } from '../fixtures/pdf-read';

async function project() {
  const root = await mkdtemp(join(tmpdir(), 'matprep-template-ipc-'));
  const platform = testPlatform();
  const offered: string[] = [];
  const { chooseSaveFile } = platform;
  platform.chooseSaveFile = async (options) => {
    offered.push(options.defaultPath);
    return chooseSaveFile(options);
  };
  const user = join(root, 'user-rules');
  const app = await createTestApp({ platform, rulesDirs: { builtIn: builtInRulesDir(), user }, today: '2026-12-07' });
  const dir = join(root, 'project');
  await app.call('project:create', { dir, ruleId: 'icp-filing-enterprise', name: '模板' });
  await app.call('project:setField', { dir, fieldId: 'org_name', value: '北京示例科技有限公司' });
  await app.call('project:setField', { dir, fieldId: 'uscc', value: '91310110666007217T' });
  return { app, platform, offered, dir, root, user };
}

describe('template:save', () => {
  it('offers the out/ folder, writes the filled PDF or .docx there, and writes nothing when cancelled', async () => {
    const { app, platform, offered, dir, root } = await project();
    const pdf = await app.call('template:save', { dir, materialId: 'authorization-letter', format: 'pdf' });
    expect(offered).toEqual([join(dir, 'out', '法人授权书.pdf')]);
    expect(pdf.output).toBe(join(dir, 'out', '法人授权书.pdf'));
    const text = pageTexts(pdf.output!).join('').replace(/\s+/g, '');
    expect(text).toContain('北京示例科技有限公司（统一社会信用代码：91310110666007217T）');
    expect(text).toContain('日期：2026年12月7日');

    platform.nextSaveFile = join(root, '别处.docx');
    const docx = await app.call('template:save', { dir, materialId: 'site-plan', format: 'docx' });
    expect(docx.output).toBe(join(root, '别处.docx'));
    expect(strFromU8(unzipSync(readFileSync(docx.output!))['word/document.xml'])).toContain('北京示例科技有限公司');

    platform.nextSaveFile = null;
    expect(await app.call('template:save', { dir, materialId: 'site-plan', format: 'pdf' })).toEqual({ output: null });
    expect(existsSync(join(dir, 'out', '网站建设方案书.pdf'))).toBe(false);
  });

  it('lists the materials with a template and the official texts each follows', async () => {
    const { app, dir } = await project();
    const listed = await app.call('template:list', { dir });
    expect(listed.map((l) => l.materialId)).toContain('authorization-letter');
    const letter = listed.find((l) => l.materialId === 'authorization-letter')!;
    expect(letter).toMatchObject({
      templateId: 'legal-rep-authorisation',
      title: '法人授权书',
      formats: ['pdf', 'docx'],
    });
    expect(letter.basis.map((b) => b.title).join()).toContain('信息产业部令第33号');
  });

  it('refuses a material without a template and a save path inside the vault, in one line', async () => {
    const { app, platform, dir } = await project();
    const none = await app.raw('template:save', { dir, materialId: 'business-licence', format: 'pdf' });
    expect(none).toMatchObject({ ok: false, error: { code: 'templates.noTemplate' } });
    platform.nextSaveFile = join(dir, 'vault', 'x.pdf');
    const vault = await app.raw('template:save', { dir, materialId: 'site-plan', format: 'pdf' });
    expect(vault).toMatchObject({ ok: false, error: { code: 'project.outputInside' } });
    expect(existsSync(join(dir, 'vault', 'x.pdf'))).toBe(false);
  });

  it('uses the template in the user rule folder over the built-in one', async () => {
    const { app, dir, user } = await project();
    const builtIn = await readFile(join(builtInRulesDir(), 'templates', 'site-plan.yaml'), 'utf8');
    await mkdir(join(user, 'templates'), { recursive: true });
    await writeFile(
      join(user, 'templates', 'site-plan.yaml'),
      builtIn.replace('title: { zh: 网站建设方案书', 'title: { zh: 接入商版网站建设方案书'),
    );
    const saved = await app.call('template:save', { dir, materialId: 'site-plan', format: 'pdf' });
    expect(pageTexts(saved.output!).join('')).toContain('接入商版网站建设方案书');
  });
});
