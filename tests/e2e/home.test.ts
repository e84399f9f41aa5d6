/**
 * Home, as a first-time user meets it: the everyday name finds the pack, the "choose a type first"
 * line goes once a type is chosen, and 三色预警 names a project it could not check (a custom rule
 * pack that broke) instead of saying there is nothing to warn about.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, REPO, seriousViolations, type App } from './harness';
import { until } from './helpers';

describe('home', () => {
  let app: App;
  beforeAll(async () => {
    app = await launchApp({ today: '2026-11-23' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('finds 网站备案, clears the stale hint, and reports a project whose pack broke', async () => {
    const { page } = app;
    await page.getByRole('heading', { level: 1, name: '材料准备助手' }).waitFor();
    const packs = page.getByRole('radio');
    await until(() => packs.count()).toBeGreaterThan(5);

    // The everyday name: both ICP备案 packs, first.
    await page.getByLabel('搜索申请类型').fill('网站备案');
    await until(async () => (await packs.count()) > 0 && (await packs.count()) < 5).toBe(true);
    const names = await page.locator('.pack .pack-name').allTextContents();
    expect(names.slice(0, 2)).toEqual([
      '非经营性互联网信息服务备案（ICP备案·单位）',
      '非经营性互联网信息服务备案（ICP备案·个人）',
    ]);

    // Create before choosing: the hint; choosing a type answers it.
    const status = page.locator('.new-project .status-line');
    await page.getByRole('button', { name: '创建项目' }).click();
    await until(() => status.textContent()).toBe('请先选择申请类型。');
    await page.getByRole('radio', { name: /ICP备案·单位/ }).check();
    await until(() => status.textContent()).toBe('');

    // A custom pack (the user's rule folder), a project made with it, then a typo in the pack.
    const rulesDir = join(app.tempDir, 'my-rules');
    await mkdir(rulesDir);
    const yaml = (await readFile(join(REPO, 'rules/icp-filing-individual.yaml'), 'utf8'))
      .replace(/^id: .*$/m, 'id: my-filing')
      .replace(/^title: .*$/m, 'title: 自定义个人备案')
      .replace(/^version: .*$/m, 'version: "1"');
    const packFile = join(rulesDir, 'my-filing.yaml');
    await writeFile(packFile, yaml);
    // Settings are saved through the page's own bridge (the folder dialog is the only other way in).
    await page.evaluate((dir) => {
      const bridge = (globalThis as unknown as { matprep: Record<string, (r: unknown) => Promise<unknown>> }).matprep;
      return bridge['settings:set']({ userRulesDir: dir });
    }, rulesDir);
    await page.reload();
    await page.getByLabel('搜索申请类型').fill('自定义');
    await page.getByRole('radio', { name: /自定义个人备案/ }).check();
    await page.getByLabel('项目名称').fill('自定义项目');
    app.platform.nextFolder = join(app.tempDir, 'custom-project');
    await page.getByRole('button', { name: '选择其他位置…' }).click();
    await page.getByRole('heading', { level: 1, name: '主体信息' }).waitFor();

    await writeFile(packFile, yaml.replace(/^authority:/m, 'authorty:'));
    await page.getByRole('button', { name: '首页' }).click();
    const panel = page.getByRole('region', { name: '三色预警' });
    const unchecked = panel.locator('.alerts-unchecked');
    await unchecked.waitFor();
    const text = await unchecked.textContent();
    expect(text).toContain('以下项目无法检查有效期');
    expect(text).toContain('“自定义项目”');
    expect(text).toContain('my-filing');
    expect(text).toContain(`${packFile}:`);
    // Not "nothing to warn about": only the projects that were checked have nothing.
    expect(await panel.locator('.empty-note').textContent()).toBe('其余最近的项目里没有带有效期的证件。');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
