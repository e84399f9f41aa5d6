import { describe, expect, it } from 'vitest';
import {
  ConditionError,
  conditionFields,
  evaluateCondition,
  parseCondition,
} from '../../src/core/model/rules/conditions';
import type { FieldValue } from '../../src/core/model/schemas/project';

const known = ['province', 'special_content', 'capital', 'webmaster_is_legal_rep', 'name', 'level'];
const values: Record<string, FieldValue> = {
  province: '广东',
  special_content: ['新闻', '文化'],
  capital: '1000',
  webmaster_is_legal_rep: false,
  name: '',
  level: 3,
};

const holds = (text: string, v: Record<string, FieldValue> = values): boolean =>
  evaluateCondition(parseCondition(text, known), v);

describe('evaluateCondition', () => {
  it.each([
    ['province = 广东', true],
    ['province = "广东"', true],
    ["province = '江苏'", false],
    ['province == 广东', true],
    ['province != 广东', false],
    ['province in [江苏, 广东]', true],
    ['province in [江苏, 上海]', false],
    ['province not in [江苏, 上海]', true],
    ['special_content not empty', true],
    ['special_content is not empty', true],
    ['special_content empty', false],
    ['name is empty', true],
    ['name not empty', false],
    ['special_content contains 新闻', true],
    ['special_content not contains 教育', true],
    ['special_content in [教育, 文化]', true],
    ['special_content = 新闻', false],
    ['capital >= 1000', true],
    ['capital > 1000', false],
    ['capital < 1000.5', true],
    ['level >= 3', true],
    ['level <= 2', false],
    ['level = 3', true],
    ['webmaster_is_legal_rep = false', true],
    ['webmaster_is_legal_rep != true', true],
    ['webmaster_is_legal_rep', false],
    ['not webmaster_is_legal_rep', true],
    ['province = 广东 and capital >= 100', true],
    ['province = 江苏 or capital >= 100', true],
    ['province = 江苏 or capital >= 10000', false],
    ['not (province = 江苏 or level = 2)', true],
    ['province = 江苏 or level = 3 and name not empty', false],
    ['(province = 江苏 or level = 3) and name is empty', true],
    ['province = 广东 && !(level < 3) || name not empty', true],
  ])('%s → %s', (text, expected) => {
    expect(holds(text)).toBe(expected);
  });

  it('treats unset fields as empty and unequal to everything', () => {
    const none: Record<string, FieldValue> = {};
    expect(holds('province = 广东', none)).toBe(false);
    expect(holds('province != 广东', none)).toBe(true);
    expect(holds('province is empty', none)).toBe(true);
    expect(holds('capital > 0', none)).toBe(false);
    expect(holds('capital < 0', none)).toBe(false);
    expect(holds('webmaster_is_legal_rep != true', none)).toBe(true);
  });

  it('compares numbers numerically, and non-numbers never satisfy an order', () => {
    expect(holds('capital > 999', { capital: '1000' })).toBe(true);
    expect(holds('capital > 999', { capital: '一千' })).toBe(false);
    expect(holds('capital > 999', { capital: ['1000'] })).toBe(false);
  });
});

describe('parseCondition errors', () => {
  const error = (text: string, opts?: Parameters<typeof parseCondition>[2]): ConditionError => {
    try {
      parseCondition(text, known, opts);
    } catch (e) {
      if (e instanceof ConditionError) return e;
      throw e;
    }
    throw new Error(`parsed: ${text}`);
  };

  it.each([
    ['provinse = 广东', 'rules.condition.unknownField', 1],
    ['province = 广东 and foo not empty', 'rules.condition.unknownField', 19],
    ['province =', 'rules.condition.unexpectedEnd', 11],
    ['province = 广东 or', 'rules.condition.unexpectedEnd', 17],
    ['(province = 广东', 'rules.condition.unclosedParen', 1],
    ['province = 广东)', 'rules.condition.unexpected', 14],
    ['province = "广东', 'rules.condition.unclosedString', 12],
    ['province in 广东', 'rules.condition.expectedList', 13],
    ['capital > abc', 'rules.condition.expectedNumber', 11],
    ['province = 广东 province = 江苏', 'rules.condition.unexpected', 15],
    ['province ; 1', 'rules.condition.badChar', 10],
    ['= 广东', 'rules.condition.expectedField', 1],
    ['and', 'rules.condition.expectedField', 1],
    ['', 'rules.condition.empty', 1],
    ['province is full', 'rules.condition.expectedEmpty', 13],
    ['province not equal', 'rules.condition.expectedAfterNot', 14],
  ])('%j → %s at column %i', (text, code, col) => {
    const e = error(text);
    expect(e.code).toBe(code);
    expect(e.col).toBe(col);
  });

  it('rejects a value that is not among the field options (typos in rule files)', () => {
    const e = error('province = 广州', { options: { province: ['广东', '江苏'] } });
    expect(e.code).toBe('rules.condition.unknownOption');
    expect(e.col).toBe(12);
    expect(() =>
      parseCondition('province in [广东, 江苏]', known, { options: { province: ['广东', '江苏'] } }),
    ).not.toThrow();
  });

  it('never evaluates text as code', () => {
    expect(() => parseCondition('process.exit(1)', known)).toThrow(ConditionError);
    expect(() => parseCondition('province = `x`', known)).toThrow(ConditionError);
  });

  it('lists the fields a condition reads', () => {
    expect(conditionFields(parseCondition('province = 广东 and (level > 2 or not province = 江苏)', known))).toEqual([
      'province',
      'level',
    ]);
  });
});
