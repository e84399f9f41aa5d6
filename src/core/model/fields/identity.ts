/**
 * Chinese registration numbers: the 统一社会信用代码 (GB 32100-2015) and the 居民身份证号码
 * (GB 11643-1999). Both carry a check character, which catches most typing mistakes before a
 * portal rejects the filing days later; the parts before it are checked too (who registered the
 * organisation and as what, and the province-level region code of GB/T 2260).
 */
import { dayNumberOf, dayNumber } from '../dates';
import { ID_REGION_CODES, USCC_REGION_CODES } from './regions';
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

/**
 * Character 1 (登记管理部门代码) → the characters 2 (机构类别代码) that authority issues: GB 32100-2015
 * 表1 (1 机构编制, 5 民政, 9 工商, Y 其他) and the codes the standard's administrators assigned since
 * (2 外交, 3 司法行政, 4 文化, 6 旅游, 7 宗教, 8 工会, A 中央军委改革和编制办公室, N 农业农村).
 */
const USCC_ORG_TYPES: Readonly<Record<string, string>> = {
  '1': '1239', // 机关, 事业单位, 中央编办直接管理机构编制的群众团体, 其他
  '2': '19', // 外国常驻新闻机构, 其他
  '3': '123459', // 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, 其他
  '4': '19', // 外国在华文化中心, 其他
  '5': '1239', // 社会团体, 民办非企业单位, 基金会, 其他
  '6': '129', // 外国 / 港澳台旅游部门常驻代表机构, 其他
  '7': '129', // 宗教活动场所, 宗教院校, 其他
  '8': '19', // 基层工会, 其他
  '9': '123', // 企业, 个体工商户, 农民专业合作社
  A: '19', // 军队事业单位, 其他
  N: '1239', // 组级、村级、乡镇级集体经济组织, 其他
  Y: '1', // 其他登记管理部门
};

export function validateUscc(raw: string): Verdict {
  const value = raw.trim().toUpperCase();
  if (value.length !== 18) return invalid('field.uscc.length', { length: value.length });
  for (let i = 0; i < 18; i++) {
    if (!USCC_CHARS.includes(value[i])) return invalid('field.uscc.char', { char: value[i], position: i + 1 });
  }
  const types = USCC_ORG_TYPES[value[0]];
  if (types === undefined) return invalid('field.uscc.authority', { char: value[0] });
  if (!types.includes(value[1])) {
    return invalid('field.uscc.orgType', { char: value[1], authority: value[0], allowed: types.split('').join('、') });
  }
  if (!/^\d{6}$/.test(value.slice(2, 8))) return invalid('field.uscc.region');
  if (!USCC_REGION_CODES.has(Number(value.slice(2, 4))))
    return invalid('field.uscc.province', { code: value.slice(2, 8) });
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
  if (!ID_REGION_CODES.has(Number(value.slice(0, 2)))) return invalid('field.cnId.region', { code: value.slice(0, 6) });
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
