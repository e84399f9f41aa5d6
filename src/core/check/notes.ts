/** The rule's `note`, labelled by what it explains (see NoteSchema in ./report). */
import type { FieldRule, MaterialRule } from '../model/schemas/rules';
import type { Note } from '../model/schemas/check-report';

/** An optional material's note says why it is optional; else a warning-only one's why it only warns. */
export function materialNote(rule: Pick<MaterialRule, 'note' | 'required' | 'severity'>): Note | undefined {
  if (!rule.note) return undefined;
  const kind = !rule.required ? 'optional' : rule.severity === 'warning' ? 'warning' : 'info';
  return { kind, text: rule.note.trim() };
}

/** A field's note explains first why a problem with it only warns (its severity or a check's). */
export function fieldNote(field: Pick<FieldRule, 'note' | 'required' | 'severity' | 'checks'>): Note | undefined {
  if (!field.note) return undefined;
  const warns = field.severity === 'warning' || (field.checks ?? []).some((c) => c.severity === 'warning');
  const kind = warns ? 'warning' : !field.required ? 'optional' : 'info';
  return { kind, text: field.note.trim() };
}
