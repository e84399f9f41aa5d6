/**
 * The job table behind binding and the per-file export: `start` returns at once with a job id, the UI
 * polls `status` for progress (the same over Electron IPC and the e2e bridge), and `cancel` stops the
 * job. The work itself runs in a worker thread (src/core/jobs), so main keeps answering meanwhile.
 */
import { randomUUID } from 'node:crypto';
import type { Locale } from '../../i18n';
import type { BindProgress } from '../../core/model/schemas/bind-options';
import { formatError, UserError } from '../../core/errors';

export interface JobView<R> {
  jobId: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  progress?: BindProgress;
  result?: R;
  error?: string;
}

/** What a job's work is given: the signal that asks it to stop, and where it reports progress. */
export interface JobControls {
  signal: AbortSignal;
  onProgress: (progress: BindProgress) => void;
}

/** The message for a job id the table does not know, per kind (the user is told what to start again). */
const UNKNOWN_JOB = { bind: 'job.unknown', export: 'export.jobUnknown' } as const;
export type JobTableKind = keyof typeof UNKNOWN_JOB;

export interface JobTable<R> {
  /** Start `work`; a failure is kept as one line in `locale`. */
  start(work: (controls: JobControls) => Promise<R>, locale: Locale): JobView<R>;
  status(jobId: string): JobView<R>;
  /**
   * Ask a running job to stop and reply once it has: `cancelled` then means nothing was written
   * (the job's temp-then-rename write was abandoned); a job that finished first stays `done`.
   */
  cancel(jobId: string): Promise<JobView<R>>;
}

interface Entry<R> {
  job: JobView<R>;
  controller: AbortController;
  ended: Promise<void>;
}

/** One table per kind of job, so an id from one kind is unknown to the other's channels. */
export function createJobTable<R>(kind: JobTableKind): JobTable<R> {
  const jobs = new Map<string, Entry<R>>();

  function get(jobId: string): Entry<R> {
    const entry = jobs.get(jobId);
    if (!entry) throw new UserError(UNKNOWN_JOB[kind], { jobId });
    return entry;
  }

  return {
    start(work, locale) {
      const jobId = randomUUID();
      const controller = new AbortController();
      const entry: Entry<R> = { job: { jobId, state: 'running' }, controller, ended: Promise.resolve() };
      const update = (patch: Partial<JobView<R>>) => {
        entry.job = { ...entry.job, ...patch };
      };
      entry.ended = work({ signal: controller.signal, onProgress: (progress) => update({ progress }) }).then(
        (result) => update({ state: 'done', result }),
        // Once cancel was asked, however the job ended without a result is the cancel the user chose.
        (error: unknown) =>
          update(
            controller.signal.aborted ? { state: 'cancelled' } : { state: 'failed', error: formatError(error, locale) },
          ),
      );
      jobs.set(jobId, entry);
      return entry.job;
    },
    status: (jobId) => get(jobId).job,
    async cancel(jobId) {
      const entry = get(jobId);
      if (entry.job.state === 'running') {
        entry.controller.abort();
        await entry.ended;
      }
      return entry.job;
    },
  };
}
