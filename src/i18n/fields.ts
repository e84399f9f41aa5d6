/** A field value's verdict (src/core/model/fields) in the user's language, for `matprep field` and the form. */
import { checkFieldValue, FIELD_VALIDATOR_TYPES, isFieldValidatorType, normaliseFieldText } from '../core/model/fields';
import { localToday } from '../core/model/today';
import type { FieldType } from '../core/model/schemas/rules';
import { dynamicKey, t, DEFAULT_LOCALE, type Locale } from './index';

export interface FieldValidation {
  valid: boolean;
  reason: string | null;
  /** A doubt worth showing that does not make the value invalid. */
  warning?: string | null;
  /** The message key of the reason (or warning), for callers that build their own messages. */
  code?: string;
}

/** Checks `value` as a `type` field and words the verdict in `locale`. */
export function validateField(
  type: FieldType | string,
  value: string,
  opts: { today?: string; locale?: Locale } = {},
): FieldValidation {
  const locale = opts.locale ?? DEFAULT_LOCALE;
  if (!isFieldValidatorType(type) && !['text', 'textarea', 'select', 'multi', 'boolean'].includes(type)) {
    return {
      valid: false,
      reason: t(locale, 'field.unknownType', { type, types: FIELD_VALIDATOR_TYPES.join(', ') }),
      code: 'field.unknownType',
    };
  }
  const verdict = checkFieldValue(type, value, opts.today ?? localToday());
  if (!verdict.valid)
    return { valid: false, reason: t(locale, dynamicKey(verdict.code), verdict.params), code: verdict.code };
  if (verdict.warning) {
    return {
      valid: true,
      reason: null,
      warning: t(locale, dynamicKey(verdict.warning.code), verdict.warning.params),
      code: verdict.warning.code,
    };
  }
  return { valid: true, reason: null };
}

/**
 * What `matprep field` and the profile form judge: the value as the app would store it
 * (`normaliseFieldText`: full-width characters pasted from a PDF, spaces, case), then its verdict.
 */
export function judgeFieldInput(
  type: FieldType | string,
  raw: string,
  opts: { today?: string; locale?: Locale } = {},
): FieldValidation & { value: string } {
  const value = normaliseFieldText(type, raw);
  return { ...validateField(type, value, opts), value };
}
