import { describe, it, expect, vi } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contract, CHANNELS } from '../../src/shared/ipc';
import { CHANNEL_NAMES, buildApi } from '../../src/shared/channels';
import { createHandlers } from '../../src/main/handlers';
import { dispatch } from '../../src/main/dispatch';
import { builtInRulesDir } from '../../src/core/rules/loader';
import { testPlatform } from '../support/platform';

const platform = testPlatform();

describe('the IPC contract', () => {
  it('lists the same channels as the preload and the handler table', async () => {
    const handlers = createHandlers({
      userDataDir: await mkdtemp(join(tmpdir(), 'matprep-ud-')),
      rulesDirs: { builtIn: builtInRulesDir() },
      platform,
    });
    const api = buildApi<Record<string, unknown>>(async () => undefined);
    expect([...CHANNEL_NAMES].sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) expect(typeof handlers[channel]).toBe('function');
  });

  it('rejects unknown channels and malformed requests before any handler runs', async () => {
    const spy = vi.fn(async () => 'never');
    const handlers = { 'project:open': spy } as never;
    expect(await dispatch(handlers, 'fs:readAnything', {}, () => 'en')).toMatchObject({ ok: false });
    const bad = await dispatch(handlers, 'project:open', { dir: 42 }, () => 'zh-CN');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toContain('dir');
    const extra = await dispatch(handlers, 'project:open', { dir: '/x', evil: true }, () => 'en');
    expect(extra.ok).toBe(false);
    expect(spy).not.toHaveBeenCalled();
  });

  it('turns user errors into one message in the user language', async () => {
    const handlers = createHandlers({
      userDataDir: await mkdtemp(join(tmpdir(), 'matprep-ud-')),
      rulesDirs: { builtIn: builtInRulesDir() },
      platform,
    });
    const empty = await mkdtemp(join(tmpdir(), 'matprep-empty-'));
    const zh = await dispatch(handlers, 'project:open', { dir: empty }, () => 'zh-CN');
    expect(zh).toEqual({
      ok: false,
      error: { code: 'project.notFound', message: expect.stringContaining('matprep.json') },
    });
    if (!zh.ok) expect(zh.error.message).toContain(empty);
    const en = await dispatch(handlers, 'project:open', { dir: empty }, () => 'en');
    if (!en.ok) expect(en.error.message).toMatch(/There is no project/);
  });

  it('has a request and a reply schema for every channel', () => {
    for (const channel of CHANNELS) {
      expect(contract[channel].request.safeParse).toBeTypeOf('function');
      expect(contract[channel].reply.safeParse).toBeTypeOf('function');
    }
  });
});
