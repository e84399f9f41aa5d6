/**
 * Numbers printed on filings and licences: ICP备案号 (websites, and APP / 小程序 / 快应用 since
 * 工信部信管〔2023〕105号), ICP/增值电信经营许可证号, 网络文化经营许可证号, 等保备案证明编号 and the
 * 公安联网备案号 (公网安备). Each validator names the part that is wrong. Province abbreviations accept
 * the common alternates (川/蜀 …); see docs/domain/identifiers.md for the formats and where they come from.
 */
import { invalid, VALID, type Verdict } from './verdict';
import { MAINLAND_PROVINCE_CODES, PROVINCE_ABBREVIATIONS, PROVINCE_CODE_BY_ABBREVIATION } from './regions';

export { PROVINCE_ABBREVIATIONS } from './regions';
const PROVINCE = `[${PROVINCE_ABBREVIATIONS}]`;

/** Full-width digits and hyphens, brackets typed in Chinese input modes are read as ASCII. */
function normalize(raw: string): string {
  return raw
    .trim()
    .replace(/\s+/g, '')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
    .replace(/[Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[－—–]/g, '-')
    .replace(/icp/gi, 'ICP');
}

function checkYear(year: number, today: string): Verdict | null {
  const thisYear = Number(today.slice(0, 4)) || new Date().getUTCFullYear();
  return year < 1998 || year > thisYear ? invalid('field.licenceNo.year', { year }) : null;
}

/**
 * 粤ICP备2023007649号 (4-digit year + 6-digit serial; before 2020 often 2-digit year + 6 digits), then
 * `-N` for the Nth website, `-NA` for an APP, `-NX` for a 小程序, `-NK` for a 快应用 (105号文). Serials
 * and site numbers count from 1.
 */
export function validateIcpFilingNo(raw: string, today: string): Verdict {
  const value = normalize(raw).replace(/(-\d+)([axk])$/, (_, n: string, kind: string) => n + kind.toUpperCase());
  if (!new RegExp(`^${PROVINCE}`).test(value)) return invalid('field.icpFiling.province');
  const m = new RegExp(`^${PROVINCE}ICP备(\\d+)号(?:-(\\d+)([AXK])?)?$`).exec(value);
  if (!m) return invalid('field.icpFiling.format');
  const digits = m[1];
  if (digits.length !== 8 && digits.length !== 10) return invalid('field.icpFiling.digits', { length: digits.length });
  if (/^0+$/.test(digits.slice(-6))) return invalid('field.icpFiling.serial', { serial: digits.slice(-6) });
  if (m[2] !== undefined && !/^[1-9]\d*$/.test(m[2])) return invalid('field.icpFiling.suffix', { suffix: m[2] });
  return digits.length === 10 ? (checkYear(Number(digits.slice(0, 4)), today) ?? VALID) : VALID;
}

/**
 * 浙B2-20080224; B2-20090003 (cross-region, issued by MIIT); 合字B2-20170010 and 沪合字B2-… (foreign-
 * invested); several services joined by dots (A2.B1.B2-20100001); and the older 京ICP证000007号 /
 * ICP证合字B2-20070004号 forms.
 */
export function validateIcpLicenceNo(raw: string, today: string): Verdict {
  const value = normalize(raw)
    .replace(/．/g, '.')
    .replace(/(?<=[AB][12])[,，、](?=[AB][12])/g, '.');
  if (new RegExp(`^${PROVINCE}ICP证\\d{6}号$`).test(value)) return VALID;
  const m = new RegExp(`^(?:${PROVINCE})?(?:ICP证)?(?:合字)?([A-Z]\\d(?:\\.[A-Z]\\d)*)-(\\d+)(号)?$`).exec(value);
  if (!m) return invalid('field.icpLicence.format');
  const unknown = m[1].split('.').find((code) => !/^[AB][12]$/.test(code));
  if (unknown) return invalid('field.icpLicence.service', { code: unknown });
  if (m[2].length !== 8) return invalid('field.icpLicence.digits', { length: m[2].length });
  return checkYear(Number(m[2].slice(0, 4)), today) ?? VALID;
}

/** 粤网文〔2023〕1234-567号; the year may be printed in （）, (), [], ［］, 【】 or 〔〕. */
export function validateCultureLicenceNo(raw: string, today: string): Verdict {
  const value = normalize(raw)
    .replace(/[[［【（(]/g, '〔')
    .replace(/[\]］】）)]/g, '〕');
  if (!new RegExp(`^${PROVINCE}`).test(value)) return invalid('field.cultureLicence.province');
  const m = new RegExp(`^${PROVINCE}网文〔(\\d{4})〕(\\d+)-(\\d+)号$`).exec(value);
  if (!m) return invalid('field.cultureLicence.format');
  if (m[2].length < 4 || m[2].length > 5 || m[3].length < 3 || m[3].length > 4) {
    return invalid('field.cultureLicence.serial', { serial: `${m[2]}-${m[3]}` });
  }
  return checkYear(Number(m[1]), today) ?? VALID;
}

/**
 * 等保备案证明编号: 11 digits (6-digit 公安机关代码 + 5-digit unit number), a hyphen, 5 digits (the system).
 * The format is the one printed on certificates; 公安部 publishes no standard for it, so packs use this
 * type with `severity: warning`.
 */
export function validateMlpsFilingNo(raw: string): Verdict {
  const value = normalize(raw);
  if (!/^\d{11}-\d{5}$/.test(value)) return invalid('field.mlpsFiling.format');
  if (!MAINLAND_PROVINCE_CODES.has(Number(value.slice(0, 2)))) {
    return invalid('field.mlpsFiling.region', { code: value.slice(0, 6) });
  }
  return VALID;
}

/**
 * 公安联网备案号 as the filing system (beian.gov.cn / beian.mps.gov.cn) issues it: province abbreviation
 * + 公网安备 + 14 digits + 号, the digits starting with the 公安机关 code of the province named.
 */
export function validatePsbFilingNo(raw: string): Verdict {
  const value = normalize(raw);
  const abbreviation = value[0];
  const province = PROVINCE_CODE_BY_ABBREVIATION[abbreviation ?? ''];
  if (province === undefined) return invalid('field.psbFiling.province');
  const m = /^.公网安备(\d+)号?$/.exec(value);
  if (!m || !value.endsWith('号')) return invalid('field.psbFiling.format');
  if (m[1].length !== 14) return invalid('field.psbFiling.digits', { length: m[1].length });
  const code = Number(m[1].slice(0, 2));
  if (code !== province) {
    return invalid('field.psbFiling.mismatch', { abbreviation, code: m[1].slice(0, 2), expected: province });
  }
  return VALID;
}
