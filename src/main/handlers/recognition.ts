/**
 * Reading a licence or ID card the user just added: the read job runs in a worker thread (OCR holds
 * its thread for seconds), then the project comes back with the check now comparing the readings,
 * plus what the readings could fill in for this material (offered in the UI, saved only when the
 * user confirms, through project:setField / project:setDates).
 */
import type { HandlerContext, Handler } from './types';
import { runJob } from '../../core/jobs/run';
import { openProject } from '../../core/project/store';
import { loadReadings } from '../../core/recognition/store';
import { formOffers } from '../../core/recognition/offers';

export function recognitionHandlers(ctx: HandlerContext) {
  const handlers: { 'recognition:read': Handler<'recognition:read'> } = {
    'recognition:read': async ({ dir, materialId }) => {
      // One document per worker: the engine's native memory grows with each image it reads and is only
      // given back when the thread ends (measured in bench/README.md). A file that failed stays unread
      // and is not retried here (read: 0 ends the loop).
      const context = await ctx.workspace();
      for (let left = Infinity; left > 0;) {
        const outcome = await runJob({ kind: 'read', dir, context, options: { limit: 1 } });
        left = outcome.read === 0 ? 0 : outcome.remaining;
      }
      const view = await ctx.view(await openProject(dir));
      const readings = await loadReadings(view.dir, view.doc.materials);
      const offers = formOffers(
        materialId,
        view.doc.materials[materialId],
        view.doc.fields,
        view.rulePack.fields,
        readings,
      );
      return { view, offers };
    },
  };
  return handlers;
}
