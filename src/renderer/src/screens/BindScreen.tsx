/**
 * Binding, leading with the action: what the packet is for (网上提交 / 打印成册), the bind button (and,
 * when it is off, why, next to it), progress, and the packet just bound or the last one still on disk
 * with its pages drawn in the app. Below: what the check says, 高级选项 (saved with the project),
 * submissions, other outputs, the licence and the history.
 */
import { useEffect, useState } from 'react';
import type { ProjectView, Settings } from '../../../shared/ipc';
import type { BindOptions } from '../../../core/model/schemas/bind-options';
import { selectMaterials } from '../../../core/model/packet/select';
// The same fingerprint main records with each packet, so both sides agree on what changed.
import { bindFingerprint } from '../../../core/model/packet/fingerprint';
import { call } from '../lib/api';
import { useT } from '../lib/i18n';
import { useRun } from '../lib/run';
import { useJob } from '../lib/job';
import { JobProgress } from '../components/JobProgress';
import { StatusBadge } from '../components/Status';
import { BindCheck, openItemCount } from '../components/BindCheck';
import { BindOptionsForm, effectiveBindOptions, type BindDefaults } from '../components/BindOptionsForm';
import { BindPresets } from '../components/BindPresets';
import { PacketPreview } from '../components/PacketPreview';
import { OutputActions } from '../components/OutputActions';
import { LicenceCard } from '../components/LicenceCard';
import { PacketHistory, PacketSummary, type PacketFile } from '../components/Packets';
import { SAMPLE_TOTAL } from '../components/TemplatePreview';
import { Submissions } from '../components/Submissions';

type Props = {
  view: ProjectView;
  settings: Settings;
  onView: (view: ProjectView) => void;
  onJump: (step: number) => void;
};

export function BindScreen({ view, settings, onView, onJump }: Props) {
  const t = useT();
  const run = useRun();
  const [allowIncomplete, setAllowIncomplete] = useState(false);
  const [packets, setPackets] = useState<PacketFile[]>([]);
  const { job, running, cancelling, start, cancel } = useJob(
    {
      status: (jobId) => call('bind:status', { jobId }),
      cancel: (jobId) => call('bind:cancel', { jobId }),
    },
    async (ended) => {
      if (ended.state !== 'done') return;
      const fresh = await run(() => call('project:open', { dir: view.dir }));
      if (fresh) onView(fresh);
    },
  );
  const complete = view.report.complete;
  const history = view.doc.history;
  const nothing = selectMaterials(view.doc, view.rulePack, view.report).length === 0;

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

  const saveOptions = async (options: Partial<BindOptions>) => {
    const next = await run(() => call('project:setBindOptions', { dir: view.dir, options }));
    if (next) onView(next);
  };

  const progress = job?.progress;
  // On a later visit the last packet is offered again, if its file is still the one bound.
  const last = packets.at(-1);
  const lastOnDisk = last?.state === 'present' && last.at === latest ? last : undefined;
  const bound = history.length > 0 || job?.state === 'done';
  // Bound before the project last changed (in what binding reads): still offered, but said to be old.
  const boundFrom = history.at(-1)?.source;
  const stale = boundFrom !== undefined && boundFrom !== bindFingerprint(view.doc);

  const defaults: BindDefaults = {
    dpi: settings.defaultDpi,
    pageNumberFormat: settings.pageNumberFormat,
    watermarkText: settings.watermarkTemplate,
  };
  // Why the bind button is off, said next to it (a tooltip alone is missed, and never read out).
  const why = running
    ? t('ui.bind.why.running')
    : nothing
      ? t('ui.bind.nothingYet')
      : !complete && !allowIncomplete
        ? t('ui.bind.why.incomplete', { count: openItemCount(view) })
        : null;
  const shownPacket =
    job?.state === 'done' && job.result
      ? { packet: job.result, version: job.jobId, heading: stale ? t('ui.bind.lastPacketStale') : undefined }
      : !running && lastOnDisk
        ? {
            packet: lastOnDisk,
            version: lastOnDisk.at,
            heading: t(stale ? 'ui.bind.lastPacketStale' : 'ui.bind.lastPacket'),
          }
        : undefined;

  return (
    <main className="bind" aria-labelledby="bind-title">
      <h1 id="bind-title">{t('ui.bind.title')}</h1>
      <p className="intro">{t('ui.bind.intro')}</p>

      <section className="card bind-lead" aria-labelledby="bind-run">
        <h2 id="bind-run" className="visually-hidden">
          {t('ui.bind.progress')}
        </h2>
        <BindPresets
          options={effectiveBindOptions(view, defaults)}
          disabled={running}
          onSave={(o) => void saveOptions(o)}
        />
        {(view.doc.submissions?.length ?? 0) > 0 && (
          <label className="changes-page-switch">
            <input
              type="checkbox"
              checked={view.doc.bindOptions.changesPage ?? false}
              disabled={running}
              onChange={(e) => void saveOptions({ changesPage: e.target.checked })}
            />{' '}
            {t('ui.submissions.changesPage')}
          </label>
        )}
        <div className="bind-actions">
          <button
            type="button"
            className="primary big"
            disabled={why !== null}
            aria-describedby={why !== null ? 'bind-why' : undefined}
            onClick={() =>
              void start(() => call('bind:start', { dir: view.dir, allowIncomplete: !complete && allowIncomplete }))
            }
          >
            {bound ? t('ui.bind.again') : t('ui.bind.start')}
          </button>
          {running && (
            <button type="button" disabled={cancelling} onClick={() => void cancel()}>
              {cancelling ? t('ui.job.cancelling') : t('ui.bind.cancel')}
            </button>
          )}
          {why !== null && !running && (
            <p className="disabled-reason" id="bind-why" data-testid="bind-why">
              {why}
            </p>
          )}
        </div>
        {!complete && !nothing && (
          <label className="choice">
            <input
              type="checkbox"
              checked={allowIncomplete}
              disabled={running}
              onChange={(e) => setAllowIncomplete(e.target.checked)}
            />
            {t('ui.bind.allowIncomplete')}
          </label>
        )}
        {job && (
          <JobProgress
            job={job}
            label={t('ui.bind.progress')}
            running={
              progress
                ? t('ui.bind.progressText', {
                    phase: t(`ui.bind.phase.${progress.phase}`),
                    done: progress.done,
                    total: progress.total,
                  })
                : t('ui.bind.phase.prepare')
            }
            done={
              <>
                <StatusBadge status="ok" /> {t('ui.bind.done')}
              </>
            }
            cancelled={t('ui.bind.cancelled')}
            failed={t('ui.bind.failed', { error: job.error ?? '' })}
          />
        )}
        {!running && stale && (job?.state === 'done' || lastOnDisk) && (
          <p className="problem problem-warning" data-testid="packet-stale">
            <span aria-hidden="true" className="problem-icon">
              !
            </span>
            {t('ui.bind.stale')}
          </p>
        )}
        {shownPacket && (
          <>
            <PacketSummary packet={shownPacket.packet} heading={shownPacket.heading} />
            <PacketPreview output={shownPacket.packet.output} version={shownPacket.version} />
          </>
        )}
      </section>

      <BindCheck view={view} onJump={onJump} />

      <BindOptionsForm
        view={view}
        defaults={defaults}
        sampleTotal={(!stale && history.at(-1)?.pages) || SAMPLE_TOTAL}
        disabled={running}
        onSave={saveOptions}
      />

      <Submissions view={view} onView={onView} canSubmit={!running && history.length > 0 && !stale} />

      <OutputActions view={view} />

      <LicenceCard view={view} onView={onView} />

      <PacketHistory packets={packets} />
    </main>
  );
}
