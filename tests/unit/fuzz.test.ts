/**
 * Fuzzing the two parsers that read text written by people we do not control: the `when:`
 * condition language and the rule-file loader. Properties: never a crash (only the parser's own
 * error types / problem lists), never code execution, and a bounded amount of work per input.
 *
 * "Bounded" is by construction, not by timing: every generated input has a fixed maximum size
 * (the arbitraries' maxLength), conditions are capped at MAX_CONDITION_LENGTH characters and
 * MAX_CONDITION_DEPTH levels (the parser is linear in tokens and recursive only per level), and rule
 * files at 1 MB with YAML aliases capped at 100. Each property has a fixed number of runs.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  ConditionError,
  MAX_CONDITION_DEPTH,
  MAX_CONDITION_LENGTH,
  evaluateCondition,
  parseCondition,
  type Condition,
} from '../../src/core/model/rules/conditions';
import { builtInRulesDir, formatRuleProblem, parseRulePack } from '../../src/core/rules/loader';
import type { FieldValue } from '../../src/core/model/schemas/project';

const FIELDS = ['province', 'special_content', 'capital', 'is_listed', 'constructor'];
const OPTIONS = { province: ['广东', '上海', '北京'], special_content: ['新闻', '出版', '教育'] };

/** Anything parseCondition may do with an input: return a tree, or throw a ConditionError. */
function parseOrError(text: string): Condition | ConditionError {
  try {
    return parseCondition(text, FIELDS, { options: OPTIONS });
  } catch (error) {
    if (error instanceof ConditionError) return error;
    throw error; // anything else (TypeError, RangeError: stack) fails the property
  }
}

function depthOf(c: Condition): number {
  if ('items' in c) return 1 + Math.max(...c.items.map(depthOf));
  if ('item' in c) return 1 + depthOf(c.item);
  return 1;
}

/** Tokens of the language plus characters that mean something in JS, YAML or a shell. */
const conditionUnit = fc.oneof(
  fc.constantFrom(
    ...FIELDS,
    'and',
    'or',
    'not',
    'in',
    'contains',
    'is',
    'empty',
    'true',
    'false',
    '=',
    '==',
    '!=',
    '<',
    '<=',
    '>',
    '>=',
    '&&',
    '||',
    '!',
    '(',
    ')',
    '[',
    ']',
    ',',
    "'",
    '"',
    ' ',
    '  ',
    '\t',
    '\n',
    '广东',
    '新闻',
    'B25',
    '1',
    '-2.5',
    '1e9',
    '0x10',
    '.',
    ';',
    '`',
    '$',
    '{',
    '}',
    '\\',
    '/',
    '__proto__',
    'process',
    'require',
    'eval',
    'Function',
    '=>',
  ),
  fc.string({ maxLength: 3 }),
);

const conditionText = fc.array(conditionUnit, { maxLength: 60 }).map((units) => units.join(' '));

const fieldValues: fc.Arbitrary<Record<string, FieldValue | null>> = fc.dictionary(
  fc.constantFrom(...FIELDS, '__proto__', 'toString', 'valueOf'),
  fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.constantFrom('广东', '上海', '新闻', 'true', 'false', '', '  ', '12', 'x'),
    fc.array(fc.constantFrom('新闻', '出版', '教育', ''), { maxLength: 4 }),
  ) as fc.Arbitrary<FieldValue | null>,
);

describe('condition parser (fuzz)', () => {
  it('any token soup: a tree or a ConditionError with a column inside the text; never a crash', () => {
    fc.assert(
      fc.property(conditionText, fieldValues, (text, values) => {
        const result = parseOrError(text);
        if (result instanceof ConditionError) {
          expect(result.code).toMatch(/^rules\.condition\./);
          expect(result.col).toBeGreaterThanOrEqual(1);
          expect(result.col).toBeLessThanOrEqual(text.length + 1);
          return;
        }
        expect(depthOf(result)).toBeLessThanOrEqual(2 * MAX_CONDITION_DEPTH + 2);
        expect(typeof evaluateCondition(result, values)).toBe('boolean');
      }),
      { numRuns: 5000 },
    );
  });

  it('arbitrary Unicode: never a crash', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        parseOrError(text);
      }),
      { numRuns: 3000 },
    );
  });

  it('deep nesting and over-long text are refused, not recursed into', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.constantFrom('(', 'not ', '! ', '(not '), (depth, open) => {
        const close = open.startsWith('(') ? ')' : '';
        const text = `${open.repeat(depth)}province = 广东${close.repeat(depth)}`;
        const result = parseOrError(text);
        const levels = open === '(not ' ? 2 * depth : depth;
        if (text.length > MAX_CONDITION_LENGTH) expect(result).toMatchObject({ code: 'rules.condition.tooLong' });
        else if (levels > MAX_CONDITION_DEPTH) expect(result).toMatchObject({ code: 'rules.condition.tooDeep' });
        else expect(result).not.toBeInstanceOf(ConditionError);
      }),
      { numRuns: 2000 },
    );
    // Far beyond any limit: refused at once (a recursive parser would overflow the stack here).
    expect(parseOrError('('.repeat(100_000))).toMatchObject({ code: 'rules.condition.tooLong' });
  });

  it('never runs code: JavaScript in a condition is a syntax error and has no effect', () => {
    const attempts = [
      'process.exit(1)',
      "require('child_process').execSync('touch /tmp/pwned')",
      'constructor.constructor("globalThis.pwned = 1")()',
      '${globalThis.pwned = 1}',
      '`x`',
      'province = 广东; globalThis.pwned = 1',
      'province = (() => { globalThis.pwned = 1 })()',
      '__proto__.polluted = 1',
    ];
    for (const text of attempts) expect(parseOrError(text), text).toBeInstanceOf(ConditionError);
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('a field named like an Object.prototype member reads only the project value', () => {
    const truthy = parseCondition('constructor', FIELDS);
    expect(evaluateCondition(truthy, {})).toBe(false);
    expect(evaluateCondition(parseCondition('constructor is empty', FIELDS), {})).toBe(true);
    expect(evaluateCondition(truthy, { constructor: 'x' } as Record<string, FieldValue>)).toBe(true);
  });

  /** A reference interpreter over generated trees: printing, parsing and evaluating must agree. */
  it('generated valid conditions parse back to the same meaning', () => {
    type Tree =
      | { op: 'and' | 'or'; items: Tree[] }
      | { op: 'not'; item: Tree }
      | { op: 'eq'; field: string; value: string }
      | { op: 'set'; field: string };
    const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.record({
          op: fc.constant('eq' as const),
          field: fc.constant('province'),
          value: fc.constantFrom('广东', '上海'),
        }),
        fc.record({ op: fc.constant('set' as const), field: fc.constantFrom('special_content', 'is_listed') }),
        fc.record({
          op: fc.constantFrom('and' as const, 'or' as const),
          items: fc.array(tie('tree'), { minLength: 2, maxLength: 3 }),
        }),
        fc.record({ op: fc.constant('not' as const), item: tie('tree') }),
      ),
    }));
    const print = (t: Tree): string =>
      t.op === 'eq'
        ? `${t.field} = ${t.value}`
        : t.op === 'set'
          ? t.field
          : t.op === 'not'
            ? `not (${print(t.item)})`
            : `(${t.items.map(print).join(` ${t.op} `)})`;
    const truth = (t: Tree, v: Record<string, FieldValue | null>): boolean => {
      if (t.op === 'eq') return v[t.field] === t.value;
      if (t.op === 'set') {
        const x = v[t.field];
        return (
          x === true ||
          (typeof x === 'string' && x.trim() !== '' && x !== 'false') ||
          (Array.isArray(x) && x.some((s) => s.trim() !== ''))
        );
      }
      if (t.op === 'not') return !truth(t.item, v);
      return t.op === 'and' ? t.items.every((i) => truth(i, v)) : t.items.some((i) => truth(i, v));
    };
    const values = fc.record({
      province: fc.constantFrom('广东', '上海', null),
      special_content: fc.oneof(fc.constant(null), fc.array(fc.constantFrom('新闻', '教育', ''), { maxLength: 2 })),
      is_listed: fc.oneof(fc.boolean(), fc.constant(null)),
    });
    fc.assert(
      fc.property(tree, values, (t, v) => {
        const result = parseOrError(print(t));
        if (result instanceof ConditionError) {
          expect(['rules.condition.tooDeep', 'rules.condition.tooLong']).toContain(result.code);
          return;
        }
        expect(evaluateCondition(result, v as Record<string, FieldValue | null>)).toBe(
          truth(t, v as Record<string, FieldValue | null>),
        );
      }),
      { numRuns: 3000 },
    );
  });
});

const MINIMAL = `id: fuzz-pack
title: 测试备案
version: "2026.1"
effective: "2026-01-01"
authority: 通信管理局
sources: ["《测试办法》"]
fields:
  - { id: province, label: 省份, type: select, options: [广东, 上海] }
  - { id: special, label: 前置审批, type: multi, options: [新闻, 教育] }
materials:
  - id: licence
    title: 营业执照
    accept: [pdf, jpg]
    pages: { min: 1, max: 2 }
    exportName: 01-营业执照
  - id: approval
    title: 前置审批文件
    when: special not empty and province = 广东
    parts:
      - { id: front, title: 正面 }
`;

/** What any rule text must produce: a pack, or problems each with a position and a readable message. */
function expectWellFormed(text: string): void {
  const { pack, problems } = parseRulePack(text, 'fuzz.yaml');
  if (pack) {
    expect(problems).toEqual([]);
    return;
  }
  expect(problems.length).toBeGreaterThan(0);
  const lines = text.split('\n').length;
  for (const problem of problems.slice(0, 5)) {
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.line).toBeLessThanOrEqual(lines + 1);
    expect(problem.col).toBeGreaterThanOrEqual(1);
    const message = formatRuleProblem(problem, 'zh-CN');
    expect(message.startsWith(`fuzz.yaml:${problem.line}:${problem.col} `)).toBe(true);
    // Every placeholder filled: a `{name}` may only appear because the rule text itself contains it
    // (an unknown key like `i {0} d` is rightly quoted back to the author).
    for (const [placeholder] of message.matchAll(/\{\w+\}/g)) expect(text).toContain(placeholder);
  }
}

/** Edits a person (or an attacker) might make to a rule file. */
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(
        ':',
        '- ',
        '\n',
        '\n  ',
        '  ',
        '\t',
        '[',
        ']',
        '{',
        '}',
        '"',
        "'",
        '&a ',
        '*a',
        '<<: *a',
        '!!js/function ',
        '!!binary ',
        '? ',
        '|',
        '>',
        '#',
        '%YAML 1.2\n',
        '---\n',
        '...\n',
        '__proto__: {polluted: 1}\n',
        'when: ',
        'exportName: ../../etc/x\n',
        '\u0000',
        '\uFEFF',
      ),
    ),
  }),
  fc.record({ kind: fc.constant('duplicateLine' as const), at: fc.nat() }),
);

type Edit = { kind: 'delete' | 'insert' | 'duplicateLine'; at: number; length?: number; text?: string };

function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (const e of edits) {
    const at = e.at % (out.length + 1);
    if (e.kind === 'delete') out = out.slice(0, at) + out.slice(at + (e.length ?? 1));
    else if (e.kind === 'insert') out = out.slice(0, at) + (e.text ?? '') + out.slice(at);
    else {
      const lines = out.split('\n');
      const i = e.at % lines.length;
      lines.splice(i, 0, lines[i]);
      out = lines.join('\n');
    }
  }
  return out;
}

describe('rule loader (fuzz)', () => {
  let builtIn: string;
  beforeAll(() => {
    builtIn = readFileSync(join(builtInRulesDir(), 'icp-filing-enterprise.yaml'), 'utf8');
  });

  it('the unedited inputs load (so the mutations below start from valid packs)', () => {
    expect(parseRulePack(MINIMAL, 'fuzz.yaml').problems).toEqual([]);
    expect(parseRulePack(builtIn, 'fuzz.yaml').problems).toEqual([]);
  });

  it('random edits of a small pack: a pack or positioned problems, never a crash', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) =>
        expectWellFormed(applyEdits(MINIMAL, edits)),
      ),
      { numRuns: 2000 },
    );
  });

  it('random edits of a real built-in pack: never a crash', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) =>
        expectWellFormed(applyEdits(builtIn, edits)),
      ),
      { numRuns: 300 },
    );
  });

  it('arbitrary text and arbitrary JSON-shaped data: never a crash', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), expectWellFormed), { numRuns: 2000 });
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => expectWellFormed(JSON.stringify(value))),
      { numRuns: 2000 },
    );
  });

  it('hostile YAML: alias bombs, deep nesting, prototype keys, custom tags', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
    ].join('\n');
    const hostile = [
      bomb,
      '['.repeat(20_000) + ']'.repeat(20_000),
      '{a: '.repeat(5_000) + '1' + '}'.repeat(5_000),
      Array.from({ length: 400 }, (_, i) => `${' '.repeat(i)}- `).join('\n') + 'x',
      `__proto__:\n  polluted: 1\n${MINIMAL}`,
      MINIMAL.replace('title: 测试备案', 'title: !!js/function "function () { globalThis.pwned = 1 }"'),
      MINIMAL.replace('title: 测试备案', 'title: !<tag:yaml.org,2002:js/undefined> x'),
      MINIMAL.replace(
        'when: special not empty and province = 广东',
        `when: "${'('.repeat(40)}province${')'.repeat(40)}"`,
      ),
      MINIMAL.replace(
        'when: special not empty and province = 广东',
        `when: "${'province = 广东 or '.repeat(80)}province = 上海"`,
      ),
      'x'.repeat(1_000_001),
    ];
    for (const text of hostile) expectWellFormed(text);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
  });
});
