/**
 * Bound packets on the bind screen: the one just bound or, on a later visit, the last one still on
 * disk (pages, size, where, and open / show in folder / print), and the history, whose packets that
 * are still there can be opened again.
 */
import type { Reply } from '../../../shared/ipc';
import { call } from '../lib/api';
import { useT } from '../lib/i18n';
import { useRun } from '../lib/run';
import { basename, formatDateTime, formatSize } from '../lib/format';

export type PacketFile = Reply<'output:packets'>[number];

type Summary = { output: string; pages: number; bytes: number; at?: string; warnings?: string[] };

export function PacketSummary({ packet, heading }: { packet: Summary; heading?: string }) {
  const t = useT();
  const run = useRun();
  const { output } = packet;
  return (
    <div className="bind-result">
      {heading && <h3>{heading}</h3>}
      <dl>
        {packet.at && (
          <>
            <dt>{t('ui.bind.resultAt')}</dt>
            <dd>{formatDateTime(packet.at)}</dd>
          </>
        )}
        <dt>{t('ui.bind.resultPages')}</dt>
        <dd data-testid="result-pages">{packet.pages}</dd>
        <dt>{t('ui.bind.resultSize')}</dt>
        <dd>{formatSize(packet.bytes, t)}</dd>
        <dt>{t('ui.bind.resultFile')}</dt>
        <dd className="mono" data-testid="result-file">
          {output}
        </dd>
      </dl>
      {packet.warnings && packet.warnings.length > 0 && (
        <>
          <h3>{t('ui.bind.warnings')}</h3>
          <ul className="problems">
            {packet.warnings.map((warning) => (
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
          onClick={() => void run(() => call('shell:openPath', { path: output }))}
        >
          {t('ui.bind.open')}
        </button>
        <button type="button" onClick={() => void run(() => call('shell:showInFolder', { path: output }))}>
          {t('ui.bind.showInFolder')}
        </button>
        <button
          type="button"
          data-command="print"
          onClick={() => void run(() => call('shell:print', { path: output }))}
        >
          {t('ui.bind.print')}
        </button>
      </div>
    </div>
  );
}

/** The history, newest first; a packet still on disk opens from its row. */
export function PacketHistory({ packets }: { packets: PacketFile[] }) {
  const t = useT();
  const run = useRun();
  if (packets.length === 0) return null;
  return (
    <section className="card" aria-labelledby="bind-history">
      <h2 id="bind-history">{t('ui.bind.history')}</h2>
      <ul className="history">
        {[...packets].reverse().map((packet) => {
          const name = basename(packet.output);
          return (
            <li key={`${packet.at}-${packet.sha256}`}>
              <span className="mono">{name}</span> ·{' '}
              {t('ui.bind.historyItem', {
                at: formatDateTime(packet.at),
                pages: packet.pages,
                size: formatSize(packet.bytes, t),
              })}{' '}
              {packet.state === 'present' ? (
                <button
                  type="button"
                  className="link"
                  aria-label={t('ui.bind.historyOpen', { file: name, at: formatDateTime(packet.at) })}
                  onClick={() => void run(() => call('shell:openPath', { path: packet.output }))}
                >
                  {t('ui.bind.historyOpenShort')}
                </button>
              ) : (
                <span className="history-gone">{t(`ui.bind.packet.${packet.state}`)}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
