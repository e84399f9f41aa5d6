/**
 * The bind screen's verdict on the check: passed, passed with items to look at (warnings, optional
 * items not finished), or not passed. Each item names its step (a link there) and the check's reasons.
 * "Bind anyway" sits next to the bind button, which says why it is off.
 */
import type { ProjectView } from '../../../shared/ipc';
import type { Translate } from '../../../i18n';
// Pure, as the checklist's status uses it: the log editor's reasons are the check's own.
import { checkSecurityLog } from '../../../core/model/security-log/check';
import { useT, useWordProblem, type WordProblem } from '../lib/i18n';
import { StatusBadge, StatusLegend, type DisplayStatus } from './Status';
import {
  needsWork,
  projectSteps,
  securityLogChartState,
  stepStatus,
  stepTitle,
  visibleFields,
  type Step,
} from '../lib/steps';

type Props = {
  view: ProjectView;
  onJump: (step: number) => void;
};

type Item = { step: Step; index: number; status: DisplayStatus; reasons: string[] };

/** Reasons shown per item; the step itself shows them all, with how to fix each. */
const MAX_REASONS = 3;

export function BindCheck({ view, onJump }: Props) {
  const t = useT();
  const word = useWordProblem();
  const complete = view.report.complete;
  const items = attentionItems(view, t, word);
  const open = items.filter((item) => needsWork(item.status));
  const notes = items.filter((item) => !needsWork(item.status));
  // Warnings the clerk accepted count as done; the verdict still says how many were.
  const acceptedCount = view.report.materials.reduce((sum, m) => sum + (m.accepted?.length ?? 0), 0);
  const accepted = acceptedCount > 0 && (
    <p className="help-text accepted-count" data-testid="accepted-count">
      {t('ui.accept.count', { count: acceptedCount })}
    </p>
  );

  if (complete) {
    return (
      <section className={`card ${items.length > 0 ? 'notes' : 'ready'}`} aria-labelledby="bind-check">
        <h2 id="bind-check">
          <StatusBadge status={items.length > 0 ? 'warning' : 'ok'} />{' '}
          {items.length > 0 ? t('ui.bind.readyWithNotes', { count: items.length }) : t('ui.bind.ready')}
        </h2>
        {accepted}
        {items.length > 0 && (
          <>
            <ItemList items={items} view={view} onJump={onJump} />
            <StatusLegend />
            <p className="help-text">{t('ui.bind.notesHelp')}</p>
          </>
        )}
      </section>
    );
  }
  return (
    <section className="card incomplete" aria-labelledby="bind-check">
      <h2 id="bind-check">
        <StatusBadge status="missing" /> {t('ui.bind.incomplete', { count: open.length })}
      </h2>
      {accepted}
      <ItemList items={open} view={view} onJump={onJump} />
      {notes.length > 0 && (
        <>
          <h3 className="todo-heading">{t('ui.bind.alsoNotes', { count: notes.length })}</h3>
          <ItemList items={notes} view={view} onJump={onJump} />
        </>
      )}
      <StatusLegend />
      <p className="help-text">{t('ui.bind.incompleteHelp')}</p>
    </section>
  );
}

function ItemList({ items, view, onJump }: { items: Item[]; view: ProjectView; onJump: (step: number) => void }) {
  const t = useT();
  return (
    <ul className="todo">
      {items.map(({ step, index, status, reasons }) => {
        const shown = reasons.slice(0, MAX_REASONS);
        if (reasons.length > MAX_REASONS) shown.push(t('ui.bind.moreReasons', { count: reasons.length - MAX_REASONS }));
        return (
          <li key={index}>
            <button type="button" className="link" onClick={() => onJump(index)}>
              {stepTitle(view, step, t)}
            </button>{' '}
            <StatusBadge status={status} />
            {shown.length > 0 && <span className="todo-reason">{shown.join(' ')}</span>}
          </li>
        );
      })}
    </ul>
  );
}

/** How many steps stop binding (not done, or wrong): what the bind button names when it is off. */
export function openItemCount(view: ProjectView): number {
  return projectSteps(view).filter((step) => needsWork(stepStatus(view, step))).length;
}

/** Steps the user should look at before binding: anything not done, optional or fine. */
function attentionItems(view: ProjectView, t: Translate, word: WordProblem): Item[] {
  return projectSteps(view)
    .map((step, index) => ({
      step,
      index,
      status: stepStatus(view, step),
      reasons: stepReasons(view, step, t, word),
    }))
    .filter(({ status }) => needsWork(status) || status === 'warning');
}

/** The check's reasons behind a step's status, in the UI's language (the report is made in it too). */
function stepReasons(view: ProjectView, step: Step, t: Translate, word: WordProblem): string[] {
  if (step.kind === 'securityLog') return securityLogReasons(view, step.materialId, t, word);
  if (step.kind === 'subject') {
    const shown = new Set(visibleFields(view).map((field) => field.id));
    return view.report.fields
      .filter((field) => shown.has(field.id))
      .flatMap((field) => field.problems.map((p) => word(p).message));
  }
  const material = view.report.materials.find((m) => m.id === step.materialId);
  const reasons = material?.problems.map((p) => word(p).message) ?? [];
  const accepted = material?.accepted?.length ?? 0;
  return accepted > 0 ? [...reasons, t('ui.accept.count', { count: accepted })] : reasons;
}

/**
 * The log's rows' problems, then the chart once the rows are done: a log that is 待完成 only because its
 * chart is missing or drawn from an older log says so (as the checklist does), not nothing.
 */
function securityLogReasons(view: ProjectView, materialId: string, t: Translate, word: WordProblem): string[] {
  const entries = view.doc.securityLog ?? [];
  const problems = checkSecurityLog(entries, view.report.today);
  const reasons = problems.map((p) => word(p).message);
  const chart = securityLogChartState(view, materialId);
  if (entries.length > 0 && chart !== 'current' && !problems.some((p) => p.severity === 'error')) {
    reasons.push(t(chart === 'outdated' ? 'ui.securityLog.chartOutdated' : 'ui.securityLog.noChart'));
  }
  return reasons;
}
