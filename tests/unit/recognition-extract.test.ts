/**
 * Text lines → fields (no OCR runs here): lines as the engine returned them for synthetic licences and
 * ID cards, including its slips — a neighbouring column joined onto a line, a value on its own line
 * beside its label, lookalike letters in a code — and the standards' checks rejecting what is wrong.
 */
import { describe, expect, it } from 'vitest';
import { extractFields, licenceType } from '../../src/core/recognition/extract';
import { findIdNumber, findUscc } from '../../src/core/recognition/codes';
import { datesIn, termIn } from '../../src/core/recognition/text';
import { CERTAIN, type OcrLine } from '../../src/core/model/recognition/types';

const TODAY = '2026-12-07';
const line = (text: string, confidence = 0.99, box?: number[][]): OcrLine => ({ text, confidence, box });

/** A licence photo with 2–3° skew, as PaddleOCR read it (boxes in pixels of the 1280-px image). */
const LICENCE_PHOTO: OcrLine[] = [
  line('营业执照', 0.998, [
    [437, 167],
    [811, 150],
    [814, 221],
    [440, 238],
  ]),
  line('统一社会信用代码', 0.999, [
    [120, 171],
    [281, 164],
    [282, 187],
    [121, 194],
  ]),
  line('91310115H49441425J', 0.991, [
    [120, 200],
    [338, 189],
    [339, 210],
    [121, 221],
  ]),
  line('注册资本800万元', 1, [
    [656, 328],
    [862, 320],
    [863, 347],
    [657, 355],
  ]),
  line('名称杭州数创网络科技有限公司', 1, [
    [127, 353],
    [505, 338],
    [506, 368],
    [128, 383],
  ]),
  line('成立日期 2005年07月28日', 0.999, [
    [660, 389],
    [944, 378],
    [945, 400],
    [661, 414],
  ]),
  line('类型有限责任公司 (自然人独资)', 0.967, [
    [130, 415],
    [515, 397],
    [516, 424],
    [131, 442],
  ]),
  line('2005年07月28日至2025年07月28日', 0.999, [
    [785, 445],
    [1147, 429],
    [1148, 451],
    [786, 467],
  ]),
  line('营业期限', 0.999, [
    [663, 451],
    [755, 446],
    [756, 470],
    [664, 475],
  ]),
  line('法定代表人罗超 杭州市西湖区中关村大街129号12层', 0.998, [
    [136, 507],
    [1125, 489],
    [1126, 512],
    [137, 532],
  ]),
  line('住所', 0.775, [
    [666, 510],
    [761, 506],
    [762, 532],
    [667, 536],
  ]),
  line('经营范围', 1, [
    [138, 568],
    [230, 562],
    [231, 589],
    [139, 595],
  ]),
  line('登记机关', 0.999, [
    [805, 745],
    [896, 741],
    [897, 769],
    [806, 773],
  ]),
  line('2007年07月28日', 0.999, [
    [908, 800],
    [1065, 794],
    [1066, 820],
    [909, 826],
  ]),
];

describe('营业执照', () => {
  it('keeps the 类型 qualifier whole: spaced, half-width or without its closing bracket', () => {
    expect(licenceType('有限责任公司（自然人投资或控股）')).toBe('有限责任公司（自然人投资或控股）');
    expect(licenceType('有限责任公司 (自然人 独资) 注册资本800万元')).toBe('有限责任公司（自然人独资）');
    expect(licenceType('有限责任公司（自然人投资或控股')).toBe('有限责任公司（自然人投资或控股）');
    // The closing bracket lost and the next column joined on: the qualifier ends at the gap.
    expect(licenceType('有限责任公司（自然人投资或控股 注册资本 800万元')).toBe('有限责任公司（自然人投资或控股）');
    expect(licenceType('股份有限公司 法定代表人 张三')).toBe('股份有限公司');
    expect(licenceType('个体工商户')).toBe('个体工商户');
    const { fields } = extractFields(
      'business-licence',
      [
        line('统一社会信用代码 91310115H49441425J'),
        line('名称 某某科技有限公司'),
        line('类型 有限责任公司（非自然人投资'),
      ],
      TODAY,
    );
    expect(fields.type).toBe('有限责任公司（非自然人投资）');
  });

  it('reads the fields of a skewed photo, the term from the line beside its label', () => {
    const { fields, confidence, recognised } = extractFields('business-licence', LICENCE_PHOTO, TODAY);
    expect(recognised).toBe(true);
    expect(fields).toMatchObject({
      uscc: '91310115H49441425J',
      name: '杭州数创网络科技有限公司',
      // Read as "有限责任公司 (自然人独资)": the qualifier is part of the type, in the licence's brackets.
      type: '有限责任公司（自然人独资）',
      legalRepresentative: '罗超',
      establishedOn: '2005-07-28',
      validFrom: '2005-07-28',
      validUntil: '2025-07-28',
      // Joined onto the 法定代表人 line by the engine: found by its position beside 住所.
      address: '杭州市西湖区中关村大街129号12层',
    });
    expect(confidence.uscc).toBeGreaterThanOrEqual(CERTAIN);
    // A name has no checksum: never certain on its own.
    expect(confidence.name).toBeLessThan(CERTAIN);
    expect(confidence.legalRepresentative).toBeLessThan(CERTAIN);
  });

  it('reads 长期 and 无固定期限 as 长期, and spaced labels (名　　称)', () => {
    const { fields } = extractFields(
      'business-licence',
      [
        line('统一社会信用代码 91310115H49441425J'),
        line('名　　称　上海某某信息技术有限公司'),
        line('经 营 者 张三'),
        line('营业期限 2019年3月1日至无固定期限'),
      ],
      TODAY,
    );
    expect(fields).toMatchObject({ name: '上海某某信息技术有限公司', legalRepresentative: '张三' });
    expect(fields).toMatchObject({ validFrom: '2019-03-01', validUntil: '长期' });
  });

  it('finds the code on the line after its label, and on a licence without the label', () => {
    const after = extractFields('business-licence', [line('统一社会信用代码'), line('91310115H49441425J')], TODAY);
    expect(after.fields.uscc).toBe('91310115H49441425J');
    const anywhere = extractFields('business-licence', [line('某某 91310115H49441425J 某某')], TODAY);
    expect(anywhere.fields.uscc).toBe('91310115H49441425J');
    expect(anywhere.recognised).toBe(false);
  });

  it('rejects a code that fails GB 32100 rather than guessing', () => {
    // Last character misread (J → 3): no repair is allowed to make it pass.
    const { fields } = extractFields('business-licence', [line('统一社会信用代码 91310115H494414253')], TODAY);
    expect(fields.uscc).toBeUndefined();
  });

  it('drops an impossible date (2月30日) and a term that ends before it starts', () => {
    expect(datesIn('2023年02月30日 至 2023年03月01日')).toEqual(['2023-03-01']);
    const { fields } = extractFields('business-licence', [line('营业期限 2020年05月01日至2010年05月01日')], TODAY);
    expect(fields.validUntil).toBeUndefined();
  });
});

describe('codes', () => {
  it('repairs letters GB 32100 forbids (O → 0) but lowers the confidence', () => {
    expect(findUscc('9131O115H49441425J')).toEqual({ value: '91310115H49441425J', repaired: true });
    const { confidence } = extractFields('business-licence', [line('统一社会信用代码 9131O115H49441425J', 1)], TODAY);
    expect(confidence.uscc).toBeLessThan(CERTAIN);
  });

  it('reads small letters in a code as the digits they resemble (q for 9), as a repair', () => {
    expect(findUscc('q1310115H49441425J 营业执照')).toEqual({ value: '91310115H49441425J', repaired: true });
    expect(findIdNumber('42011119811220442x', TODAY)).toEqual({ value: '42011119811220442X', repaired: false });
  });

  it('drops one extra character only when a single choice passes', () => {
    expect(findUscc('913101155H49441425J')?.value).toBe('91310115H49441425J');
    expect(findIdNumber('420711119811220442X', TODAY)?.value).toBe('42011119811220442X');
    // Here two different numbers pass once a character goes (…1120… or …1204…): neither is taken.
    expect(findIdNumber('420111198112204442X', TODAY)).toBeUndefined();
  });

  it('rejects ID numbers with a wrong check digit, a birth date that does not exist or lies ahead', () => {
    expect(findIdNumber('420111198112204421', TODAY)).toBeUndefined();
    expect(findIdNumber('110101199902301234', TODAY)).toBeUndefined();
    expect(findIdNumber('11010120300101123X', TODAY)).toBeUndefined();
  });
});

describe('身份证', () => {
  it('reads 人像面: 姓名 and 公民身份号码, with 出生/性别 from the number when they agree', () => {
    const lines = [
      line('姓名严娜峰', 0.975),
      line('性别女 民族汉'),
      line('出生1981年12月20日'),
      line('住址某某省某某市某某区'),
      line('公民身份号码 42011119811220442X', 0.998),
    ];
    const { fields, confidence, recognised } = extractFields('id-card-front', lines, TODAY);
    expect(recognised).toBe(true);
    expect(fields).toEqual({ name: '严娜峰', idNumber: '42011119811220442X', birth: '1981-12-20', sex: '女' });
    expect(confidence.idNumber).toBeGreaterThanOrEqual(CERTAIN);
  });

  it('reads a label whose spacing came out as dots (姓‧名)', () => {
    const { fields } = extractFields('id-card-front', [line('姓‧名‧孔子英'), line('性别男 民族汉')], TODAY);
    expect(fields.name).toBe('孔子英');
  });

  it('doubts the number when the printed 出生 disagrees with it', () => {
    const lines = [line('出生1981年12月21日'), line('公民身份号码 42011119811220442X', 1)];
    expect(extractFields('id-card-front', lines, TODAY).confidence.idNumber).toBeLessThan(CERTAIN);
  });

  it('reads 国徽面: 签发机关 and a standard 有效期限 (20 years to the day, or 长期)', () => {
    const lines = [
      line('中华人民共和国'),
      line('签发机关深圳市公安局南山分局'),
      line('有效期限 2020.02.22-2040.02.22'),
    ];
    const { fields, confidence } = extractFields('id-card-back', lines, TODAY);
    expect(fields).toEqual({ authority: '深圳市公安局南山分局', validFrom: '2020-02-22', validUntil: '2040-02-22' });
    expect(confidence.validUntil).toBeGreaterThanOrEqual(CERTAIN);
    const forever = extractFields('id-card-back', [line('有效期限 2015.03.04-长期')], TODAY);
    expect(forever.fields).toMatchObject({ validFrom: '2015-03-04', validUntil: '长期' });
  });

  it('doubts a term that is no standard length (a digit misread)', () => {
    const { confidence } = extractFields('id-card-back', [line('有效期限 2020.02.22-2040.02.28', 1)], TODAY);
    expect(confidence.validUntil).toBeLessThan(CERTAIN);
    expect(termIn('2020.02.22-2040.02.28')).toEqual({ from: '2020-02-22', until: '2040-02-28' });
  });

  it('says the lines are not this document when its labels are missing', () => {
    expect(extractFields('id-card-front', [line('中华人民共和国'), line('居民身份证')], TODAY).recognised).toBe(false);
  });
});
