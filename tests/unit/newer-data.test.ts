/**
 * Data written by a newer matprep is kept, not dropped: unknown keys in the app store (settings,
 * recent projects, profiles) and in matprep.json survive a read and a write, and a project whose
 * format version is newer is refused as "made by a newer version of matprep", untouched, no backup.
 */
import { describe, it, expect } from 'vitest';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppStore, APP_STATE_FILE } from '../../src/core/settings/store';
import { addFiles, createProject, openProject, updateProject } from '../../src/core/project/store';
import sharp from 'sharp';
import { runInProcess } from '../support/cli';
import { bindProject } from '../../src/core/workspace/workspace';
import { builtInRulesDir } from '../../src/core/rules/loader';

describe('newer data', () => {
  it('the app store keeps settings, recent projects and keys it does not know', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'matprep-newer-ud-'));
    const recent = { dir: '/p', name: 'P', ruleId: 'icp', openedAt: '2026-01-01T00:00:00Z', pinned: true };
    await writeFile(
      join(dir, APP_STATE_FILE),
      JSON.stringify({ settings: { locale: 'en', theme: 'dark' }, recent: [recent], profiles: [], sync: { on: 1 } }),
    );
    const store = createAppStore(dir);
    const state = await store.read();
    expect(store.takeWarning()).toBeUndefined();
    expect(state.settings.locale).toBe('en');
    expect(state.recent).toHaveLength(1);
    await store.update((s) => {
      s.settings.defaultDpi = 300;
    });
    const saved = JSON.parse(await readFile(join(dir, APP_STATE_FILE), 'utf8'));
    expect(saved.settings).toMatchObject({ locale: 'en', theme: 'dark', defaultDpi: 300 });
    expect(saved.recent[0].pinned).toBe(true);
    expect(saved.sync).toEqual({ on: 1 });
    expect((await readdir(dir)).filter((n) => n.includes('.broken-'))).toEqual([]);
  });

  it('matprep.json keeps unknown keys through an edit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'matprep-newer-'));
    await createProject(dir, { ruleId: 'icp-filing-enterprise', ruleVersion: '1' });
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#888' } })
      .png()
      .toBuffer();
    await addFiles(dir, 'business-licence', [{ name: 'scan.png', data: new Uint8Array(png) }]);
    const file = join(dir, 'matprep.json');
    const doc = JSON.parse(await readFile(file, 'utf8'));
    doc.reviewNotes = ['from 2.0'];
    doc.bindOptions = { duplex: true, coverStyle: 'formal' };
    doc.history = [{ at: 'x', output: 'o.pdf', pages: 1, bytes: 2, sha256: 'a'.repeat(64), signer: 'CA' }];
    await writeFile(file, JSON.stringify(doc));
    await openProject(dir);
    await updateProject(dir, (d) => void (d.fields.company_name = '新公司'));
    const saved = JSON.parse(await readFile(file, 'utf8'));
    expect(saved.reviewNotes).toEqual(['from 2.0']);
    expect(saved.bindOptions).toEqual({ duplex: true, coverStyle: 'formal' });
    expect(saved.history[0].signer).toBe('CA');
    expect(saved.fields.company_name).toBe('新公司');
    // …and binds: the option this version does not know is kept, not used.
    const ctx = { rulesDirs: { builtIn: builtInRulesDir() }, today: '2026-11-23', locale: 'zh-CN' as const };
    const outcome = await bindProject(dir, ctx, { output: join(dir, 'out', 'p.pdf'), allowIncomplete: true });
    expect(outcome.kind).toBe('written');
    expect(JSON.parse(await readFile(file, 'utf8')).bindOptions.coverStyle).toBe('formal');
  });

  it('a project in a newer format is refused as made by a newer version, untouched', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'matprep-newer-v-'));
    await createProject(dir, { ruleId: 'icp-filing-enterprise', ruleVersion: '1' });
    const file = join(dir, 'matprep.json');
    const doc = JSON.parse(await readFile(file, 'utf8'));
    doc.schemaVersion = 2;
    const text = JSON.stringify(doc);
    await writeFile(file, text);
    const zh = await runInProcess('check', dir);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('由更新版本的 matprep 创建');
    const en = await runInProcess('--lang', 'en', 'check', dir);
    expect(en.stderr).toContain('made by a newer version of matprep');
    expect(await readFile(file, 'utf8')).toBe(text);
    expect((await readdir(dir)).filter((n) => n.endsWith('.bak'))).toEqual([]);
  });
});
