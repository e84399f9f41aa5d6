/**
 * E2E harness: the built renderer (out/renderer) in Debian's Chromium, served from a fake origin
 * with no server, talking to the REAL handler table through `page.exposeBinding`. Only Electron's
 * transport is swapped. Any request that is not to the app origin is aborted and recorded, so a
 * test can assert that nothing left the app.
 */
import { mkdtemp, readFile, rm, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve, normalize, sep } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { CHANNELS } from '../../src/shared/ipc';
import { t } from '../../src/i18n';
import { createHandlers, type Platform } from '../../src/main/handlers/index';
import { dispatch } from '../../src/main/dispatch';
import { APP_STATE_FILE } from '../../src/core/settings/store';
import { bridgeScript, decodeWire, encodeWire } from './wire';

export const ORIGIN = 'http://matprep.test';
export const REPO = resolve(import.meta.dirname, '../..');
const RENDERER_DIR = join(REPO, 'out/renderer');
/**
 * Screenshots go to tests/.output/screenshots on every run (for looking at what a run saw), and into
 * docs/screenshots — the README's pictures — only when MATPREP_SCREENSHOTS=1 (`npm run screenshots`).
 */
export const SCREENSHOTS =
  process.env.MATPREP_SCREENSHOTS === '1' ? join(REPO, 'docs/screenshots') : join(REPO, 'tests/.output/screenshots');
/**
 * axe-core is served from the app origin: the page's CSP (script-src 'self') rightly blocks the
 * inline script that `addScriptTag({ path })` would insert, and the CSP is part of what we test.
 */
const AXE_PATH = '/__e2e__/axe.min.js';
const AXE_FILE = join(REPO, 'node_modules/axe-core/axe.min.js');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
};

/** The desktop shell's dialogs and shell calls, scripted by the test. */
export interface TestPlatform extends Platform {
  /** What the next chooseFolder returns. */
  nextFolder: string | null;
  /** What the next save dialog returns; unset: the path it offers (the project's out/ folder). */
  nextSaveFile?: string | null;
  opened: string[];
  shown: string[];
  printed: string[];
  /** Pages opened in the browser (依据 links). */
  external: string[];
}

export interface App {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  platform: TestPlatform;
  /** A temp folder removed on close; put projects under it. */
  tempDir: string;
  /** Every URL the page requested (routed or not). */
  requests: string[];
  /** Requests to anything but the app origin, which were aborted. */
  blocked: string[];
  /** Page errors and console errors, for assertions and debugging. */
  errors: string[];
  /** Every bridge call in order; `value` is kept for job replies (bind:*, export:*) only (others can be large). */
  calls: Array<{ channel: string; ok: boolean; value?: unknown }>;
  /** 1280×800 into docs/screenshots: the top of the page, or from `top` (scrolled to the top edge) down. */
  screenshot(name: string, top?: Locator): Promise<string>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Fixed "today" for the checks, YYYY-MM-DD. */
  today?: string;
  /** The app file (matprep-app.json) as found at start, e.g. damaged; none by default. */
  appFile?: string;
}

export async function launchApp(options: LaunchOptions = {}): Promise<App> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('out/renderer is missing: run `npm run build:renderer` first (npm test does).');
  }
  const tempDir = await mkdtemp(join(tmpdir(), 'matprep-e2e-'));
  const userDataDir = join(tempDir, 'user-data');
  await mkdir(userDataDir, { recursive: true });
  if (options.appFile !== undefined) await writeFile(join(userDataDir, APP_STATE_FILE), options.appFile);

  const platform: TestPlatform = {
    nextFolder: null,
    opened: [],
    shown: [],
    printed: [],
    external: [],
    async chooseFolder() {
      return platform.nextFolder;
    },
    async openPath(path) {
      platform.opened.push(path);
    },
    async showInFolder(path) {
      platform.shown.push(path);
    },
    async openExternal(url) {
      platform.external.push(url);
    },
    async printPdf(path) {
      platform.printed.push(path);
    },
    async chooseSaveFile({ defaultPath }) {
      return platform.nextSaveFile === undefined ? defaultPath : platform.nextSaveFile;
    },
  };
  const handlers = createHandlers({
    userDataDir,
    // New projects go to Documents/matprep: here, the temp folder's.
    documentsDir: join(tempDir, 'Documents'),
    rulesDirs: { builtIn: join(REPO, 'rules') },
    platform,
    today: options.today ? () => options.today! : undefined,
    version: 'e2e',
  });
  const getLocale = async () => (await handlers['settings:get']({})).locale;

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const requests: string[] = [];
  const blocked: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));

  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (!url.startsWith(`${ORIGIN}/`)) {
      blocked.push(url);
      return route.abort('blockedbyclient');
    }
    const pathname = new URL(url).pathname;
    if (pathname === AXE_PATH) {
      return route.fulfill({ status: 200, contentType: CONTENT_TYPES['.js'], body: await readFile(AXE_FILE) });
    }
    const file = rendererFile(pathname);
    if (!file || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({
      status: 200,
      contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      body: await readFile(file),
    });
  });
  await context.addInitScript({ content: bridgeScript(CHANNELS) });

  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  const calls: App['calls'] = [];
  const inFlight = new Set<Promise<unknown>>();
  await page.exposeBinding('__matprepInvoke', async (_source, channel: string, request: unknown) => {
    const call = dispatch(handlers, channel, decodeWire(request), getLocale);
    inFlight.add(call);
    call.finally(() => inFlight.delete(call)).catch(() => undefined);
    const result = await call;
    calls.push({
      channel,
      ok: result.ok,
      value: /^(bind|export):/.test(channel) && result.ok ? result.value : undefined,
    });
    return encodeWire(result);
  });
  await page.goto(`${ORIGIN}/index.html`);

  return {
    browser,
    context,
    page,
    platform,
    tempDir,
    requests,
    blocked,
    errors,
    calls,
    async screenshot(name, top) {
      await mkdir(SCREENSHOTS, { recursive: true });
      const path = join(SCREENSHOTS, `${name}.png`);
      // A picture of a screen still saying “loading…” shows nothing a reader can use: wait it out.
      const loading = [t('zh-CN', 'ui.loading'), t('en', 'ui.loading')];
      for (const text of loading) await page.getByText(text, { exact: true }).first().waitFor({ state: 'detached' });
      // Start of the page, as a user arriving on the screen sees it; no blinking caret.
      await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
      if (top)
        await top.evaluate((el) =>
          (el as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'start' }),
        );
      await page.screenshot({ path, caret: 'hide', animations: 'disabled' });
      return path;
    },
    async close() {
      if (process.env.MATPREP_E2E_KEEP) {
        await page.screenshot({ path: join(tempDir, 'last.png') }).catch(() => undefined);
        await writeFile(join(tempDir, 'errors.txt'), errors.join('\n'));
        await writeFile(join(tempDir, 'calls.txt'), calls.map((c) => `${c.channel} ${c.ok}`).join('\n'));
      }
      await browser.close();
      // A request the page made last (a read or scan job, seconds long) may still be writing into a
      // project: removing the folder under it fails with ENOTEMPTY. Let those end first.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...inFlight]),
        new Promise((resolve) => (timer = setTimeout(resolve, 60_000))),
      ]);
      clearTimeout(timer);
      // MATPREP_E2E_KEEP=1 keeps the projects and packets for a look afterwards.
      if (process.env.MATPREP_E2E_KEEP) console.log(`e2e files kept in ${tempDir}`);
      else await rm(tempDir, { recursive: true, force: true });
    },
  };
}

/** Map a URL path to a file inside out/renderer; anything escaping it is refused. */
function rendererFile(pathname: string): string | null {
  const relative = decodeURIComponent(pathname).replace(/^\/+/, '') || 'index.html';
  const file = normalize(join(RENDERER_DIR, relative));
  return file.startsWith(RENDERER_DIR + sep) ? file : null;
}

/** Run axe-core in the page; returns the serious and critical violations (id: target list). */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ url: `${ORIGIN}${AXE_PATH}` });
  const violations = await page.evaluate(async () => {
    type AxeResult = { violations: Array<{ id: string; impact?: string; nodes: Array<{ target: unknown[] }> }> };
    const axe = (globalThis as unknown as { axe: { run: () => Promise<AxeResult> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
}
