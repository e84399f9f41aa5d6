/**
 * `npm run bench`: matprep (import, prepare, first bind, re-binds, cold bind) against the reference pipeline (img2pdf for the photos, then
 * `qpdf --empty --pages` to merge everything) on the same deterministic inputs, at 1× and 4×.
 * Medians of MATPREP_BENCH_ROUNDS (3) rounds, alternating with the reference; prints a table of ratios.
 */
import { execFile } from 'node:child_process';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { externalDependencies } from '../scripts/bundled-deps.mjs';
import { generateBenchFiles, scaledFiles } from './generate';
import type { BenchProjectJob } from './job';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const work = path.join(tmpdir(), 'matprep-bench-v1');

interface Measure {
  ms: number;
  /** user + system CPU time, which other load on the machine inflates far less than wall time. */
  cpuMs: number;
  bytes: number;
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
    external: externalDependencies(path.join(here, '..', 'package.json')),
    logLevel: 'warning',
  });
  return outfile;
}

interface Step {
  ms: number;
  cpuMs: number;
  rssMB: number;
  /** The child's own measures (in-process time, pages, bytes, time of the photos' add). */
  child: Record<string, number>;
}

async function step(name: string, job: BenchProjectJob, env: NodeJS.ProcessEnv = process.env): Promise<Step> {
  const jobFile = path.join(work, 'job.json');
  await writeFile(jobFile, JSON.stringify(job));
  // The child runs with the environment as given (no MALLOC_ARENA_MAX), like the CLI and the app.
  childBundle ??= bundleChild();
  const { stdout, ms, cpuMs, rssMB } = await timed(process.execPath, [await childBundle, name, jobFile], env);
  const child = JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, number>;
  return { ms, cpuMs, rssMB, child };
}

/** One round of matprep's side: import, prepare, first bind, re-binds, and a cold bind for comparison. */
async function matprepRound(job: BenchProjectJob): Promise<Record<string, Step>> {
  const steps: Record<string, Step> = {};
  steps.import = await step('import', job);
  steps.prepare = await step('prepare', job);
  steps.first = await step('bind', job);
  steps.unchanged = await step('bind', job);
  await step('change', job);
  steps.changed = await step('bind', job);
  // The bind as it was before prepared images: no cache at all (every photo decoded).
  steps.cold = await step(
    'bind',
    { ...job, output: job.output.replace(/\.pdf$/, '-cold.pdf') },
    {
      ...process.env,
      MATPREP_CACHE_MB: '0',
    },
  );
  return steps;
}

async function reference(pdfs: string[], photos: string[], name: string): Promise<Measure> {
  const photoPdf = path.join(work, `${name}-photos.pdf`);
  const output = path.join(work, `${name}-reference.pdf`);
  const a = await timed('img2pdf', [...photos, '-o', photoPdf]);
  const b = await timed('qpdf', ['--empty', '--pages', ...pdfs, photoPdf, '--', output]);
  const bytes = (await stat(output)).size;
  await rm(photoPdf, { force: true });
  await rm(output, { force: true });
  return { ms: a.ms + b.ms, cpuMs: a.cpuMs + b.cpuMs, bytes };
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ROUNDS = Number(process.env.MATPREP_BENCH_ROUNDS ?? 3);
const SCALES = (process.env.MATPREP_BENCH_SCALES ?? '1,4').split(',').map(Number);

async function main(): Promise<void> {
  await mkdir(work, { recursive: true });
  process.stdout.write(`Generating inputs in ${work} (cached after the first run)…\n`);
  const files = await generateBenchFiles(path.join(work, 'inputs'));
  const table: string[] = [];
  for (const scale of SCALES) {
    const name = `x${scale}`;
    const pdfs = await scaledFiles(files.pdfs, scale);
    const photos = await scaledFiles(files.photos, scale);
    const job: BenchProjectJob = {
      dir: path.join(work, `${name}-project`),
      pdfs,
      photos,
      photoMaterial: 'm5',
      output: path.join(work, `${name}-project`, 'out', 'packet.pdf'),
    };
    // Warm the page cache for both sides alike.
    await reference(pdfs, photos, 'warmup');
    const refs: Measure[] = [];
    const mine: Record<string, Step>[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate who goes first, so a burst of other load does not always land on the same side.
      if (round % 2 === 0) refs.push(await reference(pdfs, photos, name));
      mine.push(await matprepRound(job));
      if (round % 2 === 1) refs.push(await reference(pdfs, photos, name));
      process.stdout.write(`  ${scale}× round ${round + 1}/${ROUNDS} done (load ${fmt(loadavg()[0], 1)})\n`);
    }
    const ref = median(refs.map((r) => r.ms));
    const refCpu = median(refs.map((r) => r.cpuMs));
    const refBytes = refs[0].bytes;
    const m = (key: string, f: (s: Step) => number) => median(mine.map((r) => f(r[key])));
    const wall = (...keys: string[]) => median(mine.map((r) => keys.reduce((sum, k) => sum + r[k].ms, 0)));
    const cpu = (...keys: string[]) => median(mine.map((r) => keys.reduce((sum, k) => sum + r[k].cpuMs, 0)));
    const rss = (...keys: string[]) => median(mine.map((r) => Math.max(...keys.map((k) => r[k].rssMB))));
    const row = (label: string, ms: number, cpuMs: number, target: string) =>
      `| ${scale}× ${label} | ${fmt(ms / 1000)} s / ${fmt(cpuMs / 1000)} s | ${fmt(ms / ref)} / ${fmt(cpuMs / refCpu)} | ${target} |`;
    process.stdout.write(
      `\n${scale}×: ${pdfs.length} PDFs (${files.pdfPages * scale} pages) + ${photos.length} photos 4000×3000, ` +
        `${mine[0].first.child.pages} pages bound; medians of ${ROUNDS}\n`,
    );
    table.push(
      `| ${scale}× reference (img2pdf + qpdf) | ${fmt(ref / 1000)} s / ${fmt(refCpu / 1000)} s | 1.00 / 1.00 | |`,
      row('first bind (images prepared at import)', wall('first'), cpu('first'), '≤ 1.0'),
      row('import + first bind', wall('import', 'prepare', 'first'), cpu('import', 'prepare', 'first'), '≤ 2.5'),
      row('  add (all files)', wall('import'), cpu('import'), ''),
      `| ${scale}×   add of the ${photos.length} photos, one call (in-process) | ${fmt(m('import', (s) => s.child.photosMs) / 1000)} s | ${fmt(m('import', (s) => s.child.photosMs) / ref)} / – | ≤ 1.0 |`,
      row('  prepare (job worker)', wall('prepare'), cpu('prepare'), ''),
      row('re-bind, unchanged', wall('unchanged'), cpu('unchanged'), '≤ 0.5'),
      row('re-bind, one material changed', wall('changed'), cpu('changed'), ''),
      row('cold bind (no cache: every photo decoded)', wall('cold'), cpu('cold'), ''),
      `| ${scale}× size | ${fmt(mine[0].first.child.bytes / 1e6, 1)} MB vs ${fmt(refBytes / 1e6, 1)} MB | ${fmt(mine[0].first.child.bytes / refBytes)} | ≤ 0.4 |`,
      `| ${scale}× peak RSS: import / prepare / bind / cold bind | ${fmt(rss('import'), 0)} / ${fmt(rss('prepare'), 0)} / ${fmt(rss('first', 'unchanged', 'changed'), 0)} / ${fmt(rss('cold'), 0)} MB | | ≤ 500 |`,
    );
    await rm(job.dir, { recursive: true, force: true });
  }
  process.stdout.write(
    `\n| step | wall / CPU (median) | ratio to reference: wall / CPU | target |\n| --- | --- | --- | --- |\n${table.join('\n')}\n`,
  );
  process.stdout.write(
    `machine: ${availableParallelism()} CPUs, load average ${loadavg()
      .map((l) => fmt(l, 1))
      .join(' ')} (wall times grow with other load)\n`,
  );
}

await main();
