/** The wizard's steps for a project: the subject form first (if the pack has fields), then each material. */
import type { ProjectView } from '../../shared/ipc';
import type { FieldRule, MaterialRule } from '../../core/rules/schema';
// The same pure condition evaluator the checker uses, so the form hides exactly the fields the check skips.
import { isFieldApplicable, isMaterialApplicable } from '../../core/rules/applicability';
import { worstStatus, type DisplayStatus } from './components/Status';

export type Step = { kind: 'subject' } | { kind: 'material'; materialId: string };

/** The wizard's steps: materials that do not apply to this subject (their `when` fails) are skipped. */
export function projectSteps(view: ProjectView): Step[] {
  const steps: Step[] = view.rulePack.fields.length > 0 ? [{ kind: 'subject' }] : [];
  for (const material of view.rulePack.materials) {
    if (isMaterialApplicable(material, view.doc.fields)) steps.push({ kind: 'material', materialId: material.id });
  }
  return steps;
}

/** Materials that do not apply given the subject's answers (shown apart in the checklist). */
export function skippedMaterials(view: ProjectView): MaterialRule[] {
  return view.rulePack.materials.filter((material) => !isMaterialApplicable(material, view.doc.fields));
}

/** Fields whose `when` holds for the current values: the ones the form shows. */
export function visibleFields(view: ProjectView): FieldRule[] {
  return view.rulePack.fields.filter((field) => isFieldApplicable(field, view.doc.fields));
}

export function fieldStatus(view: ProjectView, field: FieldRule): DisplayStatus {
  const status = view.report.fields.find((f) => f.id === field.id)?.status ?? 'missing';
  return status === 'not-required' && isFieldApplicable(field, view.doc.fields) ? 'optional' : status;
}

/** The subject step's summary: the most urgent status among its applicable fields. */
export function subjectStatus(view: ProjectView): DisplayStatus {
  return worstStatus(visibleFields(view).map((field) => fieldStatus(view, field)));
}

/** A material's status; `not-required` is split into optional (applies, not needed) and not applicable. */
export function materialStatus(view: ProjectView, materialId: string): DisplayStatus {
  const status = view.report.materials.find((m) => m.id === materialId)?.status ?? 'missing';
  const rule = view.rulePack.materials.find((m) => m.id === materialId);
  return status === 'not-required' && rule && isMaterialApplicable(rule, view.doc.fields) ? 'optional' : status;
}

/** A step's status, whichever kind it is. */
export function stepStatus(view: ProjectView, step: Step): DisplayStatus {
  return step.kind === 'subject' ? subjectStatus(view) : materialStatus(view, step.materialId);
}

/** Statuses that still need the user's attention before binding. */
export function needsWork(status: DisplayStatus): boolean {
  return status === 'missing' || status === 'invalid' || status === 'unconfirmed';
}

/** How many steps still need work (what the checklist and bind screen count). */
export function openItems(view: ProjectView): number {
  return projectSteps(view).filter((step) => needsWork(stepStatus(view, step))).length;
}
