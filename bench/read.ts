/**
 * `npm run bench:read`: how well matprep reads 营业执照 and 身份证. Generates licences, ID photo sides
 * and emblem sides (tests/support/documents.ts: realistic layout, the bundled CJK font, seal, QR code),
 * each clean and degraded (photo: shear, 2–4° skew, blur, light gradient, JPEG q75; 150 dpi scan;
 * EXIF-rotated; upside down), reads them in a child process (`read-child.ts`) and prints per-field
 * exact-match rates, wrong values reported as certain, time per document and peak RSS.
 * Options (environment): MATPREP_BENCH_N documents per kind (default 8), MATPREP_OCR_THREADS,
 * MATPREP_BENCH_SIDE (longest side fed to the engine, default 1280).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CERTAIN, type DocumentKind, type ReadResult } from '../src/core/recognition/types';
import * as docs from '../tests/support/documents';

const here = path.dirname(fileURLToPath(import.meta.url));
const work = path.join(tmpdir(), 'matprep-bench-read-v1');
const N = Number(process.env.MATPREP_BENCH_N) || 8;

const FIELDS: Record<DocumentKind, string[]> = {
  'business-licence': ['uscc', 'name', 'legalRepresentative', 'establishedOn', 'validFrom', 'validUntil', 'address'],
  'id-card-front': ['name', 'idNumber'],
  'id-card-back': ['authority', 'validFrom', 'validUntil'],
};

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
      for (const degradation of docs.DEGRADATIONS) {
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

function runChild(manifest: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'read-child.ts'), manifest], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
      process.stderr.write('.');
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(text.trim().split('\n')) : reject(new Error(`child exited ${code}`)),
    );
  });
}

const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(0)}%` : '—');

async function main(): Promise<void> {
  const all = await generate();
  const manifest = path.join(work, 'manifest.json');
  await writeFile(manifest, JSON.stringify(all.map(({ file, kind }) => ({ file, kind }))));
  const load = loadavg()[0];
  const lines = (await runChild(manifest)).map((l) => JSON.parse(l));
  process.stderr.write('\n');
  const summary = lines.pop() as { ms: number; maxRssMB: number; cpuMs: number };
  const byFile = new Map(lines.map((l: { file: string; ms: number; result: ReadResult }) => [l.file, l]));

  console.log(`# bench:read — ${all.length} documents (${N} per kind × ${docs.DEGRADATIONS.length} variants)`);
  console.log(
    `cores ${availableParallelism()}, OCR threads ${process.env.MATPREP_OCR_THREADS ?? 'default'}, side ${process.env.MATPREP_BENCH_SIDE ?? 1280} px, load average at start ${load.toFixed(1)}`,
  );
  console.log('\n| document | field | ' + docs.DEGRADATIONS.join(' | ') + ' | all | wrong & certain |');
  console.log('|---|---|' + docs.DEGRADATIONS.map(() => '---').join('|') + '|---|---|');
  let wrongCertain = 0;
  for (const kind of Object.keys(FIELDS) as DocumentKind[]) {
    for (const field of FIELDS[kind]) {
      const cells: string[] = [];
      let right = 0;
      let total = 0;
      let confidentWrong = 0;
      for (const degradation of docs.DEGRADATIONS) {
        const set = all.filter((d) => d.kind === kind && d.degradation === degradation);
        let ok = 0;
        for (const d of set) {
          const { result } = byFile.get(d.file)!;
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
  console.log('\n| document | mean s | max s |');
  console.log('|---|---|---|');
  for (const kind of Object.keys(FIELDS) as DocumentKind[]) {
    const times = all.filter((d) => d.kind === kind).map((d) => byFile.get(d.file)!.ms / 1000);
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    console.log(`| ${kind} | ${mean.toFixed(2)} | ${Math.max(...times).toFixed(2)} |`);
  }
  console.log(
    `\npeak RSS of the reading process ${summary.maxRssMB.toFixed(0)} MB; total ${(summary.ms / 1000).toFixed(0)} s wall, ${(summary.cpuMs / 1000).toFixed(0)} s CPU (includes ~1 s engine start); wrong values reported as certain: ${wrongCertain}`,
  );
}

await main();
