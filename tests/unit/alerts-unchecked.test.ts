/**
 * 三色预警 never goes quiet about a project it could not check: through the real handler table, a
 * project whose (user) rule pack broke is listed with its name and the rule file's first error,
 * while a project that is simply gone is passed over.
 */
import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtInRulesDir } from '../../src/core/rules/loader';
import { gatherAlertInputs } from '../../src/core/alerts/gather';
import { createTestApp } from '../support/app';

describe('alerts:list with a project that cannot be checked', () => {
  it('names the project and why; other projects are still checked; a deleted one is passed over', async () => {
    const root = await mkdtemp(join(tmpdir(), 'matprep-unchecked-'));
    const userRules = join(root, 'rules');
    await mkdir(userRules);
    const yaml = (await readFile(join(builtInRulesDir(), 'icp-filing-individual.yaml'), 'utf8'))
      .replace(/^id: .*$/m, 'id: my-filing')
      .replace(/^version: .*$/m, 'version: "1"');
    const packFile = join(userRules, 'my-filing.yaml');
    await writeFile(packFile, yaml);
    const app = await createTestApp({ rulesDirs: { builtIn: builtInRulesDir(), user: userRules } });

    const custom = join(root, '自定义项目');
    await app.call('project:create', { dir: custom, ruleId: 'my-filing', name: '自定义项目' });
    await app.call('project:setDates', { dir: custom, materialId: 'id-card', validUntil: '2027-01-01' });
    const builtIn = join(root, '内置项目');
    await app.call('project:create', { dir: builtIn, ruleId: 'icp-filing-enterprise', name: '内置项目' });
    await app.call('project:setDates', { dir: builtIn, materialId: 'business-licence', validUntil: '2027-02-01' });
    const gone = join(root, '已删除');
    await app.call('project:create', { dir: gone, ruleId: 'icp-filing-enterprise', name: '已删除' });
    await rm(gone, { recursive: true });

    const before = await app.call('alerts:list', {});
    expect(before.unchecked).toEqual([]);
    expect(before.alerts.map((a) => a.projectName).sort()).toEqual(['内置项目', '自定义项目']);

    // A typo in the user's pack: it no longer loads.
    await writeFile(packFile, yaml.replace(/^authority:/m, 'authorty:'));
    const after = await app.call('alerts:list', {});
    expect(after.alerts.map((a) => a.projectName)).toEqual(['内置项目']);
    expect(after.unchecked).toHaveLength(1);
    expect(after.unchecked[0]).toMatchObject({ projectDir: custom, projectName: '自定义项目' });
    expect(after.unchecked[0].reason).toContain('my-filing');
    expect(after.unchecked[0].reason).toContain(`${packFile}:`);
    expect(after.unchecked[0].reason).toContain('authority');

    // The pack file removed altogether.
    await rm(packFile);
    const removed = await app.call('alerts:list', {});
    expect(removed.unchecked[0].reason).toContain('找不到它使用的规则包“my-filing”');
  });

  it('a damaged matprep.json is reported, not skipped (gatherAlertInputs with the real store)', async () => {
    const app = await createTestApp();
    const dir = join(await mkdtemp(join(tmpdir(), 'matprep-unchecked-')), '损坏');
    await app.call('project:create', { dir, ruleId: 'icp-filing-enterprise', name: '损坏' });
    await writeFile(join(dir, 'matprep.json'), '{ "not": json');
    const listed = await app.call('alerts:list', {});
    expect(listed.unchecked).toHaveLength(1);
    expect(listed.unchecked[0].projectName).toBe('损坏');
    // In plain words, naming the button that fixes it; the file name and JSON position are the CLI's.
    expect(listed.unchecked[0].reason).toBe('项目记录已损坏。在“最近的项目”中打开它，再点“从备份恢复”。');
    // The pure part, with English reasons.
    const { unchecked } = await gatherAlertInputs(
      [{ dir: '/nowhere', name: 'x' }],
      {
        open: async () => ({ dir: '/nowhere', doc: { rulePack: { id: 'gone-pack' }, name: 'x' } as never }),
        rules: { packs: [], summaries: [] },
      },
      'en',
    );
    expect(unchecked[0].reason).toContain('"gone-pack" cannot be found');
  });
});
