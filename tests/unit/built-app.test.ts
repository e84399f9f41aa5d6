/**
 * The BUILT Electron main process (out/main/index.js, as electron-builder ships it) loads and works:
 * it opens the hardened window on files that exist, registers every channel, and binds a packet
 * through the real IPC handlers and the bundled job worker. Unit tests run main from source; this
 * catches what only bundling can break (it once shipped a bundle that threw a SyntaxError on load).
 * CI builds before it tests; locally run `npm run build` first, or the test is skipped. It also
 * proves what the shipped app needs installed: every package the built code imports is a runtime
 * dependency, and React (bundled into the renderer) and tsx (source runs only) are not among them.
 */
import { BUNDLED_DEPENDENCIES } from '../../scripts/bundled-deps.mjs';
import { describe, it, expect } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { runInNewContext } from 'node:vm';
import { PDFDocument } from 'pdf-lib';
import { CHANNELS } from '../../src/shared/ipc';
import { pdf as onePagePdf } from '../fixtures/bad-inputs';

const root = resolve(__dirname, '../..');
const mainIndex = join(root, 'out/main/index.js');
const preload = join(root, 'out/preload/index.cjs');

describe('the built main process', () => {
  it.skipIf(!existsSync(mainIndex))(
    'loads, opens the window on built files, and binds through IPC and the bundled worker (needs `npm run build`)',
    { timeout: 120_000 },
    async () => {
      const work = await mkdtemp(join(tmpdir(), 'matprep-built-'));
      const dir = join(work, 'project');
      const pdf = join(work, 'simple.pdf');
      await writeFile(pdf, await onePagePdf());
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', 'tests/fixtures/built-app/child.ts', mainIndex, dir, pdf],
        { cwd: root, env: { ...process.env, MATPREP_TEST_USER_DATA: join(work, 'user-data') }, timeout: 110_000 },
      );
      const seen = JSON.parse(stdout.trim().split('\n').pop()!);
      expect(existsSync(seen.window.preload)).toBe(true);
      expect(seen.window.preload).toMatch(/out[\\/]preload[\\/]index\.cjs$/);
      expect(existsSync(seen.window.loaded)).toBe(true);
      expect(seen.window.loaded).toMatch(/out[\\/]renderer[\\/]index\.html$/);
      expect(seen.channels).toBe(CHANNELS.length);
      expect(seen.packs).toBeGreaterThanOrEqual(12);
      expect(seen.job).toMatchObject({ state: 'done' });
      const packet = await PDFDocument.load(await readFile(seen.job.result.output));
      // Cover + 目录 + the one-page PDF.
      expect(packet.getPageCount()).toBeGreaterThanOrEqual(3);
      expect(packet.getTitle()).toContain('ICP备案·单位');
    },
  );

  it.skipIf(!existsSync(preload))(
    'preload: runs with only what a sandboxed preload gets, and exposes one method per channel that invokes it',
    async () => {
      const code = await readFile(preload, 'utf8');
      const exposed = new Map<string, Record<string, (request?: unknown) => Promise<unknown>>>();
      const invoked: unknown[][] = [];
      const electron = {
        contextBridge: { exposeInMainWorld: (key: string, api: never) => exposed.set(key, api) },
        ipcRenderer: { invoke: async (...args: unknown[]) => invoked.push(args) },
      };
      // A sandboxed preload's require knows `electron` (and a few Node shims); nothing from node_modules.
      const sandboxRequire = (id: string) => {
        if (id === 'electron') return electron;
        throw new Error(`a sandboxed preload cannot require ${id}`);
      };
      const module = { exports: {} };
      runInNewContext(code, { require: sandboxRequire, module, exports: module.exports });
      const api = exposed.get('matprep')!;
      expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort());
      expect(Object.isFrozen(api)).toBe(true);
      await api['project:open']({ dir: '/p' });
      await api['rules:list']();
      expect(invoked).toEqual([
        ['matprep:project:open', { dir: '/p' }],
        ['matprep:rules:list', {}],
      ]);
    },
  );
});

/** The package a bare import specifier names (`@scope/name/sub` → `@scope/name`), or null for a relative or built-in one. */
function packageOf(specifier: string): string | null {
  if (/^[./]/.test(specifier) || specifier.startsWith('node:') || builtinModules.includes(specifier)) return null;
  // Only what npm could name: the scan also meets strings that merely follow the word "from".
  if (!/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(\/[\w.@/-]*)?$/.test(specifier)) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function builtFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(c|m)?js$/.test(name))
    .map((name) => join(dir, name));
}

describe('what the built app needs at run time', () => {
  const outputs = ['out/main', 'out/preload', 'out/cli'].flatMap((dir) => builtFiles(join(root, dir)));
  it.skipIf(!existsSync(mainIndex))(
    'main, job worker, preload and CLI import only runtime dependencies: no React, no tsx (needs `npm run build`)',
    () => {
      const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
        dependencies: Record<string, string>;
      };
      const imported = new Set<string>();
      for (const file of outputs) {
        // Comment lines are left out: bundled libraries quote `require('…')` and `from '…'` in their docs.
        const code = readFileSync(file, 'utf8')
          .split('\n')
          .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
          .join('\n');
        // Static and dynamic imports, and requires: a preload's own (.cjs), else esbuild's `__require` of
        // an external from bundled CommonJS (a bare `require('…')` in an ES module bundle is only ever text
        // in a bundled library's messages). `import.meta.resolve('tsx/…')` in src/core/jobs/run.ts is left
        // out on purpose: it runs only from source (a .ts module), never in the bundle.
        const requires = file.endsWith('.cjs') ? '\\brequire' : '\\b__require';
        const pattern = new RegExp(
          `(?:\\bfrom\\s*|\\bimport\\s*\\(\\s*|${requires}\\s*\\(\\s*|^import\\s*)["']([^"']+)["']`,
          'gm',
        );
        for (const m of code.matchAll(pattern)) {
          const name = packageOf(m[1]);
          if (name) imported.add(name);
        }
      }
      expect(outputs.some((file) => file.endsWith(join('out', 'cli', 'main.js')))).toBe(true);
      // Electron is the runtime itself; everything else must be installed with the app.
      imported.delete('electron');
      expect([...imported].filter((name) => !(name in pkg.dependencies))).toEqual([]);
      // The renderer is bundled (React inside it), and tsx is only for running from source.
      for (const dev of ['react', 'react-dom', 'tsx']) {
        expect(imported.has(dev), dev).toBe(false);
        expect(pkg.dependencies[dev], dev).toBeUndefined();
      }
      // The sanity of the scan itself: the main bundle does load its runtime packages from node_modules …
      expect(imported).toContain('sharp');
      expect(imported).toContain('zod');
      // … but for the pure-JavaScript ones it carries inside (scripts/bundled-deps.mjs), parsed once at build.
      for (const bundled of BUNDLED_DEPENDENCIES) expect(imported.has(bundled), bundled).toBe(false);
    },
  );
});
