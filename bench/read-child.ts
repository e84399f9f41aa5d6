/**
 * The reading half of `npm run bench:read`, in its own process so its peak RSS is recognition's alone:
 * reads every document of the manifest (argv[2]) with `readDocument`, as the job worker does, and
 * prints one JSON line per document, then one with the process's peak RSS.
 */
import { readFile } from 'node:fs/promises';
import { ocrEngine } from '../src/core/recognition/engine';
import { readDocument } from '../src/core/recognition/read';
import type { DocumentKind } from '../src/core/model/recognition/types';

interface Item {
  file: string;
  kind: DocumentKind;
}

const items = JSON.parse(await readFile(process.argv[2], 'utf8')) as Item[];
const maxSide = Number(process.env.MATPREP_BENCH_SIDE) || undefined;
// MATPREP_BENCH_ENGINE=tesseract: the same pipeline with tesseract.js in place of PaddleOCR; =before:
// the engine as it was before tuning. The engine starts before the clock runs for the documents;
// its start is reported on its own.
const startedEngine = performance.now();
const chosen = process.env.MATPREP_BENCH_ENGINE;
const engine =
  chosen === 'tesseract'
    ? await (await import('./tesseract-engine')).tesseractEngine()
    : chosen === 'before'
      ? await (await import('./legacy-engine')).legacyEngine()
      : await ocrEngine();
const engineMs = performance.now() - startedEngine;
const started = performance.now();
for (const item of items) {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const result = await readDocument(await readFile(item.file), item.file, item.kind, {
    today: '2026-12-07',
    maxSide,
    engine,
  });
  const cpu = process.cpuUsage(cpu0);
  const line = {
    file: item.file,
    ms: performance.now() - t0,
    cpuMs: (cpu.user + cpu.system) / 1000,
    rssMB: process.memoryUsage().rss / 1e6,
    result,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
const usage = process.resourceUsage();
process.stdout.write(
  `${JSON.stringify({ done: true, engineMs, ms: performance.now() - started, maxRssMB: usage.maxRSS / 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 })}\n`,
);
