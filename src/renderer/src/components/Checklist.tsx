/** The always-visible checklist: completeness, then each step with its status, reason and fix hint. */
import { ProgressBar } from './ProgressBar';
import type { ProjectView } from '../../../shared/ipc';
import { useT, useWordProblem, type WordProblem } from '../lib/i18n';
import { StateBadge, StatusBadge, StatusLegend, type DisplayStatus } from './Status';
import { worstState } from '../lib/status';
import { isUnfinished, noteText, type Problem } from '../../../core/model/schemas/check-report';
import type { Translate } from '../../../i18n';
import { openRequestsOn } from './Submissions';
import {
  materialStatus,
  openItems,
  securityLogReason,
  securityLogStatus,
  skippedMaterials,
  stepTitle,
  subjectStatus,
  visibleFields,
  type Step,
} from '../lib/steps';

type Props = { view: ProjectView; steps: Step[]; current: number; onJump: (index: number) => void; onBind: () => void };

export function Checklist({ view, steps, current, onJump, onBind }: Props) {
  const t = useT();
  const word = useWordProblem();
  const percent = Math.round(view.report.completeness * 100);
  const open = openItems(view);
  const skipped = skippedMaterials(view);
  const items = steps.map((step) => describe(view, step, t, word));
  return (
    <aside className="checklist" aria-labelledby="checklist-title">
      <h2 id="checklist-title">{t('ui.checklist.label')}</h2>
      <p className="pack-title">{view.rulePack.title}</p>
      <div className="completeness">
        <ProgressBar
          label={t('ui.checklist.completeness')}
          percent={percent}
          valueText={t('ui.checklist.percent', { percent })}
        />
        <p className="completeness-text">
          {t('ui.checklist.percent', { percent })} ·{' '}
          {view.report.complete ? t('ui.checklist.complete') : t('ui.checklist.incomplete', { count: open })}
        </p>
        <p className="state-summary" data-testid="state-summary">
          {t('ui.state.summary')} <StateBadge state={worstState(items.map((item) => item.status))} />
        </p>
        <StatusLegend />
      </div>
      <ol className="checklist-items">
        {steps.map((step, index) => {
          const item = items[index];
          return (
            <li key={step.kind === 'material' ? step.materialId : `__${step.kind}`}>
              <button
                type="button"
                className="checklist-item"
                aria-current={index === current ? 'step' : undefined}
                onClick={() => onJump(index)}
                title={item.note}
              >
                <span className="checklist-title">{item.title}</span>
                <StatusBadge status={item.status} />
                {item.reason && <span className="checklist-reason">{item.reason}</span>}
                {item.hint && index === current && <span className="checklist-hint">{item.hint}</span>}
                {requestsOf(view, step).map((text) => (
                  <span key={text} className="checklist-request" data-testid="checklist-request">
                    {t('ui.checklist.request', { text })}
                  </span>
                ))}
              </button>
            </li>
          );
        })}
      </ol>
      {skipped.length > 0 && (
        // Open when files were added to one of them: those files are left out of the packet.
        <details className="skipped" open={skipped.some((m) => notBoundProblem(view, m.id)) || undefined}>
          <summary>{t('ui.checklist.skipped', { count: skipped.length })}</summary>
          <ul>
            {skipped.map((material) => {
              const problem = notBoundProblem(view, material.id);
              return (
                <li key={material.id} data-testid={problem ? 'not-bound' : undefined}>
                  {material.title}
                  {problem && (
                    <>
                      {' '}
                      <strong className="not-bound">{t('ui.checklist.notBound')}</strong>
                      <span className="checklist-reason">{word(problem).message}</span>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </details>
      )}
      <button type="button" className="primary wide" onClick={onBind}>
        {t('ui.checklist.goBind')} <span aria-hidden="true">→</span>
      </button>
    </aside>
  );
}

/** Files on a material the answers no longer ask for: the check's note on why they are not bound. */
function notBoundProblem(view: ProjectView, materialId: string): Problem | undefined {
  return view.report.materials
    .find((m) => m.id === materialId)
    ?.problems.find((p) => p.code === 'material.notApplicable');
}

/** The authority's open requests on a step: its material's, or for 主体信息 those on fields. */
function requestsOf(view: ProjectView, step: Step): string[] {
  if (step.kind === 'subject') return openRequestsOn(view, 'field');
  return step.kind === 'material' ? openRequestsOn(view, 'material', step.materialId) : [];
}

/** `note`: why the rule makes the item optional or only warns, as the button's tooltip. */
type Item = { title: string; status: DisplayStatus; reason?: string; hint?: string; note?: string };

/**
 * What the checklist says about a step: a short reason that adds to the title and the badge (never the
 * title again), and for the current step a hint, only where it says more than the reason.
 */
function describe(view: ProjectView, step: Step, t: Translate, word: WordProblem): Item {
  if (step.kind === 'subject') {
    const relevant = visibleFields(view);
    const ids = new Set(relevant.map((f) => f.id));
    const results = view.report.fields.filter((f) => ids.has(f.id));
    const open = results.filter((f) => f.problems.length > 0);
    const first = open[0]?.problems[0] && word(open[0].problems[0]);
    // "11/13 filled in" beside 已完成 puzzled people: say the required ones are done, and count the rest.
    const optional = results.filter((f) => !f.required);
    const filled = optional.filter((f) => f.status !== 'not-required').length;
    return {
      title: t('ui.checklist.subject'),
      status: subjectStatus(view),
      reason: first
        ? withMore(first.message, open.length - 1, t)
        : optional.length > 0
          ? t('ui.checklist.subjectOptional', { filled, total: optional.length })
          : t('ui.checklist.subjectDone'),
      hint: first?.hint,
    };
  }
  if (step.kind === 'securityLog') {
    return { title: stepTitle(view, step, t), status: securityLogStatus(view), reason: securityLogReason(view, t) };
  }
  const result = view.report.materials.find((m) => m.id === step.materialId);
  const note = result?.note && result.note.kind !== 'info' ? noteText(result.note, t) : undefined;
  const item = { title: stepTitle(view, step, t), status: materialStatus(view, step.materialId), note };
  // "Missing" is the badge already, and the step itself lists what to add.
  const problems = (result?.problems ?? []).filter((p) => p.code !== 'material.missing');
  // Something wrong with a file comes first, with its fix; then what is still to do, summed up;
  // then a warning to look at (a photo's reflection), which never hides a step still to take.
  const wrong = problems.find((p) => p.severity === 'error' && !isUnfinished(p));
  const todo = problems.filter(isUnfinished);
  const warning = problems.find((p) => !isUnfinished(p));
  const first = wrong ?? (todo.length > 0 ? undefined : warning);
  if (first) {
    const { message, hint } = word(first);
    return { ...item, reason: withMore(message, problems.length - 1, t), hint };
  }
  if (todo.length > 0) return { ...item, reason: todoSummary(todo, t) };
  // Done, with warnings the clerk accepted: say so, so the 完成 is not taken for "no warnings".
  const accepted = result?.accepted?.length ?? 0;
  return accepted > 0 ? { ...item, reason: t('ui.accept.count', { count: accepted }) } : item;
}

function withMore(message: string, more: number, t: Translate): string {
  return more > 0 ? t('ui.checklist.more', { message, count: more }) : message;
}

/** "还需：填写日期、勾选 2 项确认" from a material's unfinished problems. */
function todoSummary(problems: Problem[], t: Translate): string {
  const count = (code: string) => problems.filter((p) => p.code === code).length;
  const confirms = count('material.unconfirmed');
  const items = [
    count('material.partMissing') > 0 ? t('ui.checklist.todo.parts') : null,
    count('material.datesMissing') > 0 ? t('ui.checklist.todo.dates') : null,
    confirms > 0 ? t('ui.checklist.todo.confirm', { count: confirms }) : null,
  ].filter((i): i is string => i !== null);
  return t('ui.checklist.todo', { items });
}
