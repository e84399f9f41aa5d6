/**
 * The Electron shell never runs on the build machines (no Electron binary), so `electron` is replaced
 * by a recording stand-in: window options, handler registration, menus and the security hooks still run.
 */
import { describe, it, expect, vi, beforeEach } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ElectronRecord } from '../support/electron-stand-in';

// Hoisted above the imports, so it cannot call newElectronRecord(); the same empty record, inline.
const recorded: ElectronRecord = vi.hoisted(() => ({
  windows: [],
  ipc: new Map(),
  menu: undefined,
  appHandlers: new Map(),
  userData: '',
  singleInstance: true,
}));

vi.mock('electron', async () => {
  const { createElectronStandIn } = await import('../support/electron-stand-in');
  return createElectronStandIn(recorded);
});

async function startMain() {
  recorded.userData = await mkdtemp(join(tmpdir(), 'matprep-main-'));
  await import('../../src/main/index');
  // start() runs after whenReady(); let its awaits settle.
  // Poll generously (returns as soon as the window has loaded): shared CI machines can be slow.
  for (let i = 0; i < 500 && !recorded.windows[0]?.loaded; i++) await new Promise((r) => setTimeout(r, 20));
}

describe('Electron main (with a stand-in electron module)', () => {
  beforeEach(() => {
    vi.resetModules();
  });

  it('opens one hardened window loading the built renderer', async () => {
    await startMain();
    expect(recorded.windows).toHaveLength(1);
    const prefs = recorded.windows[0].options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(recorded.windows[0].loaded).toMatch(/renderer[\\/]index\.html$/);
  });

  it('registers a handler for every contract channel and refuses untrusted senders', async () => {
    const { CHANNELS } = await import('../../src/shared/ipc');
    expect([...recorded.ipc.keys()].sort()).toEqual(CHANNELS.map((c) => `matprep:${c}`).sort());
    const handler = recorded.ipc.get('matprep:settings:get')!;
    const evil = await handler({ senderFrame: { url: 'https://evil.example/', parent: null } }, {});
    expect(evil).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const loaded = recorded.windows[0].loaded!;
    const own = await handler({ senderFrame: { url: 'file://' + loaded, parent: null } }, {});
    expect(own).toMatchObject({ ok: true, value: { locale: 'zh-CN' } });
    const sub = await handler({ senderFrame: { url: 'file://' + loaded, parent: {} } }, {});
    expect(sub).toMatchObject({ ok: false });
  });

  it('denies permissions, blocks remote requests, navigation and new windows, and sets a CSP', async () => {
    const deny = vi.fn();
    recorded.permissionHandler!({}, 'media', deny);
    expect(deny).toHaveBeenCalledWith(false);
    expect(recorded.permissionCheck!()).toBe(false);

    const decide = (url: string) => {
      let cancel: boolean | undefined;
      recorded.beforeRequest!({ url }, (r: { cancel: boolean }) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('https://fonts.googleapis.com/css')).toBe(true);
    expect(decide('http://127.0.0.1:8080/')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    expect(decide('file://' + recorded.windows[0].loaded)).toBe(false);
    const rendererRoot = dirname(recorded.windows[0].loaded!);
    expect(decide('file://' + rendererRoot + '-evil/index.html')).toBe(true);
    expect(decide('file://' + rendererRoot + '/../secrets.txt')).toBe(true);

    let headers: Record<string, string[]> = {};
    recorded.headers!(
      { responseHeaders: {} },
      (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders),
    );
    expect(headers['Content-Security-Policy'][0]).toContain("default-src 'self'");
    expect(headers['Content-Security-Policy'][0]).toContain("object-src 'none'");

    const navigate = recorded.windows[0].contentsHandlers.get('will-navigate')!;
    const event = { preventDefault: vi.fn() };
    navigate(event, 'https://example.com/');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(recorded.windows[0].openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const webview = { preventDefault: vi.fn() };
    recorded.windows[0].contentsHandlers.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('sets an application menu with the usual edit roles, labelled in Chinese', async () => {
    const menu = recorded.menu as Array<{ label?: string; submenu?: Array<{ role?: string; label?: string }> }>;
    const edit = menu.find((m) => m.label === '编辑');
    expect(edit?.submenu?.map((i) => i.role).filter(Boolean)).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
    );
    expect(recorded.appHandlers.has('second-instance')).toBe(true);
    expect(recorded.appHandlers.has('web-contents-created')).toBe(true);
  });

  it('has File and Help menus whose commands, with their shortcuts, are carried out by the page', async () => {
    type Item = { label?: string; role?: string; accelerator?: string; click?: () => void };
    const menu = recorded.menu as Array<{ label?: string; role?: string; submenu?: Item[] }>;
    const file = menu.find((m) => m.label === '文件')!.submenu!;
    const item = (label: string) => file.find((i) => i.label === label)!;
    expect(['新建项目', '打开项目…', '装订', '打印'].map((l) => item(l).accelerator)).toEqual([
      'CmdOrCtrl+N',
      'CmdOrCtrl+O',
      'CmdOrCtrl+B',
      'CmdOrCtrl+P',
    ]);
    const scripts = (recorded.windows[0].scripts ??= []);
    const before = scripts.length;
    item('装订').click!();
    item('新建项目').click!();
    expect(scripts.slice(before)).toEqual(['window.matprepCommand?.("bind")', 'window.matprepCommand?.("new")']);
    const help = menu.find((m) => m.role === 'help')!;
    expect(help.label).toBe('帮助');
    expect(help.submenu!.map((i) => i.label)).toEqual(['键盘快捷键', '关于材料准备助手']);
  });
});

describe('Electron main: language switch and quitting', () => {
  beforeEach(() => {
    vi.resetModules();
    recorded.windows.length = 0;
  });

  it('relabels the menu and the window title when the language is switched', async () => {
    await startMain();
    const loaded = recorded.windows[0].loaded!;
    const sender = { senderFrame: { url: 'file://' + loaded, parent: null } };
    const labels = () => (recorded.menu as Array<{ label?: string }>).map((m) => m.label);
    expect(labels()).toContain('编辑');
    const reply = await recorded.ipc.get('matprep:settings:set')!(sender, { locale: 'en' });
    expect(reply).toMatchObject({ ok: true, value: { locale: 'en' } });
    expect(labels()).toContain('Edit');
    expect(recorded.windows[0].title).toBe('matprep');
    // Error replies follow the switch at once (main and the handlers share one settings store).
    const missing = join(recorded.userData, 'no-such-project');
    const error = await recorded.ipc.get('matprep:project:open')!(sender, { dir: missing });
    expect(error).toMatchObject({ ok: false });
    expect((error as { error: { message: string } }).error.message).toMatch(/^[\x20-\x7e“”‘’…]+$/);
  });

  it('writes the window size synchronously when the window closes', async () => {
    await startMain();
    recorded.windows[0].windowHandlers!.get('close')!({ preventDefault: vi.fn() });
    // No await between the close event and the read: an async write would not be there yet.
    const state = JSON.parse(readFileSync(join(recorded.userData, 'window-state.json'), 'utf8'));
    expect(state).toEqual({ x: 10, y: 20, width: 1111, height: 777, maximized: false });
  });

  it('lets the page save what was typed, and those saves finish, before the window closes', async () => {
    await startMain();
    const win = recorded.windows[0];
    const sender = { senderFrame: { url: 'file://' + win.loaded, parent: null } };
    const log: string[] = [];
    const closed = new Promise<void>((resolve) => (win.onClosed = resolve));
    // The page's flush sends a save (here: the language) and answers without waiting for it.
    win.page = async (code) => {
      log.push(`page: ${code}`);
      void recorded.ipc.get('matprep:settings:set')!(sender, { locale: 'en' }).then(() => log.push('saved'));
    };
    win.close!();
    expect(win.closed).toBeFalsy();
    // A second click on the close button while the page saves does not ask it again.
    win.close!();
    await closed;
    log.push('closed');
    expect(log).toEqual(['page: window.matprepFlush?.()', 'saved', 'closed']);
    expect(win.scripts).toEqual(['window.matprepFlush?.()']);
    const settings = await recorded.ipc.get('matprep:settings:get')!(sender, {});
    expect(settings).toMatchObject({ ok: true, value: { locale: 'en' } });
  });

  it('still closes when the page cannot run the flush', async () => {
    await startMain();
    const win = recorded.windows[0];
    const closed = new Promise<void>((resolve) => (win.onClosed = resolve));
    win.page = () => Promise.reject(new Error('render process gone'));
    win.close!();
    await closed;
    expect(win.closed).toBe(true);
  });
});

describe('pending handler calls', () => {
  it('are settled once every call, including one started while waiting, has finished', async () => {
    const { createPendingCalls } = await import('../../src/main/ipc');
    const pending = createPendingCalls();
    const finish: Array<() => void> = [];
    const call = () => pending.track(new Promise<void>((resolve) => finish.push(resolve)));
    void call();
    let idle: boolean | undefined;
    const settled = pending.settled(60_000).then((result) => (idle = result));
    void call();
    finish[0]();
    await Promise.resolve();
    await Promise.resolve();
    expect(idle).toBeUndefined();
    finish[1]();
    await settled;
    expect(idle).toBe(true);
  });
});

describe('menu template', () => {
  it('is complete in English too', async () => {
    const { menuTemplate } = await import('../../src/main/menu');
    const labels = JSON.stringify(menuTemplate('en', true));
    expect(labels).toContain('"Edit"');
    expect(labels).toContain('appMenu');
    expect(labels).not.toMatch(/menu\.\w+/);
  });
});
