/** The desktop Platform: native dialogs and the shell, for the handler table. */
import { BrowserWindow, Menu, dialog, session, shell } from 'electron';
import { pathToFileURL } from 'node:url';
import { t, type Locale, type MessageKey } from '../i18n';
import type { Platform } from './handlers/types';
import { menuTemplate, type MenuCommand } from './menu';
import { HARDENED_WEB_PREFERENCES } from './security';

const FOLDER_DIALOG_TITLES = {
  create: 'dialog.createProject',
  open: 'dialog.openProject',
  rules: 'dialog.chooseRules',
  projects: 'dialog.projectsDir',
} as const satisfies Record<string, MessageKey>;

export function electronPlatform(window: () => BrowserWindow | undefined, locale: () => Promise<Locale>): Platform {
  return {
    localeChanged(l) {
      // A menu command is carried out by the page, as its own shortcut would be (window.matprepCommand).
      const send = (command: MenuCommand) =>
        void window()
          ?.webContents.executeJavaScript(`window.matprepCommand?.(${JSON.stringify(command)})`)
          .catch(() => undefined);
      Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(l, process.platform === 'darwin', send)));
      window()?.setTitle(t(l, 'app.name'));
    },
    async chooseFolder(purpose) {
      const l = await locale();
      const options = {
        title: t(l, FOLDER_DIALOG_TITLES[purpose]),
        properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'>,
      };
      const win = window();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
    },
    async chooseSaveFile({ defaultPath, format }) {
      const l = await locale();
      const options = {
        title: t(l, 'templates.dialogTitle'),
        defaultPath,
        filters: [format === 'pdf' ? { name: 'PDF', extensions: ['pdf'] } : { name: 'Word', extensions: ['docx'] }],
      };
      const win = window();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async openPath(path) {
      const error = await shell.openPath(path);
      if (error) throw new Error(error);
    },
    async showInFolder(path) {
      shell.showItemInFolder(path);
    },
    async openExternal(url) {
      await shell.openExternal(url);
    },
    async printPdf(path) {
      try {
        await printInHiddenWindow(path);
      } catch {
        // Chromium's PDF viewer is a plugin whose frame webContents.print() does not always reach
        // (it prints a blank page or fails on some platforms): then the user prints from their PDF
        // viewer, which the OS opens.
        const error = await shell.openPath(path);
        if (error) throw new Error(error);
      }
    },
  };
}

/** An in-memory session of its own: the app's session refuses every file outside the app. */
const PRINT_PARTITION = 'matprep-print';

/** The print session loads this one file (and the built-in PDF viewer's pages), nothing else, and grants nothing. */
function printSession(fileUrl: string): Electron.Session {
  const printing = session.fromPartition(PRINT_PARTITION);
  printing.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  printing.setPermissionCheckHandler(() => false);
  printing.webRequest.onBeforeRequest((details, callback) => {
    const viewer = details.url.startsWith('chrome-extension://') || details.url.startsWith('chrome://');
    callback({ cancel: !(details.url === fileUrl || viewer) });
  });
  return printing;
}

/**
 * Load the PDF into a hidden window (the main window's hardened preferences plus the PDF viewer
 * plugin, in a session that allows only this file) and show the system print dialog for it.
 */
async function printInHiddenWindow(path: string): Promise<void> {
  const fileUrl = pathToFileURL(path).href;
  const win = new BrowserWindow({
    show: false,
    // The PDF viewer is a plugin: on here only, in a session that loads nothing but this file.
    webPreferences: { ...HARDENED_WEB_PREFERENCES, session: printSession(fileUrl), plugins: true },
  });
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  try {
    await win.loadURL(fileUrl);
    await new Promise<void>((resolve, reject) => {
      win.webContents.print({}, (success, reason) => {
        // A cancelled dialog is the user's choice, not a failure to fall back from.
        if (success || reason === 'cancelled') resolve();
        else reject(new Error(reason));
      });
    });
  } finally {
    win.destroy();
  }
}
