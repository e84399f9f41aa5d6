/** Handlers for submissions and the authority's requests; each edit returns a fresh ProjectView. */
import type { Handler, HandlerContext } from './types';
import { UserError } from '../../core/errors';
import { isPdfFile } from './app';
import { loadProject } from '../../core/workspace/workspace';
import { removeRequest } from '../../core/project/submissions';
import { addFeedbackItems, comparePackets, submitProject, submittedPacketPath } from '../../core/workspace/submissions';

export function submissionHandlers(ctx: HandlerContext) {
  const handlers: {
    'submissions:submit': Handler<'submissions:submit'>;
    'submissions:feedback': Handler<'submissions:feedback'>;
    'submissions:removeRequest': Handler<'submissions:removeRequest'>;
    'submissions:openPacket': Handler<'submissions:openPacket'>;
    'submissions:compare': Handler<'submissions:compare'>;
  } = {
    'submissions:submit': async ({ dir, date, where, receipt, note }) => {
      const ws = await ctx.workspace();
      await submitProject(dir, ws, { date, where, receipt, note });
      return loadProject(dir, ws);
    },
    'submissions:feedback': async ({ dir, date, items }) => {
      const ws = await ctx.workspace();
      await addFeedbackItems(dir, ws, { date, items });
      return loadProject(dir, ws);
    },
    'submissions:removeRequest': async ({ dir, id }) => ctx.view(await removeRequest(dir, id)),
    'submissions:openPacket': async ({ dir, id }) => {
      const path = await submittedPacketPath(dir, id);
      // Like every file handed to the shell: only a PDF (its path is confined by the record's schema).
      if (!(await isPdfFile(path))) throw new UserError('project.openNotPdf', { file: path });
      await ctx.deps.platform.openPath(path);
      return { ok: true as const };
    },
    'submissions:compare': async ({ dir, id }) => {
      const { afterPath, ...packets } = await comparePackets(dir, id);
      // The new packet is read from the project's out/ only, like every other file the UI is given.
      if (afterPath) await ctx.deps.grants?.assertOutputFile(afterPath);
      return packets;
    },
  };
  return handlers;
}
