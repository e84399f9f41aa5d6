/**
 * What the documents say against what was typed: a reading of a 营业执照 or 身份证 (see
 * ../recognition) that differs from the subject form or the material's 有效期至 is a warning on that
 * material, naming the field, the document's value and the entered one. Full-/half-width forms and
 * spaces are not differences; brackets are (portals compare （） and () exactly), with their own
 * wording. Only readings the engine was fairly sure of are compared: a doubtful read is no evidence.
 */
import type { FieldValue, MaterialEntry } from '../model/schemas/project';
import type { FieldRule } from '../model/schemas/rules';
import { readingKey, readTargets, type Readings } from '../model/recognition/documents';
import type { ReadResult } from '../model/recognition/types';
import { makeProblem, type Problem, type ProblemParam } from '../model/schemas/check-report';
import { neverExpires } from './materials';

/** Below this a reading is not compared (names are capped at 0.9, codes carry the engine's own). */
export const COMPARE_CONFIDENCE = 0.8;

/** The text as compared: NFKC (full-width letters and digits as ASCII) without spaces, brackets kept apart. */
function comparable(text: string, keepBrackets: boolean): string {
  const marked = keepBrackets ? text.replace(/（/g, '\u0001').replace(/）/g, '\u0002') : text;
  return marked.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

type Difference = 'same' | 'brackets' | 'different';

export function compareText(read: string, entered: string): Difference {
  if (comparable(read, true) === comparable(entered, true)) return 'same';
  return comparable(read, false) === comparable(entered, false) ? 'brackets' : 'different';
}

function sameExpiry(read: string, entered: string): boolean {
  return read === '长期' ? neverExpires(entered) : read === entered.trim();
}

export interface ConsistencyInput {
  materialId: string;
  entry: MaterialEntry | undefined;
  values: Record<string, FieldValue>;
  fields: readonly Pick<FieldRule, 'id' | 'label'>[];
  readings: Readings;
}

/** 有效期至, worded by each reader in its own language. */
const EXPIRY_LABEL: ProblemParam = { key: 'recognition.field.validUntil' };

/** The consistency warnings of one material. */
export function consistencyProblems(input: ConsistencyInput): Problem[] {
  const { entry, values, readings } = input;
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const warn = (difference: Difference, field: ProblemParam, read: string, entered: string) => {
    const id = JSON.stringify([field, read, entered]);
    if (difference === 'same' || seen.has(id)) return;
    seen.add(id);
    // Brackets that differ are the same problem, worded on their own (the portal compares exactly).
    const extra = difference === 'brackets' ? { detail: 'consistency.brackets' } : {};
    problems.push(makeProblem('consistency.mismatch', 'warning', { field, read, entered }, extra));
  };
  for (const { file, role } of readTargets({ [input.materialId]: entry })) {
    const reading: ReadResult | undefined = readings[readingKey(file.sha256, role.kind)];
    if (!reading) continue;
    for (const [key, fieldId] of Object.entries(role.fields)) {
      const read = reading.fields[key as keyof ReadResult['fields']];
      const entered = values[fieldId];
      const rule = input.fields.find((f) => f.id === fieldId);
      if (!read || !rule || typeof entered !== 'string' || entered.trim() === '') continue;
      if ((reading.confidence[key as keyof ReadResult['fields']] ?? 0) < COMPARE_CONFIDENCE) continue;
      warn(compareText(read, entered), rule.label, read, entered);
    }
    const until = reading.fields.validUntil;
    const enteredUntil = entry?.validUntil;
    if (role.expiry && until && enteredUntil && (reading.confidence.validUntil ?? 0) >= COMPARE_CONFIDENCE) {
      if (!sameExpiry(until, enteredUntil)) warn('different', EXPIRY_LABEL, until, enteredUntil);
    }
  }
  return problems;
}
