import { describe, expect, it } from 'vitest';
import { FIELD_VALIDATOR_TYPES, usccCheckChar, cnIdCheckChar } from '../../src/core/model/fields';
import { validateField } from '../../src/i18n/fields';

const today = '2026-11-23';

/** [type, value, valid, message-key of the reason (for invalid ones)] */
const table: [string, string, boolean, string?][] = [
  // 统一社会信用代码: the samples in docs/domain/identifiers.md, then one change each.
  ['uscc', '91310110666007217T', true],
  ['uscc', '91310115591693856A', true],
  ['uscc', '913502000728319549', true],
  ['uscc', ' 91310110666007217t ', true],
  ['uscc', '91310110666007217A', false, 'field.uscc.check'],
  ['uscc', '91310110666007218T', false, 'field.uscc.check'],
  ['uscc', '9131011066600721', false, 'field.uscc.length'],
  ['uscc', '91310110666007217TT', false, 'field.uscc.length'],
  ['uscc', '9131011066600721IT', false, 'field.uscc.char'],
  ['uscc', '91AB0110666007217T', false, 'field.uscc.region'],
  ['uscc', '', false, 'field.uscc.length'],
  // 身份证号 (GB 11643-1999): §8 sample; lower-case x; wrong check digit; impossible or future birth dates.
  ['cn-id', '11010519491231002X', true],
  ['cn-id', '11010519491231002x', true],
  ['cn-id', '110105194912310021', false, 'field.cnId.check'],
  ['cn-id', '11010519490230002X', false, 'field.cnId.birth'],
  ['cn-id', '110105202712310028', false, 'field.cnId.future'],
  ['cn-id', '110105491231002', false, 'field.cnId.old15'],
  ['cn-id', '01010519491231002X', false, 'field.cnId.chars'],
  ['cn-id', '1101051949123100', false, 'field.cnId.length'],
  ['cn-id', '11010519491231002Y', false, 'field.cnId.chars'],
  // Mobile
  ['mobile', '13800138000', true],
  ['mobile', '+86 138-0013-8000', true],
  ['mobile', '19912345678', true],
  ['mobile', '12800138000', false, 'field.mobile.prefix'],
  ['mobile', '1380013800', false, 'field.mobile.length'],
  ['mobile', '010-62345678', false, 'field.mobile.prefix'],
  ['mobile', '138OO138000', false, 'field.mobile.chars'],
  // E-mail
  ['email', 'admin@example.com', true],
  ['email', 'first.last+tag@sub.example.com.cn', true],
  ['email', 'webmaster@例子.中国', true],
  ['email', 'admin.example.com', false, 'field.email.noAt'],
  ['email', 'a..b@example.com', false, 'field.email.local'],
  ['email', 'admin@example', false, 'field.email.domain'],
  ['email', '@example.com', false, 'field.email.local'],
  // Domain, incl. Chinese IDN via punycode
  ['domain', 'example.com', true],
  ['domain', 'www.example.com.cn', true],
  ['domain', '例子.中国', true],
  ['domain', '中文网站.公司', true],
  ['domain', 'xn--fsqu00a.xn--fiqs8s', true],
  ['domain', 'Example.COM.', true],
  ['domain', 'https://example.com', false, 'field.domain.url'],
  ['domain', 'example.com/path', false, 'field.domain.url'],
  ['domain', 'example', false, 'field.domain.noDot'],
  ['domain', 'exa mple.com', false, 'field.domain.space'],
  ['domain', '-example.com', false, 'field.domain.hyphen'],
  ['domain', 'example..com', false, 'field.domain.emptyLabel'],
  ['domain', 'example.c0m', false, 'field.domain.tld'],
  ['domain', 'exa_mple.com', false, 'field.domain.chars'],
  ['domain', '192.168.1.1', false, 'field.domain.ip'],
  ['domain', 'example.com:8080', false, 'field.domain.port'],
  ['domain', `${'a'.repeat(64)}.com`, false, 'field.domain.labelTooLong'],
  // IPv4
  ['ipv4', '192.0.2.1', true],
  ['ipv4', '0.0.0.0', true],
  ['ipv4', '255.255.255.255', true],
  ['ipv4', '256.1.1.1', false, 'field.ipv4.octet'],
  ['ipv4', '192.168.01.1', false, 'field.ipv4.octet'],
  ['ipv4', '1.2.3', false, 'field.ipv4.parts'],
  ['ipv4', '1.2.3.4.5', false, 'field.ipv4.parts'],
  ['ipv4', '1.2.3.a', false, 'field.ipv4.octet'],
  // IPv6
  ['ipv6', '2001:db8::1', true],
  ['ipv6', '::', true],
  ['ipv6', '::1', true],
  ['ipv6', '2001:0db8:0000:0000:0000:ff00:0042:8329', true],
  ['ipv6', '::ffff:192.0.2.1', true],
  ['ipv6', 'fe80::1:2:3:4:5:6', true],
  ['ipv6', '2001:db8::1::2', false, 'field.ipv6.doubleColon'],
  ['ipv6', '2001:db8:1:2:3:4:5', false, 'field.ipv6.count'],
  ['ipv6', '1:2:3:4:5:6:7:8:9', false, 'field.ipv6.count'],
  ['ipv6', '1::2:3:4:5:6:7:8', false, 'field.ipv6.count'],
  ['ipv6', '2001:db8::12345', false, 'field.ipv6.group'],
  ['ipv6', 'fe80::1%eth0', false, 'field.ipv6.zone'],
  ['ipv6', '2001:db8::g', false, 'field.ipv6.chars'],
  ['ipv6', '::ffff:192.0.2.256', false, 'field.ipv6.group'],
  // ICP 备案号: old 8-digit, new 10-digit, site / app / mini-program suffixes, alternate abbreviations.
  ['icp-filing-no', '粤ICP备2023007649号', true],
  ['icp-filing-no', '粤ICP备2023007649号-1', true],
  ['icp-filing-no', '京ICP备05002571号', true],
  ['icp-filing-no', '京ICP备2023000001号-2A', true],
  ['icp-filing-no', '沪ICP备2024000001号-3X', true],
  ['icp-filing-no', '蜀ICP备12345678号', true],
  ['icp-filing-no', '黔ICP备2022001234号-1', true],
  ['icp-filing-no', '粤icp备2023007649号', true],
  ['icp-filing-no', 'ICP备2023007649号', false, 'field.icpFiling.province'],
  ['icp-filing-no', '港ICP备2023007649号', false, 'field.icpFiling.province'],
  ['icp-filing-no', '粤ICP备2023007649', false, 'field.icpFiling.format'],
  ['icp-filing-no', '粤ICP备2023007649号-1B', false, 'field.icpFiling.format'],
  ['icp-filing-no', '粤ICP备202300764号', false, 'field.icpFiling.digits'],
  ['icp-filing-no', '粤ICP备2099007649号', false, 'field.licenceNo.year'],
  ['icp-filing-no', '粤ICP证2023007649号', false, 'field.icpFiling.format'],
  // ICP 许可证号
  ['icp-licence-no', '浙B2-20080224', true],
  ['icp-licence-no', 'B2-20090003', true],
  ['icp-licence-no', '京ICP证000007号', true],
  ['icp-licence-no', '京B1.B2-20090003', true],
  ['icp-licence-no', '沪A2.B1.B2-20100001', true],
  ['icp-licence-no', '浙B2-2008022', false, 'field.icpLicence.digits'],
  ['icp-licence-no', '浙B3-20080224', false, 'field.icpLicence.service'],
  ['icp-licence-no', '浙ICP备20080224号', false, 'field.icpLicence.format'],
  ['icp-licence-no', '浙B2-20990224', false, 'field.licenceNo.year'],
  // 网络文化经营许可证号
  ['culture-licence-no', '粤网文〔2023〕1234-567号', true],
  ['culture-licence-no', '京网文[2019]12345-1234号', true],
  ['culture-licence-no', '粤网文2023-1234-567号', false, 'field.cultureLicence.format'],
  // 等保备案证明编号 (11 digits - 5 digits, starting with a province-level code)
  ['mlps-filing-no', '11010813001-00001', true],
  ['mlps-filing-no', '４４０３０５１３００２－０００１２', true],
  ['mlps-filing-no', '1101081300-00001', false, 'field.mlpsFiling.format'],
  ['mlps-filing-no', '11010813001-0001', false, 'field.mlpsFiling.format'],
  ['mlps-filing-no', '1101081300100001', false, 'field.mlpsFiling.format'],
  ['mlps-filing-no', '99010813001-00001', false, 'field.mlpsFiling.region'],
  // 公安联网备案号 (more in fields-identifiers.test.ts)
  ['psb-filing-no', '京公网安备 11010502030143号', true],
  ['psb-filing-no', '京公网安备 1101050203014号', false, 'field.psbFiling.digits'],
  // Dates
  ['date', '2024-02-29', true],
  ['date', '2026-01-31', true],
  ['date', '2023-02-29', false, 'field.date.format'],
  ['date', '2026-13-01', false, 'field.date.format'],
  ['date', '2026/01/31', false, 'field.date.format'],
  ['date', '26-01-31', false, 'field.date.format'],
];

describe('validateField', () => {
  it.each(table)('%s %j → valid %s', (type, value, valid, code) => {
    const result = validateField(type, value, { today });
    expect(result.valid).toBe(valid);
    if (valid) expect(result.reason).toBeNull();
    else {
      expect(result.code).toBe(code);
      expect(result.reason).toBeTruthy();
      expect(result.reason).not.toContain('field.'); // a real sentence, not a key
    }
  });

  it('has examples for every validator type', () => {
    const covered = new Set(table.map(([type]) => type));
    for (const type of FIELD_VALIDATOR_TYPES.filter((t) => t !== 'number')) expect(covered).toContain(type);
  });

  it('gives the reason in the requested language', () => {
    expect(validateField('mobile', '123', { locale: 'zh-CN' }).reason).toMatch(/手机号/);
    expect(validateField('mobile', '123', { locale: 'en' }).reason).toMatch(/mobile number/);
  });

  it('rejects unknown types with the list of known ones', () => {
    const result = validateField('passport', 'E12345678');
    expect(result.valid).toBe(false);
    expect(result.reason).toContain('uscc');
  });

  it('uses today for birth dates: a birth date of today is valid, tomorrow is not', () => {
    const first17 = '11010520261123002';
    const id = first17 + cnIdCheckChar(first17);
    expect(validateField('cn-id', id, { today: '2026-11-23' }).valid).toBe(true);
    expect(validateField('cn-id', id, { today: '2026-11-22' }).code).toBe('field.cnId.future');
  });

  it('warns but accepts a USCC whose embedded organisation code check digit is off', () => {
    // Build a code whose GB 32100 check is right but whose GB 11714 check (char 17) is wrong.
    const body = '91310110666007218'; // organisation code 66600721-8; the right digit is 7
    const code = body + usccCheckChar(body);
    const result = validateField('uscc', code);
    expect(result.valid).toBe(true);
    expect(result.warning).toMatch(/组织机构代码/);
  });
});

describe('check characters', () => {
  it('computes the GB 32100 and GB 11643 check characters of the samples', () => {
    expect(usccCheckChar('91310110666007217')).toBe('T');
    expect(usccCheckChar('91350200072831954')).toBe('9');
    expect(cnIdCheckChar('11010519491231002')).toBe('X');
  });
});
