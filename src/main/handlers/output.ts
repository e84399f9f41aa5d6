/**
 * What the bind screen offers after a packet: the per-file export (zip), the 补正清单 PDF, printing,
 * and the earlier packets still on disk. Outputs always land in the project's out/ folder (the
 * renderer never picks a path); the same workspace functions serve `matprep export` and
 * `matprep bind --correction-list`. Here they run in a worker thread (src/core/jobs) so main stays
 * responsive while images are recompressed. The export can take tens of seconds (every page rendered
 * and shrunk to its cap), so it is a job like binding: progress per material, and cancel.
 */
import { readFile } from 'node:fs/promises';
import type { HandlerContext, Handler } from './types';
import type { ExportResult } from '../../core/bind/export';
import { runJob } from '../../core/jobs/run';
import { isPdfFile } from './app';
import { UserError } from '../../core/errors';
import { openProject, outputDir } from '../../core/project/store';
import { packetFiles } from '../../core/project/packets';
import { createJobTable } from './jobs';

export function outputHandlers(ctx: HandlerContext) {
  const exports = createJobTable<ExportResult>('export');

  const handlers: {
    'export:start': Handler<'export:start'>;
    'export:status': Handler<'export:status'>;
    'export:cancel': Handler<'export:cancel'>;
    'output:correctionList': Handler<'output:correctionList'>;
    'output:packets': Handler<'output:packets'>;
    'shell:print': Handler<'shell:print'>;
    'output:packetBytes': Handler<'output:packetBytes'>;
  } = {
    'export:start': async ({ dir }) => {
      const context = await ctx.workspace();
      return exports.start(
        (controls) => runJob({ kind: 'export', dir, context, options: {} }, controls),
        context.locale,
      );
    },
    'export:status': async ({ jobId }) => exports.status(jobId),
    'export:cancel': ({ jobId }) => exports.cancel(jobId),
    'output:correctionList': async ({ dir }) =>
      runJob({ kind: 'correctionList', dir, context: await ctx.workspace(), options: {} }),
    'output:packets': async ({ dir }) => packetFiles((await openProject(dir)).doc.history, outputDir(dir)),
    'shell:print': async ({ path }) => {
      await ctx.deps.grants?.assertOutputFile(path);
      // Only PDFs are printed: the fallback hands the file to the OS, which opens files by extension.
      if (!(await isPdfFile(path))) throw new UserError('project.openNotPdf', { file: path });
      await ctx.deps.platform.printPdf(path);
      return { ok: true as const };
    },
    'output:packetBytes': async ({ path }) => {
      // The same confinement as opening it: a PDF in a chosen project's out/, nothing else.
      await ctx.deps.grants?.assertOutputFile(path);
      if (!(await isPdfFile(path))) throw new UserError('project.openNotPdf', { file: path });
      return new Uint8Array(await readFile(path));
    },
  };
  return handlers;
}
