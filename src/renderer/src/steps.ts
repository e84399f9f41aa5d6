/** The wizard's steps for a project: the subject form first (if the pack has fields), then each material. */
import type { ProjectView } from '../../shared/ipc';
import type { MaterialStatus } from '../../core/check/report';
import { worstStatus } from './components/Status';

export type Step = { kind: 'subject' } | { kind: 'material'; materialId: string };

export function projectSteps(view: ProjectView): Step[] {
  const steps: Step[] = view.rulePack.fields.length > 0 ? [{ kind: 'subject' }] : [];
  for (const material of view.rulePack.materials) steps.push({ kind: 'material', materialId: material.id });
  return steps;
}

/** The subject step's summary: the most urgent status among its fields. */
export function subjectStatus(view: ProjectView): MaterialStatus {
  return worstStatus(view.report.fields.map((f) => f.status));
}

export function materialStatus(view: ProjectView, materialId: string): MaterialStatus {
  return view.report.materials.find((m) => m.id === materialId)?.status ?? 'missing';
}

/** How many required items are not ok yet (what the checklist and bind screen count). */
export function openItems(view: ProjectView): number {
  const items = [...view.report.fields, ...view.report.materials];
  return items.filter((item) => item.required && item.status !== 'ok' && item.status !== 'not-required' && item.status !== 'warning').length;
}
