/**
 * A project last checked against an older version of its rule pack says so when opened, once: the
 * checklist already follows the new rules, and the notice explains why it may look different.
 * Acknowledging records the version in use in matprep.json.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ProjectDoc } from '../../src/core/model/schemas/project';
import { REPO, launchApp, seriousViolations, type App } from './harness';
import { createProject, until } from './helpers';

describe('rule pack updated since the project was last checked', () => {
  let app: App;
  beforeAll(async () => {
    app = await launchApp({ today: '2026-11-23' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('tells the user once, and records the version now in use', async () => {
    const { page } = app;
    const dir = await createProject(app, '规则版本项目');
    const file = join(dir, 'matprep.json');
    const read = async (): Promise<ProjectDoc> => JSON.parse(await readFile(file, 'utf8'));
    const current = (
      parse(await readFile(join(REPO, 'rules/icp-filing-enterprise.yaml'), 'utf8')) as { version: string }
    ).version;
    const notice = page.getByRole('region', { name: '规则已更新' });
    // A new project records the version it was created with: no notice.
    expect((await read()).rulePack.version).toBe(current);
    expect(await notice.count()).toBe(0);

    // As if created a pack version ago; opened again from Home.
    const doc = await read();
    doc.rulePack.version = '2020.1';
    await writeFile(file, JSON.stringify(doc, null, 2));
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '首页' }).click();
    await page.getByRole('button', { name: /^规则版本项目/ }).click();
    await notice.waitFor();
    expect(await notice.textContent()).toContain(`2020.1 版检查，现在按 ${current} 版检查`);
    await app.screenshot('27-rule-pack-updated');
    expect(await seriousViolations(page)).toEqual([]);

    await notice.getByRole('button', { name: '知道了' }).click();
    await until(() => notice.count()).toBe(0);
    expect((await read()).rulePack.version).toBe(current);
  });
});
