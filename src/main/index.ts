/**
 * The Electron shell. Deliberately thin: it creates the hardened window, registers the handler table
 * (src/main/handlers) over IPC, and wires menus and dialogs. Everything else lives in src/core.
 */
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { join, dirname } from 'node:path';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createHandlers } from './handlers';
import { createFolderGrants } from './handlers/grants';
import { createPendingCalls, registerIpc, type PendingCalls } from './ipc';
import { hardenContents, hardenSession, isTrustedSender } from './security';
import { createMainWindow, WindowStateSchema, DEFAULT_WINDOW_STATE, type WindowState } from './window';
import { electronPlatform } from './platform';
import { createAppStore } from '../core/settings/store';
import { builtInRulesDir } from '../core/rules/loader';
import { writeFileAtomicSync } from '../core/fs/atomic';
import { t } from '../i18n';

const here = dirname(fileURLToPath(import.meta.url));
const rendererRoot = join(here, '../renderer');
const devServerUrl = process.env.ELECTRON_RENDERER_URL;

let mainWindow: BrowserWindow | undefined;

async function readWindowState(file: string): Promise<WindowState> {
  try {
    return WindowStateSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

async function start(): Promise<void> {
  const userDataDir = app.getPath('userData');
  const store = createAppStore(userDataDir);
  const locale = async () => (await store.read()).settings.locale;
  const platform = electronPlatform(() => mainWindow, locale);
  const handlers = createHandlers({
    userDataDir,
    documentsDir: app.getPath('documents'),
    rulesDirs: { builtIn: builtInRulesDir(), user: join(userDataDir, 'rules') },
    platform,
    version: app.getVersion(),
    store,
    grants: createFolderGrants(async () => (await store.read()).recent.map((r) => r.dir)),
    prepareInBackground: true,
  });
  hardenSession(session.defaultSession, rendererRoot, devServerUrl);
  const pending = createPendingCalls();
  registerIpc(ipcMain, handlers, (event) => isTrustedSender(event, rendererRoot, devServerUrl), locale, pending);
  platform.localeChanged?.(await locale());

  const stateFile = join(userDataDir, 'window-state.json');
  const state = await readWindowState(stateFile);
  mainWindow = createMainWindow(join(here, '../preload/index.cjs'), state, t(await locale(), 'app.name'));
  if (state.maximized) mainWindow.maximize();
  hardenContents(mainWindow.webContents, rendererRoot, devServerUrl);
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  let flushed = false;
  let flushing = false;
  mainWindow.on('close', (event) => {
    const win = mainWindow;
    if (!win) return;
    const bounds = win.getNormalBounds();
    // Synchronous: the app quits right after its last window closes, which could cut off an async write.
    try {
      writeFileAtomicSync(stateFile, JSON.stringify({ ...bounds, maximized: win.isMaximized() }));
    } catch {
      // A window size is not worth an error dialog on quit; the next start uses the default.
    }
    if (flushed) return;
    // Once: hold the close until the page has saved what was typed and those saves have finished.
    event.preventDefault();
    if (flushing) return;
    flushing = true;
    void flushRenderer(win.webContents, pending).then(() => {
      flushed = true;
      if (!win.isDestroyed()) win.close();
    });
  });
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
  if (devServerUrl) await mainWindow.loadURL(devServerUrl);
  else await mainWindow.loadFile(join(rendererRoot, 'index.html'));
}

/** How long a close waits for the page's flush, then for running handler calls (a hung page must not block quitting). */
const FLUSH_TIMEOUT_MS = 2000;
const SETTLE_TIMEOUT_MS = 5000;

/**
 * Ask the page to save what is still being typed (`window.matprepFlush`, see renderer/src/flush.ts)
 * and wait for it and for every handler call still running. Never rejects.
 */
async function flushRenderer(contents: BrowserWindow['webContents'], pending: PendingCalls): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, FLUSH_TIMEOUT_MS)));
  const flush = contents.executeJavaScript('window.matprepFlush?.()').catch(() => undefined);
  await Promise.race([flush, timeout]);
  clearTimeout(timer);
  await pending.settled(SETTLE_TIMEOUT_MS);
}

// One instance: a second launch focuses the first window instead of opening the same projects twice.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, rendererRoot, devServerUrl));
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start, (error: unknown) => {
    console.error(error);
    app.quit();
  });
}
