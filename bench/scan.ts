/**
 * `npm run bench:scan`: how well matprep turns phone photos into scans. Generates 12-MP photos
 * (tests/support/photos.ts: a rendered 营业执照 or 身份证 on a textured desk, with perspective,
 * rotation, tinted uneven light, and one flaw or none), scans each, and prints: corner error (the
 * worst corner's distance from the truth, in % of the photo's diagonal), the result's aspect ratio
 * against the document's, how often each flaw is raised on the photos that have it and on those
 * that do not, the measures behind each flaw (to tune `SCAN_LIMITS`), and time per photo both
 * in-process and through the app's job worker (one fresh worker for all the photos, as the app's
 * scan job runs). Options (environment): MATPREP_BENCH_N photos per document and flaw (default 2).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { runJob } from '../src/core/jobs/run';
import { SCAN_FLAWS, SCAN_LIMITS, scanFlaws, type ScanFlaw, type ScanResult } from '../src/core/model/scan/result';
import { addFiles, createProject } from '../src/core/project/store';
import { builtInRulesDir } from '../src/core/rules/loader';
import { scanImage } from '../src/core/scan/scan';
import * as docs from '../tests/support/documents';
import { FLAWS, photograph, type Flaw } from '../tests/support/photos';

const work = path.join(tmpdir(), 'matprep-bench-scan-v2');
const N = Number(process.env.MATPREP_BENCH_N) || 2;
const KINDS = ['licence', 'id-card'] as const;

interface Truth {
  corners: [number, number][];
  aspect: number;
}

async function photoFile(kind: (typeof KINDS)[number], flaw: Flaw, seed: number): Promise<string> {
  const file = path.join(work, `${kind}-${flaw}-${seed}.jpg`);
  if (existsSync(file)) return file;
  const png =
    kind === 'licence'
      ? await docs.renderLicence(docs.licenceTruth(seed))
      : await docs.renderIdFront(docs.idFrontTruth(seed));
  const photo = await photograph(png, flaw, seed * 7 + FLAWS.indexOf(flaw));
  const truth: Truth = { corners: photo.corners, aspect: photo.aspect };
  await writeFile(`${file}.json`, JSON.stringify(truth));
  await writeFile(`${file}.tmp`, photo.jpeg);
  await rename(`${file}.tmp`, file);
  return file;
}

interface Row {
  kind: string;
  flaw: Flaw;
  result: ScanResult;
  width: number;
  height: number;
  ms: number;
  truth: Truth;
}

const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
const stats = (xs: number[]) =>
  xs.length ? { mean: xs.reduce((a, b) => a + b, 0) / xs.length, max: Math.max(...xs) } : { mean: NaN, max: NaN };

function cornerError(row: Row): number {
  const corners = row.result.corners;
  if (!corners) return Infinity;
  const diagonal = Math.hypot(row.result.width, row.result.height);
  return (
    Math.max(...corners.map((c, i) => Math.hypot(c[0] - row.truth.corners[i][0], c[1] - row.truth.corners[i][1]))) /
    diagonal
  );
}

/** The flaw a photo was made with, as the check names it. */
const madeWith = (flaw: Flaw): ScanFlaw | undefined =>
  (SCAN_FLAWS as readonly string[]).includes(flaw) ? (flaw as ScanFlaw) : undefined;

async function main(): Promise<void> {
  await mkdir(work, { recursive: true });
  const files: { kind: string; flaw: Flaw; file: string }[] = [];
  for (const kind of KINDS)
    for (const flaw of FLAWS)
      for (let seed = 1; seed <= N; seed++) files.push({ kind, flaw, file: await photoFile(kind, flaw, seed) });
  console.log(`${files.length} photos (4000×3000) in ${work}; load average ${loadavg()[0].toFixed(1)}`);

  // Warm-up: OpenCV's first load and the first run's compilation are not a photo's cost.
  await scanImage(await readFile(files[0].file), 'warm-up');
  const rows: Row[] = [];
  const cpuMs: number[] = [];
  for (const { kind, flaw, file } of files) {
    const bytes = await readFile(file);
    const started = performance.now();
    const cpu = process.cpuUsage();
    const out = await scanImage(bytes, file);
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
    const truth = JSON.parse(await readFile(`${file}.json`, 'utf8')) as Truth;
    rows.push({ kind, flaw, result: out.result, width: out.width, height: out.height, ms, truth });
  }

  console.log('\n## Corners and shape (page found and whole: every flaw but cropped)\n');
  console.log('| photos | found | corner error mean / max (% of diagonal) | aspect ratio error mean / max |');
  console.log('| --- | --- | --- | --- |');
  const whole = rows.filter((r) => r.flaw !== 'cropped');
  const found = whole.filter((r) => r.result.corners);
  const corner = stats(found.map(cornerError));
  for (const r of found) {
    const ratio = Math.max(r.width, r.height) / Math.min(r.width, r.height);
    if (Math.abs(ratio / r.truth.aspect - 1) > 0.03)
      console.log(`(${r.kind} ${r.flaw}: ${ratio.toFixed(3)} for ${r.truth.aspect.toFixed(3)})`);
  }
  const aspect = stats(
    found.map((r) => Math.abs(Math.max(r.width, r.height) / Math.min(r.width, r.height) / r.truth.aspect - 1)),
  );
  console.log(
    `| ${whole.length} | ${found.length} | ${pct(corner.mean)} / ${pct(corner.max)} | ${pct(aspect.mean)} / ${pct(aspect.max)} |`,
  );

  console.log('\n## Flaws: raised on the photos made with it / on the others\n');
  console.log('| flaw | raised when present | raised when absent (false alarm) |');
  console.log('| --- | --- | --- |');
  for (const flaw of SCAN_FLAWS) {
    // image.background is raised only on the unflattened photo: scored with the original kept.
    const choice = flaw === 'background' ? { off: true as const } : {};
    const raised = (r: Row) => scanFlaws(r.result, choice).includes(flaw);
    const present = rows.filter((r) => madeWith(r.flaw) === flaw);
    const absent = rows.filter((r) => madeWith(r.flaw) !== flaw);
    console.log(
      `| ${flaw} | ${present.filter(raised).length}/${present.length} | ${absent.filter(raised).length}/${absent.length} |`,
    );
  }

  console.log('\n## Measures per kind of photo (min–max), against SCAN_LIMITS\n');
  console.log(`limits: ${JSON.stringify(SCAN_LIMITS)}\n`);
  console.log('| photo | sharpness | glare | grid | fill | cut |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const flaw of FLAWS) {
    const of = rows.filter((r) => r.flaw === flaw).map((r) => r.result);
    const range = (xs: number[], f = (x: number) => x.toFixed(0)) => `${f(Math.min(...xs))}–${f(Math.max(...xs))}`;
    console.log(
      `| ${flaw} | ${range(of.map((r) => r.sharpness))} | ${range(
        of.map((r) => r.glare),
        (x) => x.toFixed(4),
      )} | ${range(of.map((r) => r.grid))} | ${range(
        of.map((r) => r.fill),
        (x) => x.toFixed(2),
      )} | ${of.filter((r) => r.cut).length}/${of.length} |`,
    );
  }

  const times = stats(rows.map((r) => r.ms));
  console.log(
    `\n## Time per 12-MP photo\n\nin-process: wall mean ${times.mean.toFixed(0)} ms, max ${times.max.toFixed(0)} ms; CPU (user + system, all threads) mean ${stats(cpuMs).mean.toFixed(0)} ms, max ${stats(cpuMs).max.toFixed(0)} ms`,
  );
  // The app's way: the photos added to a project, then one scan job in a fresh worker thread.
  const dir = path.join(await mkdtemp(path.join(tmpdir(), 'matprep-bench-scan-')), 'project');
  try {
    await createProject(dir, { ruleId: 'icp-filing-enterprise', ruleVersion: '2026.1', name: 'bench' });
    const sample = files.filter((_, i) => i % 2 === 0).slice(0, 8);
    await addFiles(
      dir,
      'business-licence',
      sample.map((f) => ({ path: f.file })),
    );
    const context = { rulesDirs: { builtIn: builtInRulesDir() }, today: '2026-12-07', locale: 'zh-CN' as const };
    const started = performance.now();
    const outcome = await runJob({ kind: 'scan', dir, context, options: {} });
    const ms = performance.now() - started;
    console.log(
      `job worker: ${outcome.scanned} photos in ${(ms / 1000).toFixed(1)} s, ${(ms / outcome.scanned).toFixed(0)} ms per photo (worker start and OpenCV load included)`,
    );
  } finally {
    await rm(path.dirname(dir), { recursive: true, force: true });
  }
  console.log(`load average at the end: ${loadavg()[0].toFixed(1)}`);
}

await main();
