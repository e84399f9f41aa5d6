/**
 * The reading half of `npm run bench:read`, in its own process so its peak RSS is recognition's alone:
 * reads every document of the manifest (argv[2]) with `readDocument`, as the job worker does, and
 * prints one JSON line per document, then one with the process's peak RSS.
 */
import { readFile } from 'node:fs/promises';
import { readDocument } from '../src/core/recognition/read';
import type { DocumentKind } from '../src/core/recognition/types';

interface Item {
  file: string;
  kind: DocumentKind;
}

const items = JSON.parse(await readFile(process.argv[2], 'utf8')) as Item[];
const maxSide = Number(process.env.MATPREP_BENCH_SIDE) || undefined;
const started = performance.now();
for (const item of items) {
  const t0 = performance.now();
  const result = await readDocument(await readFile(item.file), item.file, item.kind, { today: '2026-12-07', maxSide });
  process.stdout.write(`${JSON.stringify({ file: item.file, ms: performance.now() - t0, result })}\n`);
}
const usage = process.resourceUsage();
process.stdout.write(
  `${JSON.stringify({ done: true, ms: performance.now() - started, maxRssMB: usage.maxRSS / 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 })}\n`,
);
