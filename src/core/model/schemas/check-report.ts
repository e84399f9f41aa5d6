/** The CheckReport: the result of checking a project against its rule pack on a given day. */
import { z } from 'zod';

const ScalarSchema = z.union([z.string(), z.number()]);

/** A parameter that is itself a catalog message (a validator's reason inside "统一社会信用代码有误：…"). */
export const MessageRefSchema = z.object({ key: z.string(), params: z.record(z.string(), ScalarSchema).optional() });
export type MessageRef = z.infer<typeof MessageRefSchema>;

/** A value a message is filled with: text, a number, a list (joined the locale's way) or another message. */
export const ProblemParamSchema = z.union([ScalarSchema, z.array(z.string()), MessageRefSchema]);
export type ProblemParam = z.infer<typeof ProblemParamSchema>;
export type ProblemParams = Record<string, ProblemParam>;

/**
 * A problem is data: what is wrong (`code`), how bad, and the values that describe it. Core never
 * words it; each reader does, from its own catalog — the UI and the CLI in the user's language (the
 * CLI naming options where the UI names checkboxes), the packet and the 补正清单 in Chinese.
 * The catalog keys are `check.<detail ?? code>` for the sentence and `check.<hint ?? detail ?? code>.hint`
 * for the advice; `help` (the rule pack's own words) replaces the advice where the pack gives it.
 */
export const ProblemSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  params: z.record(z.string(), ProblemParamSchema),
  /** A finer code for the wording when `code` is generalised (`material.pagesTooFew` under `material.pages`). */
  detail: z.string().optional(),
  /** The code of the advice when it is not the problem's own (`field.example`). */
  hint: z.string().optional(),
  /** The rule pack's own help text, shown as the advice. */
  help: z.string().optional(),
  /** What the problem is about, where the result it sits in does not say: one row of the security-update log. */
  subject: z.object({ entry: z.number().int().positive().optional() }).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

/** A problem as data; `extra` sets the finer wording, the advice or the subject. */
export function makeProblem(
  code: string,
  severity: Problem['severity'],
  params: ProblemParams = {},
  extra: Pick<Problem, 'detail' | 'hint' | 'help' | 'subject'> = {},
): Problem {
  return { code, severity, params, ...extra };
}

/** A rule of severity `warning` reports its problems as warnings: they never block completeness. */
export function withSeverity(problems: Problem[], severity: Problem['severity']): Problem[] {
  return severity === 'warning' ? problems.map((p) => ({ ...p, severity: 'warning' })) : problems;
}

/**
 * Problem codes that mean "not finished yet" rather than "something is wrong with the file": a box
 * not ticked, a date not entered, a part not marked. A present material whose only errors are these
 * is `unconfirmed` (待完成), not `invalid`; the UI shows them as steps still to do, not in red.
 */
export const UNFINISHED_CODES: ReadonlySet<string> = new Set([
  'material.unconfirmed',
  'material.datesMissing',
  'material.partMissing',
  // A security-update log row not filled in yet (src/core/security-log/check.ts); a wrong date is not here.
  'securityLog.undated',
  'securityLog.incomplete',
  'securityLog.noResponsible',
  'securityLog.unsigned',
]);

export function isUnfinished(problem: Pick<Problem, 'code'>): boolean {
  return UNFINISHED_CODES.has(problem.code);
}

/**
 * Problems that are a step still to take or say the material is not there or not wanted: finished or
 * answered, never accepted as they are.
 */
// An out-of-date 安全更新记录 chart is fixed with one click (regenerate) and its problem names nothing
// that changes when the log does, so an acceptance of it would outlive every later edit.
const NEVER_ACCEPTED: ReadonlySet<string> = new Set([
  'material.missing',
  'material.notApplicable',
  'securityLog.chartOutdated',
]);

/**
 * Whether the clerk may accept a problem as it is (已查看，仍使用): only a warning about what was
 * supplied (a photo's glare, a PDF over the size cap, a value that differs from the licence), never
 * an error, a step still to do, or a missing material.
 */
export function isAcceptable(problem: Pick<Problem, 'code' | 'severity'>): boolean {
  return problem.severity === 'warning' && !isUnfinished(problem) && !NEVER_ACCEPTED.has(problem.code);
}

/**
 * The rule's `note` (why it is what it is) and what it explains: why the item is optional, why it
 * only warns, or (`info`) something else worth knowing about it.
 */
export const NoteSchema = z.object({ kind: z.enum(['optional', 'warning', 'info']), text: z.string() });
export type Note = z.infer<typeof NoteSchema>;

/** "为什么是可选：…" — the note as every reader shows it (`check.note.<kind>`). */
export function noteText(
  note: Note,
  t: (key: `check.note.${Note['kind']}`, params: { note: string }) => string,
): string {
  return t(`check.note.${note.kind}`, { note: note.text });
}

export const FieldStatusSchema = z.enum(['ok', 'missing', 'invalid', 'warning', 'not-required']);
export const MaterialStatusSchema = z.enum(['ok', 'missing', 'invalid', 'warning', 'unconfirmed', 'not-required']);
export type FieldStatus = z.infer<typeof FieldStatusSchema>;
export type MaterialStatus = z.infer<typeof MaterialStatusSchema>;

export const FieldResultSchema = z.object({
  id: z.string(),
  label: z.string(),
  status: FieldStatusSchema,
  required: z.boolean(),
  problems: z.array(ProblemSchema),
  note: NoteSchema.optional(),
});
export type FieldResult = z.infer<typeof FieldResultSchema>;

export const MaterialResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: MaterialStatusSchema,
  required: z.boolean(),
  problems: z.array(ProblemSchema),
  note: NoteSchema.optional(),
  /** Confirmations ticked by the photo check rather than by the user (四角完整…); the user may untick them. */
  autoConfirmed: z.array(z.string()).optional(),
  /** Warnings the clerk accepted (已查看，仍使用) that still match: kept to show, no longer open. */
  accepted: z.array(ProblemSchema).optional(),
});
export type MaterialResult = z.infer<typeof MaterialResultSchema>;

export const CheckReportSchema = z.object({
  rulePack: z.object({ id: z.string(), version: z.string(), title: z.string() }),
  today: z.string(),
  complete: z.boolean(),
  /**
   * Share of blocking checklist items that are done, 0..1: the subject form counts as one item, each
   * required material as one; 1 only when `complete`.
   */
  completeness: z.number().min(0).max(1),
  fields: z.array(FieldResultSchema),
  materials: z.array(MaterialResultSchema),
});
export type CheckReport = z.infer<typeof CheckReportSchema>;
