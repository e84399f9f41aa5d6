/**
 * Runs one matprep bind in its own process so the parent can measure its peak RSS.
 * argv: <job.json> ; prints one JSON line: { ms, maxRssMB, pages, bytes }.
 */
import { readFile } from 'node:fs/promises';
import { bindPacket } from '../src/core/bind/index';
import type { BenchJob } from './job';
import { benchProject } from './job';

const job = JSON.parse(await readFile(process.argv[2], 'utf8')) as BenchJob;
const { doc, rulePack, report, loadFile } = benchProject(job);
const started = performance.now();
const result = await bindPacket({ doc, rulePack, report, options: { dpi: 200 }, output: job.output, loadFile });
const ms = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024, pages: result.pages, bytes: result.bytes })}\n`,
);
