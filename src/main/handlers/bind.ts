/**
 * Binding runs as a job: `bind:start` returns at once with a job id, the UI polls `bind:status` for
 * progress (works the same over Electron IPC and the e2e bridge), and `bind:cancel` aborts it. The
 * bind itself runs in a worker thread (src/core/jobs), so main keeps answering `bind:status` while
 * pdf-lib copies and saves pages.
 */
import { randomUUID } from 'node:crypto';
import type { HandlerContext, Handler } from './types';
import type { BindJob } from '../../shared/ipc';
import { packetPathIn } from '../../core/workspace';
import { runJob } from '../../core/jobs/run';
import { formatError, UserError } from '../../core/errors';

interface Job {
  job: BindJob;
  controller: AbortController;
}

export function bindHandlers(ctx: HandlerContext) {
  const jobs = new Map<string, Job>();

  function get(jobId: string): Job {
    const job = jobs.get(jobId);
    if (!job) throw new UserError('job.unknown', { jobId });
    return job;
  }

  const handlers: {
    'bind:start': Handler<'bind:start'>;
    'bind:status': Handler<'bind:status'>;
    'bind:cancel': Handler<'bind:cancel'>;
  } = {
    'bind:start': async ({ dir, output, allowIncomplete }) => {
      // A bad packet name is refused before any job exists.
      const packet = output === undefined ? undefined : packetPathIn(dir, output);
      const jobId = randomUUID();
      const entry: Job = { job: { jobId, state: 'running' }, controller: new AbortController() };
      jobs.set(jobId, entry);
      const workspace = await ctx.workspace();
      runJob(
        { kind: 'bind', dir, context: workspace, options: { output: packet, allowIncomplete } },
        {
          signal: entry.controller.signal,
          onProgress: (progress) => {
            entry.job = { ...entry.job, progress };
          },
        },
      ).then(
        (outcome) => {
          if (entry.job.state === 'cancelled') return;
          entry.job =
            outcome.kind === 'written'
              ? { ...entry.job, state: 'done', result: outcome.result }
              : { ...entry.job, state: 'failed', error: new UserError('job.incomplete').format(workspace.locale) };
        },
        (error: unknown) => {
          if (entry.job.state === 'cancelled') return;
          entry.job = { ...entry.job, state: 'failed', error: formatError(error, workspace.locale) };
        },
      );
      return entry.job;
    },
    'bind:status': async ({ jobId }) => get(jobId).job,
    'bind:cancel': async ({ jobId }) => {
      const entry = get(jobId);
      if (entry.job.state === 'running') {
        entry.controller.abort();
        entry.job = { ...entry.job, state: 'cancelled' };
      }
      return entry.job;
    },
  };
  return handlers;
}
