/**
 * Platform.printPdf with a stand-in electron module (no Electron binary here): a hidden, hardened
 * window with the PDF plugin loads the file and prints it; when printing fails the PDF is handed to
 * the OS viewer instead; a cancelled print dialog is not a failure.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({
  windows: [] as Array<{ options: Record<string, unknown>; loaded?: string; destroyed: boolean }>,
  printResult: { success: true, reason: '' },
  opened: [] as string[],
  filter: undefined as undefined | ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
  permission: undefined as undefined | ((c: unknown, p: string, cb: (ok: boolean) => void) => void),
}));

vi.mock('electron', () => {
  class BrowserWindow {
    record: (typeof state.windows)[number];
    webContents = {
      on: () => undefined,
      setWindowOpenHandler: () => undefined,
      print: (_options: unknown, callback: (success: boolean, reason: string) => void) =>
        callback(state.printResult.success, state.printResult.reason),
    };
    constructor(options: Record<string, unknown>) {
      this.record = { options, destroyed: false };
      state.windows.push(this.record);
    }
    async loadURL(url: string) {
      this.record.loaded = url;
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  const shell = {
    openPath: async (path: string) => {
      state.opened.push(path);
      return '';
    },
    showItemInFolder: () => undefined,
  };
  const session = {
    fromPartition: (name: string) => ({
      name,
      setPermissionRequestHandler: (fn: typeof state.permission) => (state.permission = fn),
      setPermissionCheckHandler: () => undefined,
      webRequest: { onBeforeRequest: (fn: typeof state.filter) => (state.filter = fn) },
    }),
  };
  const electron = { BrowserWindow, shell, session, dialog: {} };
  return { ...electron, default: electron };
});

const { electronPlatform } = await import('../../src/main/platform');
const platform = electronPlatform(
  () => undefined,
  async () => 'zh-CN',
);

describe('Platform.printPdf (Electron)', () => {
  beforeEach(() => {
    state.windows.length = 0;
    state.opened.length = 0;
  });

  it('prints from a hidden hardened window with the PDF plugin, then closes it', async () => {
    state.printResult = { success: true, reason: '' };
    await platform.printPdf('/tmp/out/packet.pdf');
    expect(state.windows).toHaveLength(1);
    const [win] = state.windows;
    expect(win.loaded).toBe('file:///tmp/out/packet.pdf');
    expect(win.destroyed).toBe(true);
    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      plugins: true,
    });
    expect((win.options.webPreferences as { session: { name: string } }).session.name).toBe('matprep-print');
    // The print session loads that one file (and the PDF viewer), nothing else, and grants nothing.
    const cancelled = (url: string) => {
      let result: boolean | undefined;
      state.filter!({ url }, (r) => (result = r.cancel));
      return result;
    };
    expect(cancelled('file:///tmp/out/packet.pdf')).toBe(false);
    expect(cancelled('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html')).toBe(false);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    expect(cancelled('https://example.com/')).toBe(true);
    let granted: boolean | undefined;
    state.permission!(null, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
    expect(state.opened).toEqual([]);
  });

  it('a cancelled print dialog is the user’s choice: no fallback', async () => {
    state.printResult = { success: false, reason: 'cancelled' };
    await platform.printPdf('/tmp/out/packet.pdf');
    expect(state.opened).toEqual([]);
  });

  it('falls back to the OS viewer when printing fails', async () => {
    state.printResult = { success: false, reason: 'failed' };
    await platform.printPdf('/tmp/out/packet.pdf');
    expect(state.windows[0].destroyed).toBe(true);
    expect(state.opened).toEqual(['/tmp/out/packet.pdf']);
  });
});
