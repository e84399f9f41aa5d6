/**
 * The 网络安全演进图 editor: one table row per entry (date, problem, fix, effect, responsible person,
 * signed), the check's problems under the row they are about, each tied to its own field, and
 * "generate chart", which attaches a one-page timeline PDF to the log's material (only once every
 * row is finished and right). Every edit saves the whole log (autosave).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProjectView } from '../../../shared/ipc';
import { isUnfinished, type Problem } from '../../../core/model/schemas/check-report';
import { checkSecurityLog } from '../../../core/model/security-log/check';
import { generatedChart } from '../../../core/model/schemas/security-log';
import type { MaterialRule } from '../../../core/model/schemas/rules';
import type { SecurityLogEntry, SecurityLogEntryInput } from '../../../core/model/schemas/security-log';
import { call } from '../lib/api';
import { useT } from '../lib/i18n';
import { useRun } from '../lib/run';
import { securityLogChartState } from '../lib/steps';
import { CommitInput } from './CommitInput';
import { Problems } from './Problems';
import { DateText } from './DateText';
import { Thumbnail } from './Thumbnail';

type Props = { view: ProjectView; material: MaterialRule; onView: (view: ProjectView) => void };

type TextColumn = 'problem' | 'fix' | 'effect' | 'responsible';
const TEXT_COLUMNS: TextColumn[] = ['problem', 'fix', 'effect', 'responsible'];
type Column = 'date' | TextColumn | 'signed';

/** The field a check problem is about, so that field alone is marked and described by it. */
function columnsOf(problem: Problem, entry: SecurityLogEntry): Column[] {
  switch (problem.code) {
    case 'securityLog.incomplete':
      return (['problem', 'fix'] as const).filter((column) => !entry[column].trim());
    case 'securityLog.noResponsible':
      return ['responsible'];
    case 'securityLog.unsigned':
      return ['signed'];
    default:
      return problem.code.startsWith('securityLog.') ? ['date'] : [];
  }
}

/** Wrong (red), not finished (amber to-do), or fine. */
function kindOf(problems: Problem[]): 'error' | 'todo' | undefined {
  if (problems.some((p) => p.severity === 'error' && !isUnfinished(p))) return 'error';
  return problems.some(isUnfinished) ? 'todo' : undefined;
}

export function SecurityLogStep({ view, material, onView }: Props) {
  const t = useT();
  const run = useRun();
  const entries = view.doc.securityLog ?? [];
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(
    async (dir: string) => {
      const next = await run(() => call('securityLog:check', { dir }));
      if (next) setProblems(next);
    },
    [run],
  );
  useEffect(() => {
    void refresh(view.dir);
  }, [refresh, view.dir, view.doc.securityLog]);

  // Each edit saves the whole log, so it must start from the newest log, including edits whose
  // reply has not come back yet (leaving one cell for the next sends two saves in a row).
  const latest = useRef<SecurityLogEntryInput[]>(entries);
  const pending = useRef(0);
  if (pending.current === 0) latest.current = entries;
  const save = async (next: SecurityLogEntryInput[]) => {
    latest.current = next;
    pending.current += 1;
    const fresh = await run(() => call('securityLog:set', { dir: view.dir, entries: next }));
    pending.current -= 1;
    if (fresh && pending.current === 0) onView(fresh);
  };
  const change = (id: string, patch: Partial<SecurityLogEntry>) =>
    save(latest.current.map((entry) => (entry.id === id ? { ...entry, ...patch } : entry)));
  const add = () =>
    save([
      ...latest.current,
      // No id: the app gives the new entry one (randomUUID is missing outside secure contexts).
      { date: '', problem: '', fix: '', effect: '', responsible: '', signed: false },
    ]);
  const remove = (id: string) => save(latest.current.filter((entry) => entry.id !== id));
  const generate = async () => {
    setBusy(true);
    const fresh = await run(() => call('securityLog:render', { dir: view.dir }));
    setBusy(false);
    if (fresh) onView(fresh);
  };

  const general = problems.filter((p) => p.subject?.entry === undefined);
  const chart = generatedChart(view.doc, material.id);
  const chartState = securityLogChartState(view, material.id);
  // Decided from the log itself (not the check's reply, which comes a moment later), so it is never stale.
  const notReady =
    entries.length === 0
      ? 'ui.securityLog.generateEmpty'
      : checkSecurityLog(entries, view.report.today).some((p) => p.severity === 'error')
        ? 'ui.securityLog.generateBlocked'
        : undefined;

  return (
    <div className="security-log">
      <p className="intro">{t('ui.securityLog.intro', { material: material.title })}</p>
      <Problems problems={general} />
      {entries.length > 0 && (
        <div className="table-scroll">
          <table className="log-table">
            <caption className="visually-hidden">{t('ui.securityLog.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ui.securityLog.col.no')}</th>
                <th scope="col">{t('ui.securityLog.col.date')}</th>
                {TEXT_COLUMNS.map((column) => (
                  <th scope="col" key={column}>
                    {t(`ui.securityLog.col.${column}`)}
                  </th>
                ))}
                <th scope="col">{t('ui.securityLog.col.signed')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('ui.securityLog.col.actions')}</span>
                </th>
              </tr>
            </thead>
            {entries.map((entry, i) => {
              const n = i + 1;
              const own = problems.filter((p) => p.subject?.entry === n);
              const problemId = (k: number) => `log-${n}-problem-${k}`;
              // Each field: described by its own problems, invalid only when one of them is wrong (not unfinished).
              const field = (column: Column) => {
                const mine = own.map((p, k) => ({ p, k })).filter(({ p }) => columnsOf(p, entry).includes(column));
                return {
                  'aria-label': t('ui.securityLog.cell', { column: t(`ui.securityLog.col.${column}`), n }),
                  'aria-invalid': kindOf(mine.map(({ p }) => p)) === 'error' || undefined,
                  'aria-describedby': mine.map(({ k }) => problemId(k)).join(' ') || undefined,
                };
              };
              const kind = kindOf(own);
              return (
                <tbody key={entry.id} className={kind ? `has-${kind}` : undefined}>
                  <tr>
                    <th scope="row">{n}</th>
                    <td>
                      <DateText
                        id={`log-${n}-date`}
                        {...field('date')}
                        value={entry.date}
                        onCommit={(date) => change(entry.id, { date })}
                      />
                    </td>
                    {TEXT_COLUMNS.map((column) => (
                      <td key={column}>
                        <CommitInput
                          multiline={column !== 'responsible'}
                          type={column === 'responsible' ? 'text' : undefined}
                          {...field(column)}
                          value={entry[column]}
                          onCommit={(value) => change(entry.id, { [column]: value })}
                        />
                      </td>
                    ))}
                    <td className="center">
                      <input
                        type="checkbox"
                        {...field('signed')}
                        checked={entry.signed}
                        onChange={(e) => void change(entry.id, { signed: e.target.checked })}
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="icon-button danger"
                        aria-label={t('ui.securityLog.remove', { n })}
                        title={t('ui.securityLog.remove', { n })}
                        onClick={() => void remove(entry.id)}
                      >
                        <span aria-hidden="true">✕</span>
                      </button>
                    </td>
                  </tr>
                  {own.length > 0 && (
                    <tr className="row-problems">
                      <td colSpan={8}>
                        {own.map((problem, k) => (
                          <Problems key={`${problem.code}-${k}`} id={problemId(k)} problems={[problem]} />
                        ))}
                      </td>
                    </tr>
                  )}
                </tbody>
              );
            })}
          </table>
        </div>
      )}
      <div className="bind-actions">
        <button type="button" onClick={() => void add()}>
          <span aria-hidden="true">＋</span> {t('ui.securityLog.add')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy || notReady !== undefined}
          aria-describedby={notReady ? 'generate-not-ready' : undefined}
          onClick={() => void generate()}
        >
          {t(chart ? 'ui.securityLog.regenerate' : 'ui.securityLog.generate')}
        </button>
      </div>
      {notReady && (
        <p className="help-text" id="generate-not-ready">
          {t(notReady)}
        </p>
      )}
      <p role="status" className="status-line">
        {busy ? t('ui.securityLog.generating') : ''}
      </p>
      <section aria-labelledby="chart-title" className="chart">
        <h2 id="chart-title">{t('ui.securityLog.chart', { material: material.title })}</h2>
        {chart ? (
          <div className="file chart-file">
            <Thumbnail dir={view.dir} file={chart} />
            <span className="file-name">{chart.name}</span>
            <span className="file-details">{t('ui.file.pages', { count: chart.pages ?? 1 })}</span>
          </div>
        ) : (
          <p className="empty-note">{t('ui.securityLog.noChart')}</p>
        )}
        {chartState === 'outdated' && (
          <p className="chart-outdated">
            <span aria-hidden="true">! </span>
            {t('ui.securityLog.chartOutdated')}
          </p>
        )}
      </section>
    </div>
  );
}
