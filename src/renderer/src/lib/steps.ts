/** The wizard's steps for a project: the subject form first (if the pack has fields), then each material. */
import type { ProjectView } from '../../../shared/ipc';
import type { FieldRule, MaterialRule } from '../../../core/model/schemas/rules';
// The same pure condition evaluator the checker uses, so the form hides exactly the fields the check skips.
import { isFieldApplicable, isMaterialApplicable } from '../../../core/model/rules/applicability';
import { worstStatus, type DisplayStatus } from './status';
// Pure too: the log editor's status is what the check says about the entries.
import { checkSecurityLog } from '../../../core/model/security-log/check';
import { CHART_OUTDATED, generatedChart, SECURITY_TIMELINE_MATERIALS } from '../../../core/model/schemas/security-log';
import { isUnfinished } from '../../../core/model/schemas/check-report';
import type { Translate } from '../../../i18n';

export type Step =
  | { kind: 'subject' }
  | { kind: 'material'; materialId: string }
  /** The 网络安全演进图 editor, just before the material its chart is attached to. */
  | { kind: 'securityLog'; materialId: string };

/** The material the security-update log's chart goes to, if the pack has one. */
export function securityLogMaterial(view: ProjectView): MaterialRule | undefined {
  for (const id of SECURITY_TIMELINE_MATERIALS) {
    const material = view.rulePack.materials.find((m) => m.id === id);
    if (material) return material;
  }
  return undefined;
}

/** The wizard's steps: materials that do not apply to this subject (their `when` fails) are skipped. */
export function projectSteps(view: ProjectView): Step[] {
  const steps: Step[] = view.rulePack.fields.length > 0 ? [{ kind: 'subject' }] : [];
  for (const material of view.rulePack.materials) {
    if (!isMaterialApplicable(material, view.doc.fields)) continue;
    if (material.id === securityLogMaterial(view)?.id) steps.push({ kind: 'securityLog', materialId: material.id });
    steps.push({ kind: 'material', materialId: material.id });
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

/**
 * The log editor's status. Empty: the material's own (可选 for an optional one, whose chart may also be a
 * file the user made). Otherwise red only for a wrong entry (a future or impossible date); a row not filled
 * in yet, or a chart not generated or drawn from an older log, is still to do (待完成).
 */
export function securityLogStatus(view: ProjectView): DisplayStatus {
  const entries = view.doc.securityLog ?? [];
  const material = securityLogMaterial(view);
  if (entries.length === 0)
    return material && !material.required ? 'optional' : materialStatus(view, material?.id ?? '');
  const problems = checkSecurityLog(entries, view.report.today);
  if (problems.some((p) => p.severity === 'error' && !isUnfinished(p))) return 'invalid';
  if (problems.some(isUnfinished)) return 'unconfirmed';
  if (material && securityLogChartState(view, material.id) !== 'current') return 'unconfirmed';
  return problems.length > 0 ? 'warning' : 'ok';
}

/** The log step's line in the checklist: the chart once the rows are done and it is what is left, else the count. */
export function securityLogReason(view: ProjectView, t: Translate): string {
  const entries = view.doc.securityLog ?? [];
  const material = securityLogMaterial(view);
  const rowsDone = !checkSecurityLog(entries, view.report.today).some((p) => p.severity === 'error');
  const chart = material ? securityLogChartState(view, material.id) : 'current';
  if (entries.length > 0 && rowsDone && chart !== 'current') {
    return t(chart === 'outdated' ? 'ui.securityLog.chartOutdated' : 'ui.securityLog.noChart');
  }
  return t('ui.securityLog.summary', { count: entries.length });
}

/** The generated chart: none attached yet, attached and drawn from the log as it is, or drawn from an older log. */
export function securityLogChartState(view: ProjectView, materialId: string): 'none' | 'current' | 'outdated' {
  if (!generatedChart(view.doc, materialId)) return 'none';
  const result = view.report.materials.find((m) => m.id === materialId);
  return result?.problems.some((p) => p.code === CHART_OUTDATED) ? 'outdated' : 'current';
}

/** A step's status, whichever kind it is. */
export function stepStatus(view: ProjectView, step: Step): DisplayStatus {
  if (step.kind === 'subject') return subjectStatus(view);
  if (step.kind === 'securityLog') return securityLogStatus(view);
  return materialStatus(view, step.materialId);
}

/** A step's name as the checklist, the wizard and the bind screen show it. */
export function stepTitle(view: ProjectView, step: Step, t: Translate): string {
  if (step.kind === 'subject') return t('ui.checklist.subject');
  if (step.kind === 'securityLog') return t('ui.securityLog.title');
  return view.rulePack.materials.find((m) => m.id === step.materialId)?.title ?? step.materialId;
}

/** The index of the step for a material (its editor step for the log's material), or 0. */
export function stepIndexOf(view: ProjectView, materialId: string): number {
  return Math.max(
    0,
    projectSteps(view).findIndex((step) => step.kind === 'material' && step.materialId === materialId),
  );
}

/** Statuses that still need the user's attention before binding. */
export function needsWork(status: DisplayStatus): boolean {
  return status === 'missing' || status === 'invalid' || status === 'unconfirmed';
}

/** How many steps still need work (what the checklist and bind screen count). */
export function openItems(view: ProjectView): number {
  return projectSteps(view).filter((step) => needsWork(stepStatus(view, step))).length;
}
