/**
 * Binding runs as a job (see jobs.ts): `bind:start` returns at once with a job id, the UI polls
 * `bind:status` for progress, and `bind:cancel` stops it. The bind itself runs in a worker thread
 * (src/core/jobs), so main keeps answering `bind:status` while pdf-lib copies and saves pages.
 */
import type { HandlerContext, Handler } from './types';
import type { BindResult } from '../../core/model/schemas/bind-options';
import { packetPathIn } from '../../core/workspace/workspace';
import { runJob } from '../../core/jobs/run';
import { UserError } from '../../core/errors';
import { createJobTable } from './jobs';

export function bindHandlers(ctx: HandlerContext) {
  const jobs = createJobTable<BindResult>('bind');

  const handlers: {
    'bind:start': Handler<'bind:start'>;
    'bind:status': Handler<'bind:status'>;
    'bind:cancel': Handler<'bind:cancel'>;
  } = {
    'bind:start': async ({ dir, output, allowIncomplete }) => {
      // A bad packet name is refused before any job exists.
      const packet = output === undefined ? undefined : packetPathIn(dir, output);
      const workspace = await ctx.workspace();
      return jobs.start(async (controls) => {
        // The photos being prepared right now are the bind's to copy, not to decode a second time.
        controls.onProgress({ phase: 'prepare', done: 0, total: 1 });
        // At most a few minutes: a prepare worker that hangs must not hold the bind (it then only costs time).
        await waitUntil(ctx.preparer.settled(dir), controls.signal, PREPARE_WAIT_MS);
        if (controls.signal.aborted) throw new UserError('bind.cancelled');
        const outcome = await runJob(
          { kind: 'bind', dir, context: workspace, options: { output: packet, allowIncomplete } },
          controls,
        );
        if (outcome.kind !== 'written') throw new UserError('job.incomplete');
        return outcome.result;
      }, workspace.locale);
    },
    'bind:status': async ({ jobId }) => jobs.status(jobId),
    'bind:cancel': ({ jobId }) => jobs.cancel(jobId),
  };
  return handlers;
}

const PREPARE_WAIT_MS = 3 * 60_000;

/** Resolves when `done` does, `signal` aborts or `ms` pass, whichever is first; leaves no timer or listener. */
async function waitUntil(done: Promise<void>, signal: AbortSignal, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  try {
    await Promise.race([
      done,
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, ms);
        onAbort = resolve;
        signal.addEventListener('abort', onAbort, { once: true });
      }),
    ]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}
