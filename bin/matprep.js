#!/usr/bin/env node
// Runs the CLI: the bundle in out/cli when it is up to date with src/ (`npm run build` makes it; fast
// start-up, and needs only the runtime dependencies), otherwise the TypeScript sources directly through
// tsx (a development dependency), so a checkout needs no build step.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// `matprep rules list | head`: a reader that stops early is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

/** Newest modification time under a folder (a few hundred files: a few milliseconds). */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function bundleIfCurrent() {
  if (process.env.MATPREP_CLI_FROM_SOURCE === '1') return null;
  const bundle = join(root, 'out/cli/main.js');
  const src = join(root, 'src');
  if (!existsSync(bundle)) return null;
  // A bundle older than the sources would run yesterday's code: use the sources instead.
  if (existsSync(src) && newest(src) > statSync(bundle).mtimeMs) return null;
  return bundle;
}

const bundle = bundleIfCurrent();
let runCli;
if (bundle) {
  ({ runCli } = await import(pathToFileURL(bundle).href));
} else {
  // tsx is a development dependency: a checkout installed with dev dependencies has it; an install
  // without them runs the bundle, so `npm run build` is the way out when it is missing.
  const tsx = await import('tsx/esm/api').catch(() => null);
  if (!tsx) {
    console.error(
      'matprep: 没有找到已构建的命令行（out/cli），也没有安装 tsx。请先运行 npm run build，或用 npm install 装上开发依赖。',
    );
    process.exit(1);
  }
  tsx.register();
  ({ runCli } = await import('../src/cli/main.ts'));
}
process.exitCode = await runCli(process.argv.slice(2));
