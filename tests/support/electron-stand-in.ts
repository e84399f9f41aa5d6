/* eslint-disable @typescript-eslint/no-unsafe-function-type -- the stand-in records whatever callbacks main hands to Electron. */
/**
 * A recording stand-in for the `electron` module. The Electron binary never exists on the build
 * machines, so main runs against this instead: from source in `main.test.ts` (through `vi.mock`) and,
 * built, in `built-app.test.ts` (through a Node resolve hook). Window options, handler registration,
 * menus and the security hooks are recorded for the tests to inspect.
 */

export interface ElectronRecord {
  windows: Array<{
    options: Record<string, unknown>;
    loaded?: string;
    contentsHandlers: Map<string, Function>;
    openHandler?: Function;
    /** Window events main listens to ('close', 'closed'), to be fired by a test. */
    windowHandlers?: Map<string, Function>;
    title?: string;
    /** Scripts main ran in the page (webContents.executeJavaScript), in order. */
    scripts?: string[];
    /** What the page answers to a script; a test sets it to play the renderer. Default: undefined. */
    page?: (code: string) => Promise<unknown>;
    /** Close the window as its close button does: 'close' (which may be prevented), then 'closed'. */
    close?: () => void;
    closed?: boolean;
    /** Called when the window has really closed. */
    onClosed?: () => void;
  }>;
  ipc: Map<string, Function>;
  menu: unknown;
  permissionHandler?: Function;
  permissionCheck?: Function;
  beforeRequest?: Function;
  headers?: Function;
  appHandlers: Map<string, Function>;
  userData: string;
  singleInstance: boolean;
  /** Folders the next native folder dialogs return, in order (none left: the user cancels). */
  dialogAnswers?: string[];
  /** What main asked the shell to do: ['open' | 'show', path] or ['external', url]. */
  shellCalls?: Array<[string, string]>;
}

export function newElectronRecord(): ElectronRecord {
  return { windows: [], ipc: new Map(), menu: undefined, appHandlers: new Map(), userData: '', singleInstance: true };
}

const noop = () => {};

export function createElectronStandIn(recorded: ElectronRecord) {
  class FakeContents {
    handlers = new Map<string, Function>();
    openHandler?: Function;
    record?: ElectronRecord['windows'][number];
    async executeJavaScript(code: string) {
      this.record?.scripts?.push(code);
      return this.record?.page?.(code);
    }
    on(name: string, fn: Function) {
      this.handlers.set(name, fn);
      return this;
    }
    setWindowOpenHandler(fn: Function) {
      this.openHandler = fn;
    }
  }
  class BrowserWindow {
    webContents = new FakeContents();
    record: ElectronRecord['windows'][number];
    constructor(options: Record<string, unknown>) {
      this.record = {
        options,
        contentsHandlers: this.webContents.handlers,
        windowHandlers: new Map(),
        scripts: [],
        close: () => this.close(),
      };
      this.webContents.record = this.record;
      recorded.windows.push(this.record);
    }
    close() {
      if (this.record.closed) return;
      let prevented = false;
      this.record.windowHandlers?.get('close')?.({ preventDefault: () => (prevented = true) });
      if (prevented) return;
      this.record.closed = true;
      this.record.windowHandlers?.get('closed')?.();
      this.record.onClosed?.();
    }
    isDestroyed() {
      return this.record.closed === true;
    }
    once() {}
    on(name: string, fn: Function) {
      this.record.windowHandlers?.set(name, fn);
      return this;
    }
    maximize() {}
    setTitle(title: string) {
      this.record.title = title;
    }
    getNormalBounds() {
      return { x: 10, y: 20, width: 1111, height: 777 };
    }
    isMaximized() {
      return false;
    }
    async loadFile(file: string) {
      this.record.loaded = file;
      this.record.openHandler = this.webContents.openHandler;
    }
    async loadURL(url: string) {
      this.record.loaded = url;
    }
  }
  const app = {
    getPath: () => recorded.userData,
    getVersion: () => '9.9.9',
    requestSingleInstanceLock: () => recorded.singleInstance,
    quit: noop,
    on: (name: string, fn: Function) => recorded.appHandlers.set(name, fn),
    whenReady: () => Promise.resolve(),
  };
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (fn: Function) => (recorded.permissionHandler = fn),
      setPermissionCheckHandler: (fn: Function) => (recorded.permissionCheck = fn),
      webRequest: {
        onBeforeRequest: (fn: Function) => (recorded.beforeRequest = fn),
        onHeadersReceived: (fn: Function) => (recorded.headers = fn),
      },
    },
  };
  const electron = {
    app,
    BrowserWindow,
    ipcMain: { handle: (name: string, fn: Function) => recorded.ipc.set(name, fn) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => (recorded.menu = m) },
    session,
    dialog: {
      showOpenDialog: async () => {
        const next = recorded.dialogAnswers?.shift();
        return next ? { canceled: false, filePaths: [next] } : { canceled: true, filePaths: [] };
      },
    },
    shell: {
      openPath: async (path: string) => {
        recorded.shellCalls?.push(['open', path]);
        return '';
      },
      showItemInFolder: (path: string) => recorded.shellCalls?.push(['show', path]),
      openExternal: async (url: string) => void recorded.shellCalls?.push(['external', url]),
    },
    contextBridge: { exposeInMainWorld: noop },
    ipcRenderer: { invoke: async () => undefined },
  };
  return { ...electron, default: electron };
}
