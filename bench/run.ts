/**
 * `npm run bench`: matprep bind against the reference pipeline (img2pdf for the photos, then
 * `qpdf --empty --pages` to merge everything) on the same deterministic inputs, at 1× and 4×.
 * Prints time ratio, output-size ratio, matprep's peak RSS, and how time scales with input.
 */
import { execFile } from 'node:child_process';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { generateBenchFiles } from './generate';
import type { BenchJob } from './job';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const work = path.join(tmpdir(), 'matprep-bench-v1');

interface Measure {
  ms: number;
  /** user + system CPU time, which other load on the machine inflates far less than wall time. */
  cpuMs: number;
  bytes: number;
  rssMB?: number;
  inProcessMs?: number;
  pages?: number;
}

/** Run a command under /usr/bin/time; its last stderr line is "<elapsed> <user> <sys> <maxRSS KB>". */
async function timed(
  command: string,
  args: string[],
  env?: NodeJS.ProcessEnv,
): Promise<{ stdout: string; ms: number; cpuMs: number; rssMB: number }> {
  const { stdout, stderr } = await run('/usr/bin/time', ['-f', 'TIME %e %U %S %M', command, ...args], {
    maxBuffer: 1 << 22,
    env,
  });
  const line = stderr
    .trim()
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('TIME '))!;
  const [elapsed, user, sys, rss] = line.split(' ').slice(1).map(Number);
  return { stdout, ms: elapsed * 1000, cpuMs: (user + sys) * 1000, rssMB: rss / 1024 };
}

/**
 * The child, bundled like the shipped code (the app's job worker and `out/cli` are bundles too), so
 * start-up is loading JavaScript, not compiling TypeScript through tsx on every run.
 */
let childBundle: Promise<string> | undefined;
async function bundleChild(): Promise<string> {
  // Inside the repository, so the bundle's external imports resolve from its node_modules.
  const outfile = path.join(here, '.work', 'child.mjs');
  await build({
    entryPoints: [path.join(here, 'child.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

async function matprep(job: BenchJob, name: string): Promise<Measure> {
  const jobFile = path.join(work, `${name}.json`);
  await writeFile(jobFile, JSON.stringify(job));
  // The child runs with the environment as given (no MALLOC_ARENA_MAX), like the CLI and the app.
  childBundle ??= bundleChild();
  const { stdout, ms, cpuMs } = await timed(process.execPath, [await childBundle, jobFile]);
  const child = JSON.parse(stdout.trim().split('\n').pop()!) as {
    ms: number;
    maxRssMB: number;
    pages: number;
    bytes: number;
  };
  return { ms, cpuMs, bytes: child.bytes, rssMB: child.maxRssMB, inProcessMs: child.ms, pages: child.pages };
}

async function reference(job: BenchJob, name: string): Promise<Measure> {
  const photos = path.join(work, `${name}-photos.pdf`);
  const output = path.join(work, `${name}-reference.pdf`);
  const a = await timed('img2pdf', [...job.photos, '-o', photos]);
  const b = await timed('qpdf', ['--empty', '--pages', ...job.pdfs, photos, '--', output]);
  return { ms: a.ms + b.ms, cpuMs: a.cpuMs + b.cpuMs, bytes: (await stat(output)).size };
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);
const mb = (bytes: number) => `${fmt(bytes / 1e6, 1)} MB`;

async function main(): Promise<void> {
  await mkdir(work, { recursive: true });
  process.stdout.write(`Generating inputs in ${work} (cached after the first run)…\n`);
  const files = await generateBenchFiles(path.join(work, 'inputs'));
  const times = (list: string[], n: number) => Array.from({ length: n }, () => list).flat();
  const results: Record<string, { mine: Measure; ref: Measure }> = {};
  for (const scale of [1, 4]) {
    const name = `x${scale}`;
    const job: BenchJob = {
      pdfs: times(files.pdfs, scale),
      photos: times(files.photos, scale),
      output: path.join(work, `${name}-matprep.pdf`),
    };
    // Warm the page cache for both sides alike.
    if (scale === 1) await reference(job, 'warmup');
    const ref = await reference(job, name);
    const mine = await matprep(job, name);
    results[name] = { mine, ref };
    process.stdout.write(
      `\n${scale}× inputs: ${job.pdfs.length} PDFs (${files.pdfPages * scale} pages) + ${job.photos.length} photos 4000×3000\n` +
        `  matprep:   ${fmt(mine.ms / 1000)} s wall (bind ${fmt(mine.inProcessMs! / 1000)} s, start-up and exit ${fmt((mine.ms - mine.inProcessMs!) / 1000)} s), ${fmt(mine.cpuMs / 1000)} s CPU, ${mb(mine.bytes)}, ${mine.pages} pages, peak RSS ${fmt(mine.rssMB!, 0)} MB\n` +
        `  reference: ${fmt(ref.ms / 1000)} s wall, ${fmt(ref.cpuMs / 1000)} s CPU, ${mb(ref.bytes)} (img2pdf + qpdf --empty --pages)\n` +
        `  time ratio ${fmt(mine.ms / ref.ms)} (target ≤ 1.0; bind alone ${fmt(mine.inProcessMs! / ref.ms)}; CPU-time ratio ${fmt(mine.cpuMs / ref.cpuMs)}), size ratio ${fmt(mine.bytes / ref.bytes)} (target ≤ 0.4)` +
        (scale === 1 ? `, peak RSS ${fmt(mine.rssMB!, 0)} MB (target ≤ 500)` : '') +
        '\n',
    );
  }
  const scaling = results.x4.mine.ms / results.x1.mine.ms;
  process.stdout.write(`\nscaling: 4× inputs took ${fmt(scaling)}× the time of 1× (target ≤ 4.4)\n`);
  process.stdout.write(
    `machine: ${availableParallelism()} CPUs, load average ${loadavg()
      .map((l) => fmt(l, 1))
      .join(' ')} (wall times grow with other load)\n`,
  );
  // Keep the generated inputs (cached for the next run); the outputs are ~1 GB at 4×.
  for (const name of ['warmup', 'x1', 'x4']) {
    for (const suffix of ['-photos.pdf', '-reference.pdf', '-matprep.pdf', '.json'])
      await rm(path.join(work, `${name}${suffix}`), { force: true });
  }
}

await main();
