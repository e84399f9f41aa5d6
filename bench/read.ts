/**
 * `npm run bench:read`: how well matprep reads 营业执照 and 身份证. Generates licences, ID photo sides
 * and emblem sides (tests/support/documents.ts: realistic layout, the bundled CJK font, seal, QR code),
 * each clean and degraded (photo: shear, 2–4° skew, blur, light gradient, JPEG q75; 150 dpi scan;
 * EXIF-rotated; upside down), reads them in a child process (`read-child.ts`) and prints per-field
 * exact-match rates, wrong values reported as certain, time per document (CPU and wall) and peak RSS,
 * for each engine compared (MATPREP_BENCH_CONFIGS, default `before,after`: the engine before tuning
 * and matprep's), document by document in turn so both see the same load on the shared machine.
 * Options (environment): MATPREP_BENCH_N documents per kind (default 8), MATPREP_OCR_THREADS,
 * MATPREP_BENCH_SIDE (longest side fed to the engine, default 1280), MATPREP_BENCH_VARIANTS,
 * MATPREP_BENCH_CONFIGS=tesseract (tesseract.js + chi_sim through the same pipeline, for comparison).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CERTAIN, type DocumentKind, type ReadResult } from '../src/core/model/recognition/types';
import * as docs from '../tests/support/documents';

const here = path.dirname(fileURLToPath(import.meta.url));
const work = path.join(tmpdir(), 'matprep-bench-read-v1');
const N = Number(process.env.MATPREP_BENCH_N) || 8;
/** MATPREP_BENCH_VARIANTS=clean,photo: only these variants (a quick comparison with a slow engine). */
const VARIANTS = process.env.MATPREP_BENCH_VARIANTS
  ? docs.DEGRADATIONS.filter((d) => process.env.MATPREP_BENCH_VARIANTS!.split(',').includes(d))
  : docs.DEGRADATIONS;

const FIELDS: Record<DocumentKind, string[]> = {
  'business-licence': ['uscc', 'name', 'legalRepresentative', 'establishedOn', 'validFrom', 'validUntil', 'address'],
  'id-card-front': ['name', 'idNumber'],
  'id-card-back': ['authority', 'validFrom', 'validUntil'],
};

interface ChildLine {
  file: string;
  ms: number;
  cpuMs: number;
  result: ReadResult;
}

interface Doc {
  file: string;
  kind: DocumentKind;
  degradation: docs.Degradation;
  truth: Record<string, string>;
}

async function writeOnce(file: string, make: () => Promise<Buffer>): Promise<void> {
  if (existsSync(file)) return;
  await writeFile(`${file}.tmp`, await make());
  await rename(`${file}.tmp`, file);
}

async function generate(): Promise<Doc[]> {
  await mkdir(work, { recursive: true });
  const out: Doc[] = [];
  const kinds: [DocumentKind, (seed: number) => object, (t: never) => Promise<Buffer>, number][] = [
    ['business-licence', docs.licenceTruth, docs.renderLicence as (t: never) => Promise<Buffer>, 200],
    ['id-card-front', docs.idFrontTruth, docs.renderIdFront as (t: never) => Promise<Buffer>, 300],
    ['id-card-back', docs.idBackTruth, docs.renderIdBack as (t: never) => Promise<Buffer>, 300],
  ];
  for (const [kind, truthOf, render, dpi] of kinds) {
    for (let seed = 1; seed <= N; seed++) {
      const truth = truthOf(1000 + seed) as Record<string, string>;
      let clean: Buffer | undefined;
      for (const degradation of VARIANTS) {
        const file = path.join(work, `${kind}-${seed}-${degradation}.${degradation === 'clean' ? 'png' : 'jpg'}`);
        await writeOnce(file, async () =>
          docs.degrade((clean ??= await render(truth as never)), degradation, seed, dpi),
        );
        out.push({ file, kind, degradation, truth });
      }
    }
  }
  return out;
}

/** Engines compared in one run (MATPREP_BENCH_CONFIGS): `before` the engine as it was, `after` matprep's, `tesseract`. */
const CONFIGS = (process.env.MATPREP_BENCH_CONFIGS ?? 'before,after').split(',').filter(Boolean);

function runChild(manifest: string, config: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'read-child.ts'), manifest], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, MATPREP_BENCH_ENGINE: config },
    });
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(text.trim().split('\n')) : reject(new Error(`child exited ${code}`)),
    );
  });
}

const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(0)}%` : '—');

interface Reading extends ChildLine {
  /** Peak RSS of the process that read this one document, engine included. */
  maxRssMB: number;
  engineMs: number;
}

function accuracyTable(all: Doc[], read: Map<string, Reading>): number {
  console.log('\n| document | field | ' + VARIANTS.join(' | ') + ' | all | wrong & certain |');
  console.log('|---|---|' + VARIANTS.map(() => '---').join('|') + '|---|---|');
  let wrongCertain = 0;
  for (const kind of Object.keys(FIELDS) as DocumentKind[]) {
    for (const field of FIELDS[kind]) {
      const cells: string[] = [];
      let right = 0;
      let total = 0;
      let confidentWrong = 0;
      for (const degradation of VARIANTS) {
        const set = all.filter((d) => d.kind === kind && d.degradation === degradation);
        let ok = 0;
        for (const d of set) {
          const { result } = read.get(d.file)!;
          const value = (result.fields as Record<string, string>)[field];
          if (value === d.truth[field]) ok++;
          else if (value && (result.confidence as Record<string, number>)[field] >= CERTAIN) confidentWrong++;
        }
        cells.push(pct(ok, set.length));
        right += ok;
        total += set.length;
      }
      wrongCertain += confidentWrong;
      console.log(`| ${kind} | ${field} | ${cells.join(' | ')} | ${pct(right, total)} | ${confidentWrong} |`);
    }
  }
  return wrongCertain;
}

async function main(): Promise<void> {
  const all = await generate();
  // One process per document and engine, as the app gives each document its own worker: the peak
  // RSS is that of reading one document. The engines take turns document by document, so both see
  // the same machine load (the machine is shared; the load average is sampled at every document).
  const readings = new Map<string, Map<string, Reading>>(CONFIGS.map((c) => [c, new Map()]));
  const loads: number[] = [];
  for (const [i, doc] of all.entries()) {
    const manifest = path.join(work, `manifest-${i}.json`);
    await writeFile(manifest, JSON.stringify([{ file: doc.file, kind: doc.kind }]));
    for (const config of CONFIGS) {
      loads.push(loadavg()[0]);
      const [line, summary] = (await runChild(manifest, config)).map((l) => JSON.parse(l));
      readings.get(config)!.set(doc.file, { ...line, maxRssMB: summary.maxRssMB, engineMs: summary.engineMs });
      process.stderr.write(`\r${i + 1}/${all.length} ${config}  `);
    }
  }
  process.stderr.write('\n');

  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  console.log(
    `# bench:read — ${all.length} documents (${N} per kind × ${VARIANTS.length} variants), engines ${CONFIGS.join(', ')}`,
  );
  console.log(
    `cores ${availableParallelism()}, OCR threads ${process.env.MATPREP_OCR_THREADS ?? 'default'}, side ${process.env.MATPREP_BENCH_SIDE ?? 1280} px, load average (1 min) during the run ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}, mean ${mean(loads).toFixed(1)}`,
  );
  const wrong: Record<string, number> = {};
  for (const config of CONFIGS) {
    console.log(`\n## ${config}: exact match per field`);
    wrong[config] = accuracyTable(all, readings.get(config)!);
  }
  // CPU time is what the document costs; wall time also counts whatever else the shared machine runs.
  console.log(
    '\n| engine | document | CPU s mean | CPU s max | wall s mean | wall s max | peak RSS MB max | engine start s |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const config of CONFIGS) {
    for (const kind of Object.keys(FIELDS) as DocumentKind[]) {
      const lines = all.filter((d) => d.kind === kind).map((d) => readings.get(config)!.get(d.file)!);
      const cpu = lines.map((l) => l.cpuMs / 1000);
      const wall = lines.map((l) => l.ms / 1000);
      console.log(
        `| ${config} | ${kind} | ${mean(cpu).toFixed(2)} | ${Math.max(...cpu).toFixed(2)} | ${mean(wall).toFixed(2)} | ${Math.max(...wall).toFixed(2)} | ${Math.max(...lines.map((l) => l.maxRssMB)).toFixed(0)} | ${mean(lines.map((l) => l.engineMs / 1000)).toFixed(2)} |`,
      );
    }
  }
  for (const config of CONFIGS) {
    const lines = [...readings.get(config)!.values()];
    console.log(
      `\n${config}: CPU per document ${mean(lines.map((l) => l.cpuMs / 1000)).toFixed(2)} s mean, wall ${mean(lines.map((l) => l.ms / 1000)).toFixed(2)} s mean; peak RSS ${Math.max(...lines.map((l) => l.maxRssMB)).toFixed(0)} MB; wrong values reported as certain: ${wrong[config]}`,
    );
  }
}

await main();
