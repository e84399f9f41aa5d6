/** Binding: options (saved with the project), start / progress / cancel, and the result. */
import { ProgressBar } from '../components/ProgressBar';
import { useEffect, useRef, useState } from 'react';
import type { BindJob, ProjectView, Settings } from '../../../shared/ipc';
import type { BindOptions } from '../../../core/bind/options';
import { call } from '../api';
import { useT } from '../i18n';
import { useRun } from '../run';
import { basename, formatDateTime, formatSize } from '../format';
import { StatusBadge } from '../components/Status';
import { needsWork, openItems, projectSteps, stepStatus, stepTitle } from '../steps';
import { BindOptionsForm } from '../components/BindOptionsForm';
import { OutputActions } from '../components/OutputActions';
import { LicenceCard } from '../components/LicenceCard';

type Props = {
  view: ProjectView;
  settings: Settings;
  onView: (view: ProjectView) => void;
  onJump: (step: number) => void;
};

const POLL_MS = 250;

export function BindScreen({ view, settings, onView, onJump }: Props) {
  const t = useT();
  const run = useRun();
  const [allowIncomplete, setAllowIncomplete] = useState(false);
  const [job, setJob] = useState<BindJob | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const complete = view.report.complete;
  const open = openItems(view);
  const running = job?.state === 'running';

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const poll = (jobId: string) => {
    timer.current = window.setTimeout(async () => {
      const next = await run(() => call('bind:status', { jobId }));
      if (!next) return;
      setJob(next);
      if (next.state === 'running') poll(jobId);
      else if (next.state === 'done') {
        const fresh = await run(() => call('project:open', { dir: view.dir }));
        if (fresh) onView(fresh);
      }
    }, POLL_MS);
  };
  const start = async () => {
    const started = await run(() =>
      call('bind:start', { dir: view.dir, allowIncomplete: !complete && allowIncomplete }),
    );
    if (!started) return;
    setJob(started);
    if (started.state === 'running') poll(started.jobId);
  };
  const cancel = async () => {
    if (!job) return;
    window.clearTimeout(timer.current);
    const next = await run(() => call('bind:cancel', { jobId: job.jobId }));
    if (next) setJob(next);
  };
  const saveOptions = async (options: Partial<BindOptions>) => {
    const next = await run(() => call('project:setBindOptions', { dir: view.dir, options }));
    if (next) onView(next);
  };

  const steps = projectSteps(view);
  const todo = steps.map((step, index) => ({ step, index })).filter(({ step }) => needsWork(stepStatus(view, step)));
  const progress = job?.progress;
  const percent =
    job?.state === 'done'
      ? 100
      : progress && progress.total > 0
        ? Math.min(100, Math.round((progress.done / progress.total) * 100))
        : 0;

  return (
    <main className="bind" aria-labelledby="bind-title">
      <h1 id="bind-title">{t('ui.bind.title')}</h1>
      <p className="intro">{t('ui.bind.intro')}</p>

      <section className={`card ${complete ? 'ready' : 'incomplete'}`} aria-labelledby="bind-check">
        <h2 id="bind-check">
          <StatusBadge status={complete ? 'ok' : 'missing'} />{' '}
          {complete ? t('ui.bind.ready') : t('ui.bind.incomplete', { count: open })}
        </h2>
        {!complete && (
          <>
            <ul className="todo">
              {todo.map(({ step, index }) => {
                const title = stepTitle(view, step, t);
                return (
                  <li key={index}>
                    <button type="button" className="link" onClick={() => onJump(index)}>
                      {title}
                    </button>{' '}
                    <StatusBadge status={stepStatus(view, step)} />
                  </li>
                );
              })}
            </ul>
            <p className="help-text">{t('ui.bind.incompleteHelp')}</p>
            <label className="choice">
              <input type="checkbox" checked={allowIncomplete} onChange={(e) => setAllowIncomplete(e.target.checked)} />
              {t('ui.bind.allowIncomplete')}
            </label>
          </>
        )}
      </section>

      <section className="card" aria-labelledby="bind-run">
        <h2 id="bind-run" className="visually-hidden">
          {t('ui.bind.progress')}
        </h2>
        <div className="bind-actions">
          <button
            type="button"
            className="primary big"
            disabled={running || (!complete && !allowIncomplete)}
            onClick={() => void start()}
          >
            {t('ui.bind.start')}
          </button>
          {running && (
            <button type="button" onClick={() => void cancel()}>
              {t('ui.bind.cancel')}
            </button>
          )}
        </div>
        {job && (
          <div className="bind-progress">
            <ProgressBar label={t('ui.bind.progress')} percent={percent} />
            <p role="status" className="status-line">
              {job.state === 'running' &&
                progress &&
                t('ui.bind.progressText', {
                  phase: t(`ui.bind.phase.${progress.phase}`),
                  done: progress.done,
                  total: progress.total,
                })}
              {job.state === 'done' && <StatusBadge status="ok" />} {job.state === 'done' && t('ui.bind.done')}
              {job.state === 'cancelled' && t('ui.bind.cancelled')}
            </p>
            {job.state === 'failed' && (
              <p role="alert" className="problem problem-error">
                {t('ui.bind.failed', { error: job.error ?? '' })}
              </p>
            )}
          </div>
        )}
        {job?.state === 'done' && job.result && <BindResultView result={job.result} />}
      </section>

      <OutputActions dir={view.dir} />

      <BindOptionsForm
        options={view.doc.bindOptions}
        defaults={{
          dpi: settings.defaultDpi,
          pageNumberFormat: settings.pageNumberFormat,
          watermarkText: settings.watermarkTemplate,
        }}
        disabled={running}
        onSave={saveOptions}
      />

      <LicenceCard view={view} onView={onView} />

      {view.doc.history.length > 0 && (
        <section className="card" aria-labelledby="bind-history">
          <h2 id="bind-history">{t('ui.bind.history')}</h2>
          <ul className="history">
            {[...view.doc.history].reverse().map((record) => (
              <li key={`${record.at}-${record.sha256}`}>
                <span className="mono">{basename(record.output)}</span> ·{' '}
                {t('ui.bind.historyItem', {
                  at: formatDateTime(record.at),
                  pages: record.pages,
                  size: formatSize(record.bytes, t),
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}

function BindResultView({ result }: { result: NonNullable<BindJob['result']> }) {
  const t = useT();
  const run = useRun();
  return (
    <div className="bind-result">
      <dl>
        <dt>{t('ui.bind.resultPages')}</dt>
        <dd data-testid="result-pages">{result.pages}</dd>
        <dt>{t('ui.bind.resultSize')}</dt>
        <dd>{formatSize(result.bytes, t)}</dd>
        <dt>{t('ui.bind.resultFile')}</dt>
        <dd className="mono" data-testid="result-file">
          {result.output}
        </dd>
      </dl>
      {result.warnings.length > 0 && (
        <>
          <h3>{t('ui.bind.warnings')}</h3>
          <ul className="problems">
            {result.warnings.map((warning) => (
              <li key={warning} className="problem problem-warning">
                <span aria-hidden="true" className="problem-icon">
                  !
                </span>
                {warning}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="bind-actions">
        <button
          type="button"
          className="primary"
          onClick={() => void run(() => call('shell:openPath', { path: result.output }))}
        >
          {t('ui.bind.open')}
        </button>
        <button type="button" onClick={() => void run(() => call('shell:showInFolder', { path: result.output }))}>
          {t('ui.bind.showInFolder')}
        </button>
        <button type="button" onClick={() => void run(() => call('shell:print', { path: result.output }))}>
          {t('ui.bind.print')}
        </button>
      </div>
    </div>
  );
}
