/**
 * The `when:` expression language. Rule files are data written by people we do not control (user
 * rule packs), so conditions are tokenised and parsed into a small tree and interpreted here —
 * never handed to eval or new Function.
 *
 *   expr    := or
 *   or      := and ("or" and)*
 *   and     := unary ("and" unary)*
 *   unary   := "not" unary | "(" expr ")" | test
 *   test    := FIELD "=" value | FIELD "!=" value
 *            | FIELD ("<" | "<=" | ">" | ">=") NUMBER
 *            | FIELD ["not"] "in" "[" value ("," value)* "]"
 *            | FIELD ["not"] "contains" value
 *            | FIELD "is" ["not"] "empty" | FIELD ["not"] "empty"
 *            | FIELD                       (true when the field is set: non-empty, or boolean true)
 *   value   := 'text' | "text" | NUMBER | true | false | bare word (e.g. 广东)
 *
 * `&&`, `||` and `!` are accepted as spellings of and / or / not.
 */
import type { FieldValue } from '../schemas/project';

export type Literal = string | number | boolean;

export type Condition =
  | { kind: 'and' | 'or'; items: Condition[] }
  | { kind: 'not'; item: Condition }
  | { kind: 'compare'; field: string; op: '=' | '!='; value: Literal }
  | { kind: 'order'; field: string; op: '<' | '<=' | '>' | '>='; value: number }
  | { kind: 'in'; field: string; values: Literal[] }
  | { kind: 'contains'; field: string; value: Literal }
  | { kind: 'empty'; field: string }
  | { kind: 'truthy'; field: string };

/**
 * A condition that does not parse. `col` is 1-based within the condition text; `code` is a message
 * key (rules.condition.*) and `params` fill it, so the loader can report `file:line:col message`.
 */
export class ConditionError extends Error {
  readonly col: number;
  readonly code: string;
  readonly params: Record<string, string | number>;
  constructor(code: string, col: number, params: Record<string, string | number> = {}) {
    super(`${code} at ${col} ${JSON.stringify(params)}`);
    this.name = 'ConditionError';
    this.code = code;
    this.col = col;
    this.params = params;
  }
}

type TokenKind = 'word' | 'string' | 'number' | 'op' | 'punct' | 'end';
interface Token {
  kind: TokenKind;
  text: string;
  col: number;
}

const SINGLE_OPERATORS = ['=', '<', '>', '!'];
const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'contains', 'is', 'empty', 'true', 'false']);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const col = i + 1;
    if (ch === "'" || ch === '"') {
      const end = text.indexOf(ch, i + 1);
      if (end < 0) throw new ConditionError('rules.condition.unclosedString', col);
      tokens.push({ kind: 'string', text: text.slice(i + 1, end), col });
      i = end + 1;
      continue;
    }
    if ('()[],'.includes(ch)) {
      tokens.push({ kind: 'punct', text: ch, col });
      i++;
      continue;
    }
    const op = ['!=', '<=', '>=', '&&', '||', '=='].find((o) => text.startsWith(o, i)) ?? (SINGLE_OPERATORS.includes(ch) ? ch : undefined);
    if (op) {
      tokens.push({ kind: 'op', text: op === '==' ? '=' : op, col });
      i += op.length;
      continue;
    }
    const number = /^-?\d+(\.\d+)?(?![\p{L}\p{N}_.-])/u.exec(text.slice(i));
    if (number) {
      tokens.push({ kind: 'number', text: number[0], col });
      i += number[0].length;
      continue;
    }
    // Words: field ids, keywords and bare values such as 广东 or B25.
    const word = /^[\p{L}\p{N}_.-]+/u.exec(text.slice(i));
    if (word) {
      tokens.push({ kind: 'word', text: word[0], col });
      i += word[0].length;
      continue;
    }
    throw new ConditionError('rules.condition.badChar', col, { char: ch });
  }
  tokens.push({ kind: 'end', text: '', col: text.length + 1 });
  return tokens;
}

export interface ParseConditionOptions {
  /** Allowed values per field (select / multi): a literal outside them is a load error (typos). */
  options?: Record<string, readonly string[] | undefined>;
}

/** Conditions are one line in a rule file; longer ones are mistakes or attacks on the parser. */
export const MAX_CONDITION_LENGTH = 1000;
/** Nesting of `(` and `not`: the parser recurses, so an unbounded depth would overflow the stack. */
export const MAX_CONDITION_DEPTH = 32;

/** Parse `text`; throws ConditionError (with a column) on syntax errors and unknown fields. */
export function parseCondition(text: string, knownFields: readonly string[], opts: ParseConditionOptions = {}): Condition {
  if (text.length > MAX_CONDITION_LENGTH) throw new ConditionError('rules.condition.tooLong', 1, { limit: MAX_CONDITION_LENGTH });
  const tokens = tokenize(text);
  let depth = 0;
  let pos = 0;
  const known = new Set(knownFields);
  const peek = (): Token => tokens[pos];
  const next = (): Token => tokens[pos++];
  const isWord = (token: Token, word: string): boolean => token.kind === 'word' && token.text === word;
  const isOp = (token: Token, op: string): boolean => token.kind === 'op' && token.text === op;
  const unexpected = (token: Token): ConditionError =>
    token.kind === 'end'
      ? new ConditionError('rules.condition.unexpectedEnd', token.col)
      : new ConditionError('rules.condition.unexpected', token.col, { token: token.text });

  function checkOption(field: string, value: Literal, col: number): void {
    // Own properties only: a field named `constructor` must not find Object.prototype's.
    const allowed = opts.options && Object.hasOwn(opts.options, field) ? opts.options[field] : undefined;
    if (allowed && typeof value === 'string' && !allowed.includes(value)) {
      throw new ConditionError('rules.condition.unknownOption', col, { field, value, options: allowed.join('、') });
    }
  }

  function parseValue(field: string): Literal {
    const token = next();
    let value: Literal;
    if (token.kind === 'string') value = token.text;
    else if (token.kind === 'number') value = Number(token.text);
    else if (isWord(token, 'true')) value = true;
    else if (isWord(token, 'false')) value = false;
    else if (token.kind === 'word' && !KEYWORDS.has(token.text)) value = token.text;
    else throw token.kind === 'end' ? unexpected(token) : new ConditionError('rules.condition.expectedValue', token.col, { token: token.text });
    checkOption(field, value, token.col);
    return value;
  }

  function parseList(field: string): Literal[] {
    const open = next();
    if (!(open.kind === 'punct' && open.text === '[')) throw new ConditionError('rules.condition.expectedList', open.col);
    const values: Literal[] = [parseValue(field)];
    while (peek().kind === 'punct' && peek().text === ',') {
      next();
      values.push(parseValue(field));
    }
    const close = next();
    if (!(close.kind === 'punct' && close.text === ']')) throw unexpected(close);
    return values;
  }

  function parseTest(): Condition {
    const token = next();
    if (token.kind !== 'word' || KEYWORDS.has(token.text)) {
      throw token.kind === 'end' ? unexpected(token) : new ConditionError('rules.condition.expectedField', token.col, { token: token.text });
    }
    const field = token.text;
    if (!known.has(field)) {
      throw new ConditionError('rules.condition.unknownField', token.col, { field, known: [...known].join(', ') || '—' });
    }
    const t = peek();
    if (isOp(t, '=') || isOp(t, '!=')) {
      next();
      return { kind: 'compare', field, op: t.text as '=' | '!=', value: parseValue(field) };
    }
    if (t.kind === 'op' && ['<', '<=', '>', '>='].includes(t.text)) {
      next();
      const n = next();
      if (n.kind !== 'number') throw new ConditionError('rules.condition.expectedNumber', n.col);
      return { kind: 'order', field, op: t.text as '<' | '<=' | '>' | '>=', value: Number(n.text) };
    }
    if (isWord(t, 'in')) {
      next();
      return { kind: 'in', field, values: parseList(field) };
    }
    if (isWord(t, 'contains')) {
      next();
      return { kind: 'contains', field, value: parseValue(field) };
    }
    if (isWord(t, 'empty')) {
      next();
      return { kind: 'empty', field };
    }
    if (isWord(t, 'is')) {
      next();
      const negate = isWord(peek(), 'not');
      if (negate) next();
      const e = next();
      if (!isWord(e, 'empty')) throw new ConditionError('rules.condition.expectedEmpty', e.col);
      return negate ? { kind: 'not', item: { kind: 'empty', field } } : { kind: 'empty', field };
    }
    if (isWord(t, 'not')) {
      next();
      const u = next();
      if (isWord(u, 'empty')) return { kind: 'not', item: { kind: 'empty', field } };
      if (isWord(u, 'in')) return { kind: 'not', item: { kind: 'in', field, values: parseList(field) } };
      if (isWord(u, 'contains')) return { kind: 'not', item: { kind: 'contains', field, value: parseValue(field) } };
      throw new ConditionError('rules.condition.expectedAfterNot', u.col);
    }
    return { kind: 'truthy', field };
  }

  function parseUnary(): Condition {
    const token = peek();
    const nested = isWord(token, 'not') || isOp(token, '!') || (token.kind === 'punct' && token.text === '(');
    if (!nested) return parseTest();
    if (++depth > MAX_CONDITION_DEPTH) throw new ConditionError('rules.condition.tooDeep', token.col, { limit: MAX_CONDITION_DEPTH });
    next();
    let result: Condition;
    if (token.kind === 'punct') {
      result = parseOr();
      const close = next();
      if (!(close.kind === 'punct' && close.text === ')')) {
        throw close.kind === 'end' ? new ConditionError('rules.condition.unclosedParen', token.col) : unexpected(close);
      }
    } else {
      result = { kind: 'not', item: parseUnary() };
    }
    depth--;
    return result;
  }

  function parseJoined(kind: 'and' | 'or', word: string, op: string, parseItem: () => Condition): Condition {
    const items = [parseItem()];
    while (isWord(peek(), word) || isOp(peek(), op)) {
      next();
      items.push(parseItem());
    }
    return items.length === 1 ? items[0] : { kind, items };
  }
  const parseAnd = (): Condition => parseJoined('and', 'and', '&&', parseUnary);
  const parseOr = (): Condition => parseJoined('or', 'or', '||', parseAnd);

  if (peek().kind === 'end') throw new ConditionError('rules.condition.empty', 1);
  const result = parseOr();
  if (peek().kind !== 'end') throw unexpected(peek());
  return result;
}

/** Empty: unset, blank text, or an empty list. `false` and 0 are answers, so not empty. */
export function isEmptyValue(value: FieldValue | null | undefined): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every((v) => v.trim() === '');
  return false;
}

function asText(value: Literal): string {
  return typeof value === 'string' ? value.trim() : String(value);
}

/** The field's values as texts: one for a scalar, each element for a list. */
function texts(value: FieldValue | null | undefined): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.map((v) => v.trim()).filter((v) => v !== '');
  const text = asText(value);
  return text === '' ? [] : [text];
}

type Fields = Record<string, FieldValue | null | undefined>;

/** Own properties only: a field named `constructor` must not read Object.prototype's. */
function valueOf(fields: Fields, field: string): FieldValue | null | undefined {
  return Object.hasOwn(fields, field) ? fields[field] : undefined;
}

/** Evaluate a parsed condition. Unset fields equal nothing, so `x != v` holds for them. */
export function evaluateCondition(cond: Condition, fields: Fields): boolean {
  switch (cond.kind) {
    case 'and':
      return cond.items.every((c) => evaluateCondition(c, fields));
    case 'or':
      return cond.items.some((c) => evaluateCondition(c, fields));
    case 'not':
      return !evaluateCondition(cond.item, fields);
    case 'empty':
      return isEmptyValue(valueOf(fields, cond.field));
    case 'truthy': {
      const value = valueOf(fields, cond.field);
      return typeof value === 'boolean' ? value : value === 'true' || (!isEmptyValue(value) && value !== 'false');
    }
    case 'compare': {
      const value = valueOf(fields, cond.field);
      // A list equals a value when it is exactly that one value; use `contains` for membership.
      const equal = Array.isArray(value)
        ? texts(value).length === 1 && texts(value)[0] === asText(cond.value)
        : texts(value)[0] === asText(cond.value);
      return cond.op === '=' ? equal : !equal;
    }
    case 'order': {
      const raw = valueOf(fields, cond.field);
      if (isEmptyValue(raw) || Array.isArray(raw) || typeof raw === 'boolean') return false;
      const n = Number(raw);
      if (!Number.isFinite(n)) return false;
      switch (cond.op) {
        case '<':
          return n < cond.value;
        case '<=':
          return n <= cond.value;
        case '>':
          return n > cond.value;
        case '>=':
          return n >= cond.value;
      }
      return false;
    }
    case 'in': {
      const wanted = new Set(cond.values.map(asText));
      return texts(valueOf(fields, cond.field)).some((v) => wanted.has(v));
    }
    case 'contains':
      return texts(valueOf(fields, cond.field)).includes(asText(cond.value));
  }
}

/** The field ids a condition reads, in order of appearance (for the UI: re-check when these change). */
export function conditionFields(cond: Condition): string[] {
  const out: string[] = [];
  const walk = (c: Condition): void => {
    if ('items' in c) c.items.forEach(walk);
    else if ('item' in c) walk(c.item);
    else if (!out.includes(c.field)) out.push(c.field);
  };
  walk(cond);
  return out;
}
