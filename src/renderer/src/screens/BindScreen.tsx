/**
 * Binding: what the check says, the options (saved with the project), start / progress / cancel, the
 * packet just bound or the last one still on disk, other outputs, and the history.
 */
import { ProgressBar } from '../components/ProgressBar';
import { useEffect, useRef, useState } from 'react';
import type { BindJob, ProjectView, Settings } from '../../../shared/ipc';
import type { BindOptions } from '../../../core/bind/options';
import { selectMaterials } from '../../../core/bind/select';
import { call } from '../api';
import { useT } from '../i18n';
import { useRun } from '../run';
import { StatusBadge } from '../components/Status';
import { BindCheck } from '../components/BindCheck';
import { BindOptionsForm } from '../components/BindOptionsForm';
import { OutputActions } from '../components/OutputActions';
import { LicenceCard } from '../components/LicenceCard';
import { PacketHistory, PacketSummary, type PacketFile } from '../components/Packets';
import { SAMPLE_TOTAL } from '../components/TemplatePreview';

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
  const [packets, setPackets] = useState<PacketFile[]>([]);
  const timer = useRef<number | undefined>(undefined);
  const complete = view.report.complete;
  const running = job?.state === 'running';
  const history = view.doc.history;
  const nothing = selectMaterials(view.doc, view.rulePack, view.report).length === 0;

  useEffect(() => () => window.clearTimeout(timer.current), []);
  // Which packets are still on disk: asked again whenever a bind adds one to the history.
  const latest = history.at(-1)?.at;
  useEffect(() => {
    let current = true;
    void run(() => call('output:packets', { dir: view.dir })).then((next) => {
      if (current && next) setPackets(next);
    });
    return () => {
      current = false;
    };
  }, [run, view.dir, latest]);

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

  const progress = job?.progress;
  const percent =
    job?.state === 'done'
      ? 100
      : progress && progress.total > 0
        ? Math.min(100, Math.round((progress.done / progress.total) * 100))
        : 0;
  // On a later visit the last packet is offered again, if its file is still the one bound.
  const last = packets.at(-1);
  const lastOnDisk = last?.state === 'present' && last.at === latest ? last : undefined;
  const bound = history.length > 0 || job?.state === 'done';

  return (
    <main className="bind" aria-labelledby="bind-title">
      <h1 id="bind-title">{t('ui.bind.title')}</h1>
      <p className="intro">{t('ui.bind.intro')}</p>

      <BindCheck view={view} allowIncomplete={allowIncomplete} onAllowIncomplete={setAllowIncomplete} onJump={onJump} />

      <BindOptionsForm
        view={view}
        defaults={{
          dpi: settings.defaultDpi,
          pageNumberFormat: settings.pageNumberFormat,
          watermarkText: settings.watermarkTemplate,
        }}
        sampleTotal={history.at(-1)?.pages ?? SAMPLE_TOTAL}
        initiallyOpen={history.length === 0}
        disabled={running}
        onSave={saveOptions}
      />

      <section className="card" aria-labelledby="bind-run">
        <h2 id="bind-run" className="visually-hidden">
          {t('ui.bind.progress')}
        </h2>
        <div className="bind-actions">
          <button
            type="button"
            className="primary big"
            disabled={running || nothing || (!complete && !allowIncomplete)}
            aria-describedby={nothing ? 'bind-nothing' : undefined}
            onClick={() => void start()}
          >
            {bound ? t('ui.bind.again') : t('ui.bind.start')}
          </button>
          {running && (
            <button type="button" onClick={() => void cancel()}>
              {t('ui.bind.cancel')}
            </button>
          )}
        </div>
        {nothing && (
          <p className="help-text" id="bind-nothing">
            {t('ui.bind.nothingYet')}
          </p>
        )}
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
        {job?.state === 'done' && job.result ? (
          <PacketSummary packet={job.result} />
        ) : (
          !running && lastOnDisk && <PacketSummary packet={lastOnDisk} heading={t('ui.bind.lastPacket')} />
        )}
      </section>

      <OutputActions view={view} />

      <LicenceCard view={view} onView={onView} />

      <PacketHistory packets={packets} />
    </main>
  );
}
