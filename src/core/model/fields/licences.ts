/**
 * Numbers printed on filings and licences: ICP备案号, ICP经营许可证号, 网络文化经营许可证号, 等保备案证明编号.
 * Formats and their sources: docs/domain/identifiers.md; province abbreviations accept the common alternates (川/蜀 …).
 */
import { invalid, VALID, type Verdict } from './verdict';

export const PROVINCE_ABBREVIATIONS = '京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀贵黔云滇藏陕甘陇青宁新';
const PROVINCE = `[${PROVINCE_ABBREVIATIONS}]`;

/** Full-width digits and hyphens, brackets typed in Chinese input modes are read as ASCII. */
function normalize(raw: string): string {
  return raw
    .trim()
    .replace(/\s+/g, '')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
    .replace(/[－—–]/g, '-')
    .replace(/ｉｃｐ|icp/gi, 'ICP');
}

function checkYear(year: number, today: string): Verdict | null {
  const thisYear = Number(today.slice(0, 4)) || new Date().getUTCFullYear();
  return year < 1998 || year > thisYear ? invalid('field.licenceNo.year', { year }) : null;
}

export function validateIcpFilingNo(raw: string, today: string): Verdict {
  const value = normalize(raw);
  if (!new RegExp(`^${PROVINCE}`).test(value)) return invalid('field.icpFiling.province');
  const m = new RegExp(`^${PROVINCE}ICP备(\\d+)号(-\\d+[AX]?)?$`).exec(value);
  if (!m) return invalid('field.icpFiling.format');
  const digits = m[1];
  if (digits.length === 10) return checkYear(Number(digits.slice(0, 4)), today) ?? VALID;
  if (digits.length === 8) return VALID;
  return invalid('field.icpFiling.digits', { length: digits.length });
}

export function validateIcpLicenceNo(raw: string, today: string): Verdict {
  const value = normalize(raw);
  if (new RegExp(`^${PROVINCE}ICP证\\d{6}号$`).test(value)) return VALID;
  // 浙B2-20080224, B2-20090003 (cross-region), B1.B2-20090003, A2.B1.B2-20090003
  const m = new RegExp(`^(${PROVINCE})?([AB][12](?:[.．][AB][12])*)-(\\d+)$`).exec(value);
  if (!m) return invalid('field.icpLicence.format');
  if (m[3].length !== 8) return invalid('field.icpLicence.digits', { length: m[3].length });
  return checkYear(Number(m[3].slice(0, 4)), today) ?? VALID;
}

export function validateCultureLicenceNo(raw: string, today: string): Verdict {
  const value = normalize(raw)
    .replace(/[[［]/g, '〔')
    .replace(/[\]］]/g, '〕');
  const m = new RegExp(`^${PROVINCE}网文〔(\\d{4})〕\\d{4,5}-\\d{3,4}号$`).exec(value);
  if (!m) return invalid('field.cultureLicence.format');
  return checkYear(Number(m[1]), today) ?? VALID;
}

/** First two digits of a province-level division code (GB/T 2260), which every 公安机关代码 starts with. */
const PROVINCE_DIVISION_CODES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65,
]);

/**
 * 等保备案证明编号: 11 digits (6-digit 公安机关代码 + 5-digit unit number), a hyphen, 5 digits — not confirmed
 * in an official text (docs/domain/identifiers.md), so packs use this type with `severity: warning`.
 */
export function validateMlpsFilingNo(raw: string): Verdict {
  const value = normalize(raw);
  if (!/^\d{11}-\d{5}$/.test(value)) return invalid('field.mlpsFiling.format');
  if (!PROVINCE_DIVISION_CODES.has(Number(value.slice(0, 2)))) {
    return invalid('field.mlpsFiling.region', { code: value.slice(0, 6) });
  }
  return VALID;
}
