/** The always-visible checklist: completeness, then each step with its status, reason and fix hint. */
import { ProgressBar } from './ProgressBar';
import type { ProjectView } from '../../../shared/ipc';
import { useT } from '../i18n';
import { StatusBadge } from './Status';
import {
  fieldStatus,
  materialStatus,
  openItems,
  securityLogStatus,
  skippedMaterials,
  stepTitle,
  subjectStatus,
  visibleFields,
  type Step,
} from '../steps';

type Props = { view: ProjectView; steps: Step[]; current: number; onJump: (index: number) => void; onBind: () => void };

export function Checklist({ view, steps, current, onJump, onBind }: Props) {
  const t = useT();
  const percent = Math.round(view.report.completeness * 100);
  const open = openItems(view);
  const skipped = skippedMaterials(view);
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
      </div>
      <ol className="checklist-items">
        {steps.map((step, index) => {
          const item = describe(view, step, t);
          return (
            <li key={step.kind === 'material' ? step.materialId : `__${step.kind}`}>
              <button
                type="button"
                className="checklist-item"
                aria-current={index === current ? 'step' : undefined}
                onClick={() => onJump(index)}
              >
                <span className="checklist-title">{item.title}</span>
                <StatusBadge status={item.status} />
                {item.reason && <span className="checklist-reason">{item.reason}</span>}
                {item.hint && index === current && <span className="checklist-hint">{item.hint}</span>}
              </button>
            </li>
          );
        })}
      </ol>
      {skipped.length > 0 && (
        <details className="skipped">
          <summary>{t('ui.checklist.skipped', { count: skipped.length })}</summary>
          <ul>
            {skipped.map((material) => (
              <li key={material.id}>{material.title}</li>
            ))}
          </ul>
        </details>
      )}
      <button type="button" className="primary wide" onClick={onBind}>
        {t('ui.checklist.goBind')} <span aria-hidden="true">→</span>
      </button>
    </aside>
  );
}

function describe(view: ProjectView, step: Step, t: ReturnType<typeof useT>) {
  if (step.kind === 'subject') {
    const relevant = visibleFields(view);
    const ok = relevant.filter((f) => fieldStatus(view, f) === 'ok').length;
    const ids = new Set(relevant.map((f) => f.id));
    const firstProblem = view.report.fields.filter((f) => ids.has(f.id)).flatMap((f) => f.problems)[0];
    return {
      title: t('ui.checklist.subject'),
      status: subjectStatus(view),
      reason: firstProblem?.message ?? t('ui.checklist.subjectSummary', { ok, total: relevant.length }),
      hint: firstProblem?.hint,
    };
  }
  if (step.kind === 'securityLog') {
    const entries = view.doc.securityLog ?? [];
    return {
      title: stepTitle(view, step, t),
      status: securityLogStatus(view),
      reason: t('ui.securityLog.summary', { count: entries.length }),
      hint: undefined,
    };
  }
  const rule = view.rulePack.materials.find((m) => m.id === step.materialId);
  const result = view.report.materials.find((m) => m.id === step.materialId);
  const problem = result?.problems[0];
  return {
    title: result?.title ?? rule?.title ?? step.materialId,
    status: materialStatus(view, step.materialId),
    reason: problem?.message,
    hint: problem?.hint,
  };
}
