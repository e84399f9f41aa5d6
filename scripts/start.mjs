#!/usr/bin/env node
// `npm start`: build and run the desktop app. When the Electron binary is missing (installed with
// ELECTRON_SKIP_BINARY_DOWNLOAD=1, or on a machine without internet) say so in one line, not a stack trace.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

const require = createRequire(import.meta.url);
let binary;
try {
  binary = require('electron');
} catch {
  binary = undefined;
}
if (typeof binary !== 'string' || !existsSync(binary)) {
  console.error(
    'matprep: 未找到 Electron 程序（安装时跳过了下载）。请联网后运行 `npm rebuild electron` 或 `node node_modules/electron/install.js`；命令行 `npx matprep` 不需要它。 / Electron binary missing: run `node node_modules/electron/install.js` with internet access; the CLI (`npx matprep`) works without it.',
  );
  process.exit(1);
}
const mode = process.argv.includes('--dev') ? 'dev' : 'preview';
const result = spawnSync('npx', ['electron-vite', mode], { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
