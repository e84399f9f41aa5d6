/**
 * A long job as a screen follows it (binding, the per-file export): `start` gets the job at once, its
 * status is polled until it ends, and `cancel` waits for the job's own reply that it has stopped.
 */
import { useEffect, useRef, useState } from 'react';
import type { BindJob } from '../../../shared/ipc';
import { useRun } from './run';

const POLL_MS = 250;

export type JobLike = Pick<BindJob, 'jobId' | 'state' | 'progress' | 'error'>;

export interface JobChannels<J> {
  status(jobId: string): Promise<J>;
  cancel(jobId: string): Promise<J>;
}

export function useJob<J extends JobLike>(channels: JobChannels<J>, onEnd?: (job: J) => void | Promise<void>) {
  const run = useRun();
  const [job, setJob] = useState<J | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  // A reply to a poll sent before a cancel (or a new start) must not overwrite what came after it.
  const generation = useRef(0);
  const latest = useRef({ channels, onEnd });
  latest.current = { channels, onEnd };
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const follow = (next: J, gen: number) => {
    if (gen !== generation.current) return;
    setJob(next);
    if (next.state !== 'running') {
      void latest.current.onEnd?.(next);
      return;
    }
    timer.current = window.setTimeout(async () => {
      const polled = await run(() => latest.current.channels.status(next.jobId));
      if (polled) follow(polled, gen);
    }, POLL_MS);
  };

  const start = async (begin: () => Promise<J>) => {
    const started = await run(begin);
    if (started) follow(started, ++generation.current);
  };

  const cancel = async () => {
    if (job?.state !== 'running') return;
    const gen = ++generation.current;
    window.clearTimeout(timer.current);
    setCancelling(true);
    const next = await run(() => latest.current.channels.cancel(job.jobId));
    setCancelling(false);
    // A cancel that failed leaves the job running: keep following it.
    follow(next ?? job, gen);
  };

  return { job, running: job?.state === 'running', cancelling, start, cancel };
}

/**
 * How far along a job is, for its bar: the materials fill most of it, the short steps after them
 * (cover and 目录, writing the file) the rest, so the bar never goes back.
 */
export function jobPercent(job: JobLike): number {
  const progress = job.progress;
  if (job.state === 'done' || progress?.phase === 'done') return 100;
  switch (progress?.phase) {
    case 'materials':
      return Math.round((90 * Math.min(progress.done, progress.total)) / Math.max(1, progress.total));
    case 'front-matter':
      return 92;
    case 'write':
      return 96;
    default:
      return 0;
  }
}
