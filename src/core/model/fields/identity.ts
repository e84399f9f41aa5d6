/**
 * Chinese registration numbers: the 统一社会信用代码 (GB 32100-2015) and the 居民身份证号码
 * (GB 11643-1999). Both carry a check character, which catches most typing mistakes before a
 * portal rejects the filing days later.
 */
import { dayNumberOf, dayNumber } from '../dates';
import { invalid, VALID, type Verdict } from './verdict';

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The GB 32100 check character for the first 17 characters (assumed from the charset). */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]) * USCC_WEIGHTS[i];
  const r = 31 - (sum % 31);
  return USCC_CHARS[r === 31 ? 0 : r];
}

/** The GB 11714 check character of an organisation code's first 8 characters. */
export function orgCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = first8[i];
    const value = /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55; // A=10 … Z=35
    sum += value * ORG_WEIGHTS[i];
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

export function validateUscc(raw: string): Verdict {
  const value = raw.trim().toUpperCase();
  if (value.length !== 18) return invalid('field.uscc.length', { length: value.length });
  for (let i = 0; i < 18; i++) {
    if (!USCC_CHARS.includes(value[i])) return invalid('field.uscc.char', { char: value[i], position: i + 1 });
  }
  if (!/^\d{6}$/.test(value.slice(2, 8))) return invalid('field.uscc.region');
  const expected = usccCheckChar(value.slice(0, 17));
  if (value[17] !== expected) return invalid('field.uscc.check', { expected, actual: value[17] });
  // The embedded organisation code's own check is not enforced by every issuer: only warn.
  const org = value.slice(8, 17);
  if (/^[0-9A-Z]{8}[0-9X]$/.test(org) && orgCodeCheckChar(org.slice(0, 8)) !== org[8]) {
    return { valid: true, warning: { code: 'field.uscc.orgCheck', params: { org } } };
  }
  return VALID;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function cnIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

export function validateCnId(raw: string, today: string): Verdict {
  const value = raw.trim().toUpperCase();
  if (/^\d{15}$/.test(value)) return invalid('field.cnId.old15');
  if (value.length !== 18) return invalid('field.cnId.length', { length: value.length });
  if (!/^[1-9]\d{16}[\dX]$/.test(value)) return invalid('field.cnId.chars');
  const year = Number(value.slice(6, 10));
  const birth = dayNumberOf(year, Number(value.slice(10, 12)), Number(value.slice(12, 14)));
  const birthText = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (year < 1800 || birth === null) return invalid('field.cnId.birth', { birth: birthText });
  const todayNumber = dayNumber(today);
  if (todayNumber !== null && birth > todayNumber) return invalid('field.cnId.future', { birth: birthText });
  const expected = cnIdCheckChar(value.slice(0, 17));
  if (value[17] !== expected) return invalid('field.cnId.check', { expected, actual: value[17] });
  return VALID;
}
