/**
 * What the bind screen offers after a packet: the per-file export (zip), the 补正清单 PDF, printing,
 * and the earlier packets still on disk. Outputs always land in the project's out/ folder (the
 * renderer never picks a path); the same workspace functions serve `matprep export` and
 * `matprep bind --correction-list`. Here they run in a worker thread (src/core/jobs) so main stays
 * responsive while images are recompressed.
 */
import type { HandlerContext, Handler } from './types';
import { runJob } from '../../core/jobs/run';
import { isPdfFile } from './app';
import { UserError } from '../../core/errors';
import { openProject } from '../../core/project/store';
import { packetFiles } from '../../core/project/packets';

export function outputHandlers(ctx: HandlerContext) {
  const handlers: {
    'output:export': Handler<'output:export'>;
    'output:correctionList': Handler<'output:correctionList'>;
    'output:packets': Handler<'output:packets'>;
    'shell:print': Handler<'shell:print'>;
  } = {
    'output:export': async ({ dir }) => runJob({ kind: 'export', dir, context: await ctx.workspace(), options: {} }),
    'output:correctionList': async ({ dir }) =>
      runJob({ kind: 'correctionList', dir, context: await ctx.workspace(), options: {} }),
    'output:packets': async ({ dir }) => packetFiles((await openProject(dir)).doc.history),
    'shell:print': async ({ path }) => {
      // Only PDFs are printed: the fallback hands the file to the OS, which opens files by extension.
      if (!(await isPdfFile(path))) throw new UserError('project.openNotPdf', { file: path });
      await ctx.deps.platform.printPdf(path);
      return { ok: true as const };
    },
  };
  return handlers;
}
