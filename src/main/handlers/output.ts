/**
 * What the bind screen offers after a packet: the per-file export (zip), the 补正清单 PDF, and
 * printing. Outputs always land in the project's out/ folder (the renderer never picks a path); the
 * same workspace functions serve `matprep export` and `matprep bind --correction-list`.
 */
import type { HandlerContext, Handler } from './types';
import { exportProject, loadProject, writeCorrectionList } from '../../core/workspace';
import { isPdfFile } from './app';
import { UserError } from '../../core/errors';

export function outputHandlers(ctx: HandlerContext) {
  const handlers: {
    'output:export': Handler<'output:export'>;
    'output:correctionList': Handler<'output:correctionList'>;
    'shell:print': Handler<'shell:print'>;
  } = {
    'output:export': async ({ dir }) => {
      const ws = await ctx.workspace();
      return exportProject(await loadProject(dir, ws), ws);
    },
    'output:correctionList': async ({ dir }) => writeCorrectionList(await loadProject(dir, await ctx.workspace())),
    'shell:print': async ({ path }) => {
      // Only PDFs are printed: the fallback hands the file to the OS, which opens files by extension.
      if (!(await isPdfFile(path))) throw new UserError('project.openNotPdf', { file: path });
      await ctx.deps.platform.printPdf(path);
      return { ok: true as const };
    },
  };
  return handlers;
}
