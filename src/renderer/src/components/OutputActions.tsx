/**
 * The bind screen's other outputs: the per-file export for upload portals (a zip within the pack's
 * size caps) and the 补正清单 (what is still missing or wrong), each written to the project's out/
 * folder, shown with its path and the actions that fit it. The export renders and shrinks every page,
 * which can take a while: it runs as a job, with the material being exported and a cancel button.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { ExportJob, ProjectView, Reply } from '../../../shared/ipc';
// The export's own choice of materials, so the button is off exactly when the export has nothing.
import { selectMaterials } from '../../../core/model/packet/select';
import { call } from '../lib/api';
import { useT } from '../lib/i18n';
import { useRun } from '../lib/run';
import { formatSize } from '../lib/format';
import { StatusBadge } from './Status';
import { JobProgress } from './JobProgress';
import { useJob } from '../lib/job';

type Correction = Reply<'output:correctionList'>;

export function OutputActions({ view }: { view: ProjectView }) {
  const t = useT();
  const dir = view.dir;
  const nothing = selectMaterials(view.doc, view.rulePack, view.report).length === 0;
  const run = useRun();
  const [busy, setBusy] = useState<'correction' | null>(null);
  const [correction, setCorrection] = useState<Correction | null>(null);
  const exportJob = useJob({
    status: (jobId) => call('export:status', { jobId }),
    cancel: (jobId) => call('export:cancel', { jobId }),
  });
  const job = exportJob.job;
  const exported = job?.state === 'done' ? job.result : undefined;
  const exporting = exportJob.running;
  const exportHeading = useRef<HTMLHeadingElement>(null);
  const correctionHeading = useRef<HTMLHeadingElement>(null);
  useReveal(exportHeading, exported ? job?.jobId : undefined);
  useReveal(correctionHeading, correction);

  const doCorrection = async () => {
    setBusy('correction');
    const result = await run(() => call('output:correctionList', { dir }));
    setBusy(null);
    if (result) setCorrection(result);
  };

  return (
    <section className="card" aria-labelledby="outputs-title">
      <h2 id="outputs-title">{t('ui.output.title')}</h2>
      <p className="help-text">{t('ui.output.intro')}</p>
      <div className="bind-actions">
        <button
          type="button"
          disabled={busy !== null || exporting || nothing}
          aria-describedby={nothing ? 'export-nothing' : undefined}
          onClick={() => void exportJob.start(() => call('export:start', { dir }))}
        >
          {t('ui.output.export')}
        </button>
        {exporting && (
          <button type="button" disabled={exportJob.cancelling} onClick={() => void exportJob.cancel()}>
            {exportJob.cancelling ? t('ui.job.cancelling') : t('ui.export.cancel')}
          </button>
        )}
        <button type="button" disabled={busy !== null || exporting} onClick={() => void doCorrection()}>
          {t('ui.output.correction')}
        </button>
      </div>
      {nothing && (
        <p className="help-text" id="export-nothing">
          {t('ui.output.exportNothing')}
        </p>
      )}
      {/* Once done, the result below says so, with the files. */}
      {job && job.state !== 'done' && (
        <JobProgress
          job={job}
          label={t('ui.export.progress')}
          running={exportStatus(job, t)}
          cancelled={t('ui.export.cancelled')}
          failed={t('ui.export.failed', { error: job.error ?? '' })}
        />
      )}
      <p role="status" className="status-line">
        {busy === 'correction' && t('ui.output.correcting')}
      </p>
      {exported && (
        <div className="output-result" data-testid="export-result">
          <h3 ref={exportHeading} tabIndex={-1}>
            <StatusBadge status="ok" /> {t('ui.output.exported', { count: exported.files.length })}
          </h3>
          <p className="mono">{exported.output}</p>
          <ul className="export-files" aria-label={t('ui.output.exportFiles')}>
            {exported.files.map((file) => (
              <li key={file.name}>
                <span className="mono">{file.name}</span> · {formatSize(file.bytes, t)}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void run(() => call('shell:showInFolder', { path: exported.output }))}>
            {t('ui.bind.showInFolder')}
          </button>
        </div>
      )}
      {correction && (
        <div className="output-result" data-testid="correction-result">
          <h3 ref={correctionHeading} tabIndex={-1}>
            <StatusBadge status="ok" /> {t('ui.output.corrected', { pages: correction.pages })}
          </h3>
          <p className="mono">{correction.output}</p>
          <div className="bind-actions">
            <button type="button" onClick={() => void run(() => call('shell:print', { path: correction.output }))}>
              {t('ui.output.printCorrection')}
            </button>
            <button type="button" onClick={() => void run(() => call('shell:openPath', { path: correction.output }))}>
              {t('ui.bind.open')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/**
 * A result appears at the bottom of the screen, often below the fold: bring it into view and put
 * focus on its heading, so the click visibly did something and screen readers read the outcome.
 */
function useReveal(heading: RefObject<HTMLHeadingElement | null>, key: unknown) {
  useEffect(() => {
    const element = heading.current;
    if (!key || !element) return;
    element.focus({ preventScroll: true });
    (element.parentElement ?? element).scrollIntoView({ block: 'nearest' });
  }, [heading, key]);
}

/** What the export is doing: the material being exported (n of total), or writing the zip. */
function exportStatus(job: ExportJob, t: ReturnType<typeof useT>): string {
  const progress = job.progress;
  if (progress?.phase === 'materials') {
    return t('ui.export.material', {
      material: progress.label ?? '',
      n: Math.min(progress.done + 1, progress.total),
      total: progress.total,
    });
  }
  if (progress?.phase === 'write' || progress?.phase === 'done') return t('ui.export.write');
  return t('ui.export.preparing');
}
