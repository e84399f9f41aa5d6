/** A job's bar and status line (binding, the per-file export), with its failure as an alert. */
import type { ReactNode } from 'react';
import { ProgressBar } from './ProgressBar';
import { jobPercent, type JobLike } from '../lib/job';

type Props = {
  job: JobLike;
  /** The bar's accessible name. */
  label: string;
  /** The status line while the job runs, and once it is done or cancelled. */
  running: string;
  done?: ReactNode;
  cancelled: string;
  /** The line shown as an alert when the job failed (job.error is in it). */
  failed: string;
};

export function JobProgress({ job, label, running, done, cancelled, failed }: Props) {
  return (
    <div className="bind-progress">
      <ProgressBar label={label} percent={jobPercent(job)} />
      <p role="status" className="status-line">
        {job.state === 'running' && running}
        {job.state === 'done' && done}
        {job.state === 'cancelled' && cancelled}
      </p>
      {job.state === 'failed' && (
        <p role="alert" className="problem problem-error">
          {failed}
        </p>
      )}
    </div>
  );
}
