/**
 * Reasons the identifier validators give for the parts of a number they check beyond its shape
 * (src/core/fields): who registered a USCC and as what, region codes, mobile segments, IDNA hyphens,
 * ICP serials and suffixes, licence service codes, 网文 serials and the 公网安备 number.
 */
import { defineMessages } from '../catalog/define';

export const identifierMessages = defineMessages({
  'zh-CN': {
    'field.uscc.authority':
      '第 1 位“{char}”不是登记管理部门代码（GB 32100-2015：1 机构编制、5 民政、9 市场监管（工商）、Y 其他等）。请对照证书核对。',
    'field.uscc.orgType':
      '第 2 位“{char}”不是登记管理部门“{authority}”使用的机构类别代码（可为 {allowed}）。请对照证书核对。',
    'field.uscc.province': '第 3–8 位“{code}”不是有效的登记管理机关行政区划代码（前两位应为省级代码，GB/T 2260）。',
    'field.cnId.region': '前 6 位“{code}”不是有效的地址码：前两位应为省级行政区划代码（GB/T 2260）。',
    'field.mobile.segment': '“{segment}”不是已分配的手机号段，收不到核验短信。请核对号码。',
    'field.domain.reservedHyphens':
      '域名中的“{label}”第 3、4 位是“--”：这只用于以 xn-- 开头的中文域名编码（RFC 5891），请核对拼写。',
    'field.icpFiling.serial': 'ICP 备案号的顺序号“{serial}”全为 0：顺序号从 1 开始，请对照备案信息核对。',
    'field.icpFiling.suffix': '备案号后缀“-{suffix}”不对：网站、APP 的序号从 1 开始，不带前导 0（如“-1”“-2A”）。',
    'field.icpLicence.service':
      '“{code}”不是增值电信业务代码：应为 A1、A2、B1、B2（如 B2 信息服务），多项用点分隔，如“B1.B2”。',
    'field.cultureLicence.province': '网络文化经营许可证号应以省份简称开头，例如“粤网文〔2023〕1234-567号”。',
    'field.cultureLicence.serial': '许可证号中年份后的编号“{serial}”应为 4–5 位数字、短横线、3–4 位数字。',
    'field.psbFiling.province': '公安联网备案号应以省份简称开头，例如“京公网安备 11010502030143号”。',
    'field.psbFiling.format':
      '公安联网备案号格式应为“省份简称 + 公网安备 + 14 位数字 + 号”，例如“京公网安备 11010502030143号”。',
    'field.psbFiling.digits': '公网安备后的编号应为 14 位数字，现在是 {length} 位。',
    'field.psbFiling.mismatch':
      '省份简称“{abbreviation}”与编号前两位“{code}”不符（该省的代码是 {expected}）。请对照备案信息核对。',
  },
  en: {
    'field.uscc.authority':
      'Character 1, "{char}", is not a registration authority code (GB 32100-2015: 1 staffing office, 5 civil affairs, 9 market regulation, Y other, …). Check it against the certificate.',
    'field.uscc.orgType':
      'Character 2, "{char}", is not an organisation type that authority "{authority}" issues (it may be {allowed}). Check it against the certificate.',
    'field.uscc.province':
      'Characters 3–8, "{code}", are not a valid region code of the registering authority (the first two digits are a province-level code, GB/T 2260).',
    'field.cnId.region':
      'The first 6 digits, "{code}", are not a valid address code: the first two are a province-level code (GB/T 2260).',
    'field.mobile.segment':
      '"{segment}" is not an allocated mobile number segment; no verification SMS can reach it. Check the number.',
    'field.domain.reservedHyphens':
      'The part "{label}" of the domain has "--" in positions 3–4, which only encoded Chinese labels starting xn-- may have (RFC 5891). Check the spelling.',
    'field.icpFiling.serial':
      'The serial "{serial}" of the ICP filing number is all zeros; serials start at 1. Check it against the filing.',
    'field.icpFiling.suffix':
      'The suffix "-{suffix}" is wrong: site and app numbers start at 1 without a leading zero (e.g. -1, -2A).',
    'field.icpLicence.service':
      '"{code}" is not a value-added telecom service code: use A1, A2, B1 or B2 (B2 is information services), joined by dots, e.g. B1.B2.',
    'field.cultureLicence.province':
      'An internet culture licence number starts with a province abbreviation, e.g. 粤网文〔2023〕1234-567号.',
    'field.cultureLicence.serial': 'The number after the year, "{serial}", is 4–5 digits, a hyphen and 3–4 digits.',
    'field.psbFiling.province':
      'A public security filing number starts with a province abbreviation, e.g. 京公网安备 11010502030143号.',
    'field.psbFiling.format':
      'A public security filing number is a province abbreviation, 公网安备, 14 digits and 号, e.g. 京公网安备 11010502030143号.',
    'field.psbFiling.digits': 'The number after 公网安备 has 14 digits; this one has {length}.',
    'field.psbFiling.mismatch':
      'The province abbreviation "{abbreviation}" does not match the first two digits "{code}" (that province\'s code is {expected}). Check it against the filing.',
  },
});
