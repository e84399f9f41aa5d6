/** The CheckReport: the result of checking a project against its rule pack on a given day. */
import { z } from 'zod';

export const ProblemSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  hint: z.string().optional(),
  /**
   * The catalog key `hint` was written from (`check.<code>.hint`, kept when `code` is generalised), so an
   * adapter can word the same advice for its own controls — the CLI names options instead of checkboxes.
   */
  hintKey: z.string().optional(),
  /** For a problem about one row of a table (the security-update log): its 1-based number. */
  entry: z.number().int().positive().optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

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
 * The rule's `note` (why it is what it is) and what it explains: why the item is optional, why it
 * only warns, or (`info`) something else worth knowing about it.
 */
export const NoteSchema = z.object({ kind: z.enum(['optional', 'warning', 'info']), text: z.string() });
export type Note = z.infer<typeof NoteSchema>;

/** "为什么是可选：…" — the note as every reader shows it (`check.note.<kind>`). */
export function noteText(note: Note, t: (key: string, params: { note: string }) => string): string {
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
