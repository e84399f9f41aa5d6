/**
 * The per-file export as a job on the bind screen: on a project whose materials are exported page by
 * page as JPEGs (30 and 19 pages), the export shows a progress bar naming the material being
 * exported and a 取消导出 button; cancelling it leaves no zip and no temp file, and says so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addFiles, createProject } from '../../src/core/project/store';
import type { ExportJob } from '../../src/shared/ipc';
import { launchApp, seriousViolations, type App } from './harness';

import { RULE_ID, until } from './helpers';
import { CORPUS, describeCorpus } from '../support/corpus';

const corpus = (name: string) => new Uint8Array(readFileSync(join(CORPUS, name)));

describeCorpus('export: progress and cancel', () => {
  let app: App;
  beforeAll(async () => {
    app = await launchApp({ today: '2026-11-23' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the material being exported, and a cancelled export writes nothing', async () => {
    const { page } = app;
    // Made on disk, as a colleague's project folder would arrive, then opened through the app.
    const dir = join(app.tempDir, 'many-pages');
    await createProject(dir, { ruleId: RULE_ID, ruleVersion: '2026.1', name: '多页导出' });
    await addFiles(dir, 'business-licence', [{ name: '营业执照.pdf', data: corpus('objstm-xrefstm-30p.pdf') }]);
    await addFiles(dir, 'domain-certificate', [
      { name: '域名证书.pdf', data: corpus('plain-us_constitution-19p.pdf') },
    ]);
    await page.getByRole('heading', { level: 1, name: '材料准备助手' }).waitFor();
    app.platform.nextFolder = dir;
    await page.getByRole('button', { name: '打开项目文件夹…' }).click();
    await page.getByRole('heading', { level: 1, name: '主体信息' }).waitFor();
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '装订' }).click();
    await page.getByRole('heading', { level: 1, name: '装订' }).waitFor();

    const outputs = page.getByRole('region', { name: '其他输出' });
    const exportButton = outputs.getByRole('button', { name: '导出单个文件（zip）' });
    await exportButton.click();
    const progress = outputs.getByRole('progressbar', { name: '导出进度' });
    await progress.waitFor();
    // The first material has 30 pages to render and shrink: the screen names it while it works.
    await outputs.getByText('正在导出“营业执照”（第 1 份，共 2 份）').waitFor({ timeout: 60_000 });
    expect(await exportButton.isDisabled()).toBe(true);
    expect(await outputs.getByRole('button', { name: '生成补正清单' }).isDisabled()).toBe(true);
    await app.screenshot('23a-export-progress', outputs);
    expect(await seriousViolations(page)).toEqual([]);

    await outputs.getByRole('button', { name: '取消导出' }).click();
    await outputs.getByText('已取消导出，没有生成 zip 文件。').waitFor({ timeout: 60_000 });
    expect(await outputs.getByRole('button', { name: '取消导出' }).count()).toBe(0);
    await until(() => exportButton.isEnabled()).toBe(true);
    expect(await page.getByTestId('export-result').count()).toBe(0);
    // The job stopped before the reply came: nothing in out/, neither the zip nor a temp file of it.
    const out = join(dir, 'out');
    expect(existsSync(out) ? await readdir(out) : []).toEqual([]);
    const cancels = app.calls.filter((c) => c.channel === 'export:cancel').map((c) => c.value as ExportJob);
    expect(cancels.map((job) => job.state)).toEqual(['cancelled']);
    expect(await seriousViolations(page)).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
