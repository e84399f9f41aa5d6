/**
 * The identifier rules beyond the check character, each with real-format examples that pass and
 * one that breaks exactly that rule, and properties over generated values: GB 32100-2015 authority
 * and type codes, GB/T 2260 province codes, allocated mobile segments, RFC 5891 hyphens, ICP serials
 * and APP / 小程序 / 快应用 suffixes (工信部信管〔2023〕105号), 合字 licences, 网文 brackets, 公网安备.
 * `matprep field` judges the value as the app stores it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cnIdCheckChar, usccCheckChar } from '../../src/core/model/fields';
import { PROVINCE_CODE_BY_ABBREVIATION } from '../../src/core/model/fields/regions';
import { judgeFieldInput, validateField } from '../../src/i18n/fields';
import { runInProcess } from '../support/cli';

const today = '2026-12-07';

/** A USCC with a right check character: the first 17 characters as given. */
const uscc = (first17: string) => first17 + usccCheckChar(first17);
const cnId = (first17: string) => first17 + cnIdCheckChar(first17);

/** [type, value, valid, message key of the reason] — real formats first, then one broken part each. */
const table: [string, string, boolean, string?][] = [
  // GB 32100-2015: 登记管理部门 + 机构类别.
  ['uscc', uscc('11100000000013127'), true], // 1 机构编制 / 1 机关, central (100000)
  ['uscc', uscc('12440300455755896'), true], // 1 / 2 事业单位
  ['uscc', uscc('31110000400000448'), true], // 3 司法行政 / 1 律师事务所
  ['uscc', uscc('51100000500000041'), true], // 5 民政 / 1 社会团体
  ['uscc', uscc('53100000500021676'), true], // 5 / 3 基金会
  ['uscc', uscc('81330106MC0000001'), true], // 8 工会 / 1 基层工会
  ['uscc', uscc('92440300MA5DXXXX1'), true], // 9 / 2 个体工商户
  ['uscc', uscc('93510100MA6C00001'), true], // 9 / 3 农民专业合作社
  ['uscc', uscc('N2330100MF0000001'), true], // N 农业 / 2 村级集体经济组织
  ['uscc', uscc('Y1110000MA0000001'), true], // Y 其他 / 1
  ['uscc', uscc('B1310110666007217'), false, 'field.uscc.authority'],
  ['uscc', uscc('94310110666007217'), false, 'field.uscc.orgType'], // 工商 issues 1–3 only
  ['uscc', uscc('Y2310110666007217'), false, 'field.uscc.orgType'],
  ['uscc', uscc('91990110666007217'), false, 'field.uscc.province'], // 99 is no province
  ['uscc', uscc('91710000666007217'), false, 'field.uscc.province'],
  // GB 11643 / GB/T 2260: the address code's province.
  ['cn-id', cnId('44030519900101123'), true],
  ['cn-id', cnId('65010219851231001'), true],
  ['cn-id', cnId('81000019900101002'), true], // 港澳台居民居住证
  ['cn-id', cnId('83000019900101003'), true],
  ['cn-id', cnId('99030519900101123'), false, 'field.cnId.region'],
  ['cn-id', cnId('20030519900101123'), false, 'field.cnId.region'],
  ['cn-id', cnId('71000019900101123'), false, 'field.cnId.region'],
  // Allocated mobile segments.
  ...[
    '13912345678',
    '14512345678',
    '14712345678',
    '15012345678',
    '16212345678',
    '16612345678',
    '17012345678',
    '17312345678',
    '17812345678',
    '18912345678',
    '19012345678',
    '19212345678',
    '19912345678',
  ].map((v): [string, string, boolean] => ['mobile', v, true]),
  ...[
    '14012345678',
    '14412345678',
    '15412345678',
    '16012345678',
    '16112345678',
    '16812345678',
    '17912345678',
    '19412345678',
  ].map((v): [string, string, boolean, string] => ['mobile', v, false, 'field.mobile.segment']),
  // RFC 5891 §4.2.3.1: "--" in positions 3–4 only for xn--.
  ['domain', 'a--b.example.com', true], // positions 2–3: allowed
  ['domain', 'my-shop--online.cn', true],
  ['domain', 'xn--fiqs8s.cn', true],
  ['domain', 'ab--cd.com', false, 'field.domain.reservedHyphens'],
  ['domain', 'shop.zz--top.cn', false, 'field.domain.reservedHyphens'],
  ['domain', 'xn--zz.com', false, 'field.domain.idn'],
  // ICP备案号: serials from 1, site/app suffixes from 1, -NA / -NX / -NK (105号文).
  ['icp-filing-no', '京ICP备2023000001号-1K', true],
  ['icp-filing-no', '浙ICP备2024012345号-3x', true],
  ['icp-filing-no', '苏ICP备10207551号-4', true],
  ['icp-filing-no', '粤ICP备13003602号-2', true],
  ['icp-filing-no', '粤ICP备2023000000号', false, 'field.icpFiling.serial'],
  ['icp-filing-no', '粤ICP备13000000号-1', false, 'field.icpFiling.serial'],
  ['icp-filing-no', '粤ICP备2023007649号-0', false, 'field.icpFiling.suffix'],
  ['icp-filing-no', '粤ICP备2023007649号-01A', false, 'field.icpFiling.suffix'],
  ['icp-filing-no', '粤ICP备2023007649号-1Q', false, 'field.icpFiling.format'],
  // ICP / 增值电信许可证号: 合字, several services, the older ICP证 forms.
  ['icp-licence-no', '合字B2-20170010', true],
  ['icp-licence-no', '合字A1.B1.B2-20180017', true],
  ['icp-licence-no', '沪合字B2-20150029', true],
  ['icp-licence-no', 'ICP证合字B2-20070004号', true],
  ['icp-licence-no', '京B1．B2-20090003', true],
  ['icp-licence-no', '湘B2-20191024', true],
  ['icp-licence-no', '合字B3-20170010', false, 'field.icpLicence.service'],
  ['icp-licence-no', '京B2.C1-20090003', false, 'field.icpLicence.service'],
  ['icp-licence-no', '合字B2-2017001', false, 'field.icpLicence.digits'],
  ['icp-licence-no', '字合B2-20170010', false, 'field.icpLicence.format'],
  // 网文: the year in any of the brackets people print.
  ['culture-licence-no', '京网文〔2022〕1234-056号', true],
  ['culture-licence-no', '京网文（2022）1234-056号', true],
  ['culture-licence-no', '京网文(2022)1234-056号', true],
  ['culture-licence-no', '京网文[2022]1234-056号', true],
  ['culture-licence-no', '京网文【2022】1234-056号', true],
  ['culture-licence-no', '网文〔2022〕1234-056号', false, 'field.cultureLicence.province'],
  ['culture-licence-no', '京网文〔2022〕12-056号', false, 'field.cultureLicence.serial'],
  ['culture-licence-no', '京网文〔2099〕1234-056号', false, 'field.licenceNo.year'],
  // 公网安备: abbreviation + 公网安备 + 14 digits + 号, digits in that province.
  ['psb-filing-no', '京公网安备 11010502030143号', true],
  ['psb-filing-no', '浙公网安备33010602009975号', true],
  ['psb-filing-no', '粤公网安备 44030002000001号', true],
  ['psb-filing-no', '川公网安备 51019002001234号', true],
  ['psb-filing-no', '蜀公网安备 51019002001234号', true],
  ['psb-filing-no', '公网安备 11010502030143号', false, 'field.psbFiling.province'],
  ['psb-filing-no', '京公网安备 11010502030143', false, 'field.psbFiling.format'],
  ['psb-filing-no', '京ICP备 11010502030143号', false, 'field.psbFiling.format'],
  ['psb-filing-no', '京公网安备 1101050203014号', false, 'field.psbFiling.digits'],
  ['psb-filing-no', '湘公网安备 31010333002939号', false, 'field.psbFiling.mismatch'],
];

describe('identifier rules: real formats and one broken part each', () => {
  it.each(table)('%s %j → valid %s', (type, value, valid, code) => {
    const result = validateField(type, value, { today });
    expect(result.valid, result.reason ?? '').toBe(valid);
    if (!valid) {
      expect(result.code).toBe(code);
      expect(result.reason).not.toMatch(/\{\w+\}/); // every placeholder filled
      expect(validateField(type, value, { today, locale: 'en' }).reason).not.toMatch(/\{\w+\}/);
    }
  });
});

const digit = fc.constantFrom(...'0123456789');
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((a) => a.join(''));
const abbreviation = fc.constantFrom(...Object.keys(PROVINCE_CODE_BY_ABBREVIATION));

describe('identifier rules (property)', () => {
  it('a 公网安备 number is valid exactly when its first two digits are the named province’s code', () => {
    fc.assert(
      fc.property(abbreviation, digits(2), digits(12), fc.boolean(), (abbr, head, tail, spaced) => {
        const value = `${abbr}公网安备${spaced ? ' ' : ''}${head}${tail}号`;
        const result = validateField('psb-filing-no', value);
        expect(result.valid).toBe(Number(head) === PROVINCE_CODE_BY_ABBREVIATION[abbr]);
        if (!result.valid) expect(result.code).toBe('field.psbFiling.mismatch');
      }),
    );
  });

  it('an ICP filing number with a non-zero serial and a suffix from 1 is valid; a zero suffix never is', () => {
    fc.assert(
      fc.property(
        abbreviation,
        fc.integer({ min: 1998, max: 2026 }),
        fc.integer({ min: 1, max: 999_999 }),
        fc.integer({ min: 1, max: 99 }),
        fc.constantFrom('', 'A', 'X', 'K'),
        (abbr, year, serial, site, kind) => {
          const base = `${abbr}ICP备${year}${String(serial).padStart(6, '0')}号`;
          expect(validateField('icp-filing-no', `${base}-${site}${kind}`, { today }).valid).toBe(true);
          expect(validateField('icp-filing-no', `${base}-0${kind}`, { today }).code).toBe('field.icpFiling.suffix');
        },
      ),
    );
  });

  it('an 11-digit number is a valid mobile exactly when its first three digits are an allocated segment', () => {
    const allocated = /^1(3\d|4[5-9]|5[0-35-9]|6[25-7]|7[0-8]|8\d|9[0-35-9])$/;
    fc.assert(
      fc.property(fc.integer({ min: 130, max: 199 }), digits(8), (segment, rest) => {
        expect(validateField('mobile', `${segment}${rest}`).valid).toBe(allocated.test(String(segment)));
      }),
    );
  });

  it('a domain label with "--" in positions 3–4 is refused unless it is an xn-- label', () => {
    const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwyz');
    fc.assert(
      fc.property(letter, letter, fc.array(letter, { minLength: 1, maxLength: 8 }), (a, b, rest) => {
        const result = validateField('domain', `${a}${b}--${rest.join('')}.cn`);
        expect(result.code).toBe('field.domain.reservedHyphens');
      }),
    );
  });

  it('a 网文 number reads the same in every bracket people print', () => {
    const brackets = [
      ['〔', '〕'],
      ['（', '）'],
      ['(', ')'],
      ['[', ']'],
      ['［', '］'],
      ['【', '】'],
    ] as const;
    fc.assert(
      fc.property(abbreviation, fc.constantFrom(...brackets), digits(4), digits(3), (abbr, [open, close], a, b) => {
        const value = `${abbr}网文${open}2021${close}${a}-${b}号`;
        expect(validateField('culture-licence-no', value, { today }).valid).toBe(true);
      }),
    );
  });
});

describe('matprep field judges the value as the app stores it', () => {
  it.each([
    ['uscc', '９１３１ ０１１０ ６６６０ ０７２１ ７ｔ', '91310110666007217T'],
    ['mobile', '１３８ ００１３ ８０００', '13800138000'],
    ['domain', 'HTTPS://WWW.Example.COM/', 'example.com'],
    ['icp-filing-no', '粤ｉｃｐ备 ２０２３００７６４９号－１', '粤ICP备2023007649号-1'],
    ['icp-filing-no', '京ICP备2023000001号-1k', '京ICP备2023000001号-1K'],
    ['psb-filing-no', '京公网安备 １１０１０５０２０３０１４３ 号', '京公网安备11010502030143号'],
    ['culture-licence-no', '京网文（２０２２）１２３４－０５６号', '京网文(2022)1234-056号'],
  ])('%s %j is stored and judged as %j', async (type, raw, stored) => {
    expect(judgeFieldInput(type, raw, { today })).toMatchObject({ valid: true, value: stored });
    const run = await runInProcess('field', type, raw, '--json', '--today', today);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ valid: true, reason: null, value: stored });
  });

  it('still names the wrong part after normalising', async () => {
    const run = await runInProcess(
      'field',
      'psb-filing-no',
      '湘公网安备 ３１０１０３３３００２９３９号',
      '--today',
      today,
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('“湘”');
    expect(run.stdout).toContain('“31”');
  });
});
