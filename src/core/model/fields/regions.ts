/**
 * Province-level codes of GB/T 2260 (the first two digits of every administrative division code)
 * and the one-character abbreviations printed on filing and licence numbers (京ICP备…, 粤公网安备…).
 * Identifiers embed these codes; a code outside the table is a typing mistake, not a new province.
 */

/** Abbreviation → GB/T 2260 province code; the alternates (蜀 黔 滇 陇 秦) name the same province. */
export const PROVINCE_CODE_BY_ABBREVIATION: Readonly<Record<string, number>> = {
  京: 11,
  津: 12,
  冀: 13,
  晋: 14,
  蒙: 15,
  辽: 21,
  吉: 22,
  黑: 23,
  沪: 31,
  苏: 32,
  浙: 33,
  皖: 34,
  闽: 35,
  赣: 36,
  鲁: 37,
  豫: 41,
  鄂: 42,
  湘: 43,
  粤: 44,
  桂: 45,
  琼: 46,
  渝: 50,
  川: 51,
  蜀: 51,
  贵: 52,
  黔: 52,
  云: 53,
  滇: 53,
  藏: 54,
  陕: 61,
  秦: 61,
  甘: 62,
  陇: 62,
  青: 63,
  宁: 64,
  新: 65,
};

export const PROVINCE_ABBREVIATIONS = Object.keys(PROVINCE_CODE_BY_ABBREVIATION).join('');

/** The 31 province-level divisions of the mainland (GB/T 2260). */
export const MAINLAND_PROVINCE_CODES: ReadonlySet<number> = new Set(Object.values(PROVINCE_CODE_BY_ABBREVIATION));

/**
 * Province-level codes a 居民身份证 / 居住证 number may start with: the mainland's, and 81 / 82 / 83
 * for the 港澳台居民居住证 (numbers 810000…, 820000…, 830000…).
 */
export const ID_REGION_CODES: ReadonlySet<number> = new Set([...MAINLAND_PROVINCE_CODES, 81, 82, 83]);

/** Codes a USCC's registration authority may sit under: the provinces, and 10 for central-level registration. */
export const USCC_REGION_CODES: ReadonlySet<number> = new Set([...MAINLAND_PROVINCE_CODES, 10]);
