/**
 * Field validators: one entry point, `checkFieldValue(type, value, today)`, for the UI, the CLI
 * (`matprep field`) and the check. Each returns a Verdict — valid, or a message code and its
 * params — worded by the reader (src/i18n/fields.ts); `warning` carries a doubt that should not block
 * (e.g. an unusual organisation code).
 */
import type { FieldType } from '../schemas/rules';
import { isIsoDate } from '../dates';
import { localToday } from '../today';
import { validateCnId, validateUscc } from './identity';
import {
  validateCultureLicenceNo,
  validateIcpFilingNo,
  validateIcpLicenceNo,
  validateMlpsFilingNo,
  validatePsbFilingNo,
} from './licences';
import { validateDomain, validateEmail, validateIpv4, validateIpv6, validateMobile } from './network';
import { invalid, VALID, type Verdict } from './verdict';

export { normalizeMobile, domainAscii } from './network';
export { normaliseDomain, normaliseFieldText } from './normalise';
export { usccCheckChar, cnIdCheckChar, orgCodeCheckChar } from './identity';
export { dayNumber, addMonths, isIsoDate, formatDay } from '../dates';
export type { Verdict } from './verdict';

type Validator = (value: string, today: string) => Verdict;

const validators = {
  uscc: (v) => validateUscc(v),
  'cn-id': validateCnId,
  mobile: (v) => validateMobile(v),
  email: (v) => validateEmail(v),
  domain: (v) => validateDomain(v),
  ipv4: (v) => validateIpv4(v),
  ipv6: (v) => validateIpv6(v),
  'icp-filing-no': validateIcpFilingNo,
  'icp-licence-no': validateIcpLicenceNo,
  'culture-licence-no': validateCultureLicenceNo,
  'mlps-filing-no': (v) => validateMlpsFilingNo(v),
  'psb-filing-no': (v) => validatePsbFilingNo(v),
  date: (v) => (isIsoDate(v) ? VALID : invalid('field.date.format', { value: v })),
  number: (v) => (v.trim() !== '' && Number.isFinite(Number(v.trim())) ? VALID : invalid('field.number.format')),
} satisfies Record<string, Validator>;

/** The identifier types `matprep field` accepts (free-text types have nothing to validate). */
export const FIELD_VALIDATOR_TYPES = Object.keys(validators) as (keyof typeof validators)[];
export type FieldValidatorType = (typeof FIELD_VALIDATOR_TYPES)[number];

export function isFieldValidatorType(type: string): type is FieldValidatorType {
  return Object.prototype.hasOwnProperty.call(validators, type);
}

/** The untranslated verdict; free-text types (text, textarea, select, multi) are always valid here. */
export function checkFieldValue(type: FieldType | string, value: string, today: string = localToday()): Verdict {
  if (isFieldValidatorType(type)) return validators[type](value, today);
  if (type === 'boolean') return /^(true|false)$/.test(value.trim()) ? VALID : invalid('field.boolean.format');
  return VALID;
}
