/**
 * What a newly read document can fill in: the values read for subject fields still empty, and its
 * term's end for the material's 有效期至 when none is entered. Offered, never written: the user
 * confirms (the app then saves through the ordinary field and date channels). Pure.
 */
import type { FieldValue, MaterialEntry } from '../model/schemas/project';
import type { FieldRule } from '../model/schemas/rules';
import { readingKey, readTargets, type Readings } from '../model/recognition/documents';
import { CERTAIN, type FieldKey } from '../model/recognition/types';

/** Readings below this are not offered (the same bar as the consistency check's). */
export const OFFER_CONFIDENCE = 0.8;

export type FormOffer =
  | { target: 'field'; fieldId: string; label: string; value: string; certain: boolean }
  | { target: 'validUntil'; value: string; certain: boolean };

const empty = (value: FieldValue | undefined) =>
  value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && !value.length);

export function formOffers(
  materialId: string,
  entry: MaterialEntry | undefined,
  values: Record<string, FieldValue>,
  fields: readonly Pick<FieldRule, 'id' | 'label'>[],
  readings: Readings,
): FormOffer[] {
  const offers: FormOffer[] = [];
  const offered = new Set<string>();
  for (const { file, role } of readTargets({ [materialId]: entry })) {
    const reading = readings[readingKey(file.sha256, role.kind)];
    if (!reading) continue;
    for (const [key, fieldId] of Object.entries(role.fields)) {
      const value = reading.fields[key as FieldKey];
      const confidence = reading.confidence[key as FieldKey] ?? 0;
      const rule = fields.find((f) => f.id === fieldId);
      if (!value || !rule || !empty(values[fieldId]) || confidence < OFFER_CONFIDENCE || offered.has(fieldId)) continue;
      offered.add(fieldId);
      offers.push({ target: 'field', fieldId, label: rule.label, value, certain: confidence >= CERTAIN });
    }
    const until = reading.fields.validUntil;
    const confidence = reading.confidence.validUntil ?? 0;
    if (role.expiry && until && !entry?.validUntil && confidence >= OFFER_CONFIDENCE && !offered.has('validUntil')) {
      offered.add('validUntil');
      offers.push({ target: 'validUntil', value: until, certain: confidence >= CERTAIN });
    }
  }
  return offers;
}
