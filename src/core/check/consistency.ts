/**
 * What the documents say against what was typed: a reading of a 营业执照 or 身份证 (see
 * ../recognition) that differs from the subject form or the material's 有效期至 is a warning on that
 * material, naming the field, the document's value and the entered one. Full-/half-width forms and
 * spaces are not differences; brackets are (portals compare （） and () exactly), with their own
 * wording. Only readings the engine was fairly sure of are compared: a doubtful read is no evidence.
 */
import type { Locale } from '../../shared/i18n';
import type { FieldValue, MaterialEntry } from '../project/schema';
import type { FieldRule } from '../rules/schema';
import { readingKey, readTargets, type Readings } from '../recognition/documents';
import type { ReadResult } from '../recognition/types';
import { makeProblem } from './problem';
import type { Problem } from './report';
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
  locale: Locale;
  /** The label of 有效期至 in the user's language. */
  expiryLabel: string;
}

/** The consistency warnings of one material. */
export function consistencyProblems(input: ConsistencyInput): Problem[] {
  const { entry, values, readings, locale } = input;
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const warn = (difference: Difference, field: string, read: string, entered: string) => {
    const id = `${field}\u0000${read}\u0000${entered}`;
    if (difference === 'same' || seen.has(id)) return;
    seen.add(id);
    const code = difference === 'brackets' ? 'consistency.brackets' : 'consistency.mismatch';
    problems.push({
      ...makeProblem(locale, code, 'warning', { field, read, entered }),
      params: { field, read, entered },
    });
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
      if (!sameExpiry(until, enteredUntil)) warn('different', input.expiryLabel, until, enteredUntil);
    }
  }
  return problems;
}
