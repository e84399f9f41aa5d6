#!/usr/bin/env node
// Runs the CLI: the bundle in out/cli when it is up to date with src/ (`npm run build` makes it; fast
// start-up), otherwise the TypeScript sources directly through tsx, so a checkout needs no build step.
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
  const { register } = await import('tsx/esm/api');
  register();
  ({ runCli } = await import('../src/cli/main.ts'));
}
process.exitCode = await runCli(process.argv.slice(2));
