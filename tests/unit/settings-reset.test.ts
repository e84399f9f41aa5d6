/**
 * A damaged app file (matprep-app.json: settings, recent projects, company profiles) is replaced by
 * defaults with a backup; the UI learns it once through `app:notices`, naming the backup.
 */
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_STATE_FILE } from '../../src/core/settings/store';
import { createTestApp } from '../support/app';

async function userData(content?: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'matprep-ud-'));
  if (content !== undefined) await writeFile(join(dir, APP_STATE_FILE), content);
  return dir;
}

describe('app:notices', () => {
  it('tells once that a damaged app file was reset, naming the backup that keeps its content', async () => {
    const damaged = '{"settings":{"locale":"en"},"recent":[{"dir":"/p","name":"甲项目"'; // cut off mid-write
    const dir = await userData(damaged);
    const app = await createTestApp({ userDataDir: dir });

    const { settingsReset } = await app.call('app:notices', {});
    expect(settingsReset).not.toBeNull();
    expect(settingsReset!.file).toBe(join(dir, APP_STATE_FILE));
    expect(settingsReset!.backup).toMatch(/matprep-app\.json\.broken-[0-9a-f]{12}\.bak$/);
    expect(settingsReset!.detail).not.toBe('');
    expect(await readFile(settingsReset!.backup, 'utf8')).toBe(damaged);
    // What the notice says was reset: settings back to defaults, no recent projects, no profiles.
    expect((await app.call('settings:get', {})).locale).toBe('zh-CN');
    expect(await app.call('recent:list', {})).toEqual([]);
    expect(await app.call('profiles:list', {})).toEqual([]);

    // Once: asking again (Home shown again) says nothing.
    expect(await app.call('app:notices', {})).toEqual({ settingsReset: null });
  });

  it('names a file that parses but does not fit the schema too', async () => {
    const dir = await userData(JSON.stringify({ settings: { defaultDpi: 'high' } }));
    const app = await createTestApp({ userDataDir: dir });
    // Any first read finds the damage; the notice still comes when Home asks.
    expect((await app.call('settings:get', {})).defaultDpi).toBe(200);
    const { settingsReset } = await app.call('app:notices', {});
    expect(settingsReset?.detail).toContain('defaultDpi');
    expect((await readdir(dir)).filter((f) => f.endsWith('.bak'))).toHaveLength(1);
  });

  it('says nothing for a healthy file or none at all', async () => {
    const fresh = await createTestApp({ userDataDir: await userData() });
    expect(await fresh.call('app:notices', {})).toEqual({ settingsReset: null });
    const healthy = await createTestApp({
      userDataDir: await userData(JSON.stringify({ settings: { locale: 'en' } })),
    });
    expect(await healthy.call('app:notices', {})).toEqual({ settingsReset: null });
    expect((await healthy.call('settings:get', {})).locale).toBe('en');
  });
});
