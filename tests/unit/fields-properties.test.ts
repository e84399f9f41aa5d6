/** Property tests: the check characters catch every single-character typo, and parsing never runs or crashes on input. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cnIdCheckChar, usccCheckChar, FIELD_VALIDATOR_TYPES } from '../../src/core/model/fields';
import { validateField } from '../../src/i18n/fields';
import { ConditionError, parseCondition } from '../../src/core/model/rules/conditions';

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const usccChar = fc.constantFrom(...USCC_CHARS);
const digit = fc.constantFrom(...'0123456789');

/** A registration authority and an organisation type it issues (GB 32100-2015), as real codes start. */
const authorityAndType = fc.constantFrom('11', '12', '31', '51', '52', '53', '71', '81', '91', '92', '93', 'N2', 'Y1');
/** GB/T 2260 province-level codes (and 10 for central registration). */
const province = fc.constantFrom(
  ...[
    10, 11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62,
    63, 64, 65,
  ].map(String),
);

const uscc = fc
  .tuple(
    authorityAndType,
    province,
    fc.array(digit, { minLength: 4, maxLength: 4 }),
    fc.array(usccChar, { minLength: 9, maxLength: 9 }),
  )
  .map(([a, p, b, c]) => {
    const body = a + p + [...b, ...c].join('');
    return body + usccCheckChar(body);
  });

const cnId = fc
  .tuple(
    province.filter((p) => p !== '10'),
    fc.array(digit, { minLength: 4, maxLength: 4 }),
    fc.date({ min: new Date('1900-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
    fc.array(digit, { minLength: 3, maxLength: 3 }),
  )
  .map(([first, region, birth, seq]) => {
    const body = `${first}${region.join('')}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${seq.join('')}`;
    return body + cnIdCheckChar(body);
  });

describe('check characters (property)', () => {
  it('every generated USCC is valid, and any single changed character is caught', () => {
    fc.assert(
      fc.property(uscc, fc.integer({ min: 0, max: 17 }), usccChar, (code, at, ch) => {
        expect(validateField('uscc', code).valid).toBe(true);
        fc.pre(code[at] !== ch);
        const typo = code.slice(0, at) + ch + code.slice(at + 1);
        expect(validateField('uscc', typo).valid).toBe(false);
      }),
    );
  });

  it('every generated ID number is valid, and any single changed digit is caught', () => {
    fc.assert(
      fc.property(cnId, fc.integer({ min: 0, max: 16 }), digit, (id, at, d) => {
        expect(validateField('cn-id', id, { today: '2026-11-23' }).valid).toBe(true);
        fc.pre(id[at] !== d);
        const typo = id.slice(0, at) + d + id.slice(at + 1);
        expect(validateField('cn-id', typo, { today: '2026-11-23' }).valid).toBe(false);
      }),
    );
  });
});

describe('robustness (property)', () => {
  it('validators return a verdict for any text, never throw', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIELD_VALIDATOR_TYPES), fc.string(), (type, value) => {
        const result = validateField(type, value);
        expect(typeof result.valid).toBe('boolean');
        expect(result.valid ? result.reason : typeof result.reason).toBe(result.valid ? null : 'string');
      }),
    );
  });

  it('the condition parser either parses or throws a ConditionError with a column inside the text', () => {
    const pieces = fc.constantFrom(
      'province',
      'level',
      '=',
      '!=',
      'in',
      '[',
      ']',
      ',',
      '(',
      ')',
      'and',
      'or',
      'not',
      'empty',
      'is',
      '广东',
      '"x"',
      '3',
      '>=',
      ' ',
      '&&',
      '!',
    );
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 12 }).map((a) => a.join(' ')),
        (text) => {
          try {
            parseCondition(text, ['province', 'level']);
          } catch (error) {
            expect(error).toBeInstanceOf(ConditionError);
            expect((error as ConditionError).col).toBeGreaterThanOrEqual(1);
            expect((error as ConditionError).col).toBeLessThanOrEqual(text.length + 1);
          }
        },
      ),
    );
  });
});
