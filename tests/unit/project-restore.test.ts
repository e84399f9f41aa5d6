/**
 * 从备份恢复: every change keeps the record as it was, so a damaged record goes back to its last good
 * state through the real dispatch; the damaged one is kept as a copy; without a backup it says so.
 */
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp } from '../support/app';

describe('project:restore', () => {
  it('puts back the record as it was before the last change, keeping the damaged one', async () => {
    const app = await createTestApp();
    const dir = await mkdtemp(join(tmpdir(), 'matprep-restore-'));
    await app.call('project:create', { dir, ruleId: 'icp-filing-enterprise', name: '恢复测试' });
    await app.call('project:setField', { dir, fieldId: 'org_name', value: '甲公司' });
    await app.call('project:setField', { dir, fieldId: 'org_name', value: '乙公司' });

    const file = join(dir, 'matprep.json');
    await writeFile(file, '{"schemaVersion": 1, "name": "恢复测试", ');
    const broken = await app.raw('project:open', { dir });
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error.code).toBe('project.corrupt');

    const view = await app.call('project:restore', { dir });
    expect(view.doc.name).toBe('恢复测试');
    // The state before the last change: 甲公司, the change to 乙公司 being the one after it.
    expect(view.doc.fields.org_name).toBe('甲公司');
    expect(JSON.parse(await readFile(file, 'utf8')).fields.org_name).toBe('甲公司');
    const kept = (await readdir(dir)).filter((name) => name.startsWith('matprep.json.broken-'));
    expect(kept.length).toBe(1);
    expect(await readFile(join(dir, kept[0]!), 'utf8')).toBe('{"schemaVersion": 1, "name": "恢复测试", ');
  });

  it('says there is no backup when the project was never changed', async () => {
    const app = await createTestApp();
    const dir = await mkdtemp(join(tmpdir(), 'matprep-restore-'));
    await app.call('project:create', { dir, ruleId: 'icp-filing-enterprise' });
    await writeFile(join(dir, 'matprep.json'), 'not json');
    const result = await app.raw('project:restore', { dir });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('project.noLastGood');
      expect(result.error.message).toContain('没有可恢复的备份');
    }
    expect(await readFile(join(dir, 'matprep.json'), 'utf8')).toBe('not json');
  });
});
