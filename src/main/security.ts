/**
 * The Electron security checklist, applied in one place (https://www.electronjs.org/docs/latest/tutorial/security):
 * no remote content, no navigation, no new windows, every permission denied, IPC only from our page.
 */
import type { Session, WebContents, IpcMainInvokeEvent, WebPreferences } from 'electron';

/**
 * The web preferences of every window the app opens (the main window, the hidden print window), each
 * of which adds only what it needs (a preload, a session, the PDF viewer). Written out in full, the
 * defaults included, so a changed Electron default cannot weaken a window; tests/unit/main.test.ts
 * reads them off the window main creates, and scripts/electronegativity.mjs checks them here.
 */
export const HARDENED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  // Middle-click would open links in new windows.
  disableBlinkFeatures: 'Auxclick',
  navigateOnDragDrop: false,
  spellcheck: false,
} as const satisfies WebPreferences;

/** Content Security Policy sent with every response of the app's own page. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Whether a URL belongs to the app's own page (the built renderer, or the dev server in development). */
export function isAppUrl(url: string, appRoot: string, devServerUrl?: string): boolean {
  if (devServerUrl && url.startsWith(devServerUrl)) return true;
  if (url.startsWith('devtools://')) return true;
  if (!url.startsWith('file://')) return false;
  try {
    const path = decodeURIComponent(new URL(url).pathname);
    const root = appRoot
      .replace(/\\/g, '/')
      .replace(/^([A-Za-z]:)/, '/$1')
      .replace(/\/+$/, '');
    // The folder itself or something inside it — not a sibling whose name merely starts the same.
    return path === root || path.startsWith(`${root}/`);
  } catch {
    return false;
  }
}

/** Deny every permission request and block every request that is not for the app's own files. */
export function hardenSession(session: Session, appRoot: string, devServerUrl?: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAppUrl(details.url, appRoot, devServerUrl) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}

/** No navigation away from the page, no new windows, no webviews. */
export function hardenContents(contents: WebContents, appRoot: string, devServerUrl?: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appRoot, devServerUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appRoot, devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** IPC is answered only for the main frame of the app's own page. */
export function isTrustedSender(event: IpcMainInvokeEvent, appRoot: string, devServerUrl?: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent) return false;
  return isAppUrl(frame.url, appRoot, devServerUrl);
}
