/**
 * Problems found in a rule file, located at `file:line:col`. They carry a message key and params
 * rather than text so the same problem prints in Chinese or English.
 */
import { parseDocument, LineCounter, isMap, isSeq, isScalar, isPair, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { isMessageKey, t, type Locale, type MessageKey } from '../../i18n';

/** The path of the whole document; shown in the reader's words. */
const ROOT = '(root)';

export interface RuleProblem {
  file: string;
  line: number;
  col: number;
  code: MessageKey;
  params: Record<string, string | number>;
}

/** A message code and its params in `locale`: JSON types named by zod ("string", "array") in the user's words. */
export function formatIssue(code: MessageKey, params: Record<string, string | number>, locale: Locale): string {
  const local: Record<string, string | number> = { ...params };
  const typeKey = `rules.type.${local.expected}`;
  if (isMessageKey(typeKey)) local.expected = t(locale, typeKey);
  if (local.path === ROOT) local.path = t(locale, 'rules.path.root');
  return t(locale, code, local);
}

/** `file:line:col message` in `locale`. */
export function formatRuleProblem(p: RuleProblem, locale: Locale): string {
  return `${p.file}:${p.line}:${p.col} ${formatIssue(p.code, p.params, locale)}`;
}

/** A parsed YAML document plus the means to turn a data path into a position. */
export class LocatedYaml {
  readonly doc: Document;
  private readonly lines = new LineCounter();
  constructor(
    readonly text: string,
    readonly file: string,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
  }

  /** The 1-based line of `offset`. */
  lineAt(offset: number): number {
    return this.lines.linePos(Math.max(0, Math.min(offset, this.text.length))).line;
  }

  problemAt(offset: number, code: MessageKey, params: Record<string, string | number> = {}): RuleProblem {
    const { line, col } = this.lines.linePos(Math.max(0, Math.min(offset, this.text.length)));
    return { file: this.file, line, col, code, params };
  }

  /** Offset of the node at `path`, or of the deepest existing ancestor. `key` points at a map key instead. */
  offsetOf(path: readonly PropertyKey[], key?: string): number {
    let node: Node | null = (this.doc.contents as Node | null) ?? null;
    let offset = node?.range?.[0] ?? 0;
    const steps = key === undefined ? path : [...path, key];
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i];
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
        if (!pair) break;
        const keyNode = pair.key as Node;
        const last = i === steps.length - 1;
        if ((last && key !== undefined) || pair.value === null) {
          // Point at the key: the value is missing, or the problem is the key itself.
          return keyNode.range?.[0] ?? offset;
        }
        node = pair.value as Node;
      } else if (isSeq(node) && typeof step === 'number') {
        const item = node.items[step] as Node | undefined;
        if (!item) break;
        node = item;
      } else break;
      offset = node.range?.[0] ?? offset;
    }
    return offset;
  }

  /**
   * Offset of character `col` (1-based) of the scalar at `path`: quoted scalars start one later.
   * Escapes and folded lines make this approximate, which is fine for pointing an editor near it.
   */
  offsetInScalar(path: readonly PropertyKey[], col: number): number {
    const node = this.doc.getIn(path as unknown[], true);
    if (!isScalar(node) || !node.range) return this.offsetOf(path);
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    return node.range[0] + (quoted ? 1 : 0) + col - 1;
  }

  yamlProblems(): RuleProblem[] {
    return this.doc.errors.map((error) => {
      const known: Record<string, MessageKey> = {
        DUPLICATE_KEY: 'rules.yaml.duplicateKey',
        BAD_INDENT: 'rules.yaml.indent',
        TAB_AS_INDENT: 'rules.yaml.tab',
        MISSING_CHAR: 'rules.yaml.missingChar',
        MULTIPLE_DOCS: 'rules.yaml.multipleDocs',
        BAD_SCALAR_START: 'rules.yaml.badScalarStart',
        BLOCK_AS_IMPLICIT_KEY: 'rules.yaml.implicitKey',
        MULTILINE_IMPLICIT_KEY: 'rules.yaml.implicitKey',
        BAD_DQ_ESCAPE: 'rules.yaml.badEscape',
        UNEXPECTED_TOKEN: 'rules.yaml.unexpected',
      };
      return this.problemAt(error.pos[0], known[error.code] ?? 'rules.yaml.syntax', {
        detail: error.message.split('\n')[0],
      });
    });
  }
}

/** `materials.business-licence.files[0].sha256`: the data path as a reader finds it in the file. */
export function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const step of path) out += typeof step === 'number' ? `[${step}]` : `${out ? '.' : ''}${String(step)}`;
  return out || ROOT;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const step of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[step as string];
  }
  return value;
}

/** A zod issue in words but without a place: the data path (and key) it is about, a message code, params. */
export interface IssueWords {
  path: readonly PropertyKey[];
  /** For an unknown key: the key itself, so a position can point at it. */
  key?: string;
  code: MessageKey;
  params: Record<string, string | number>;
}

/**
 * What a zod issue means for the person who wrote the data: missing, wrong type, not one of the allowed
 * values, out of range, malformed, unknown key. Shared by rule files and the JSON documents the app keeps
 * (matprep.json, settings), so both explain a problem in the same words and in the reader's language.
 */
export function issueWords(data: unknown, issue: z.core.$ZodIssue): IssueWords[] {
  const path = issue.path;
  const where = pathText(path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path, key, code: 'rules.schema.unknownKey', params: { path: where, key } }));
    case 'invalid_type': {
      const missing = valueAt(data, path) === undefined;
      return [{ path, code: missing ? 'rules.schema.missing' : 'rules.schema.type', params: { path: where, expected: issue.expected } }];
    }
    case 'invalid_value':
      return [{ path, code: 'rules.schema.enum', params: { path: where, values: issue.values.map(String).join(', ') } }];
    case 'invalid_union': {
      // A union of literals (a page turn of 0, 90, 180 or 270) is a list of allowed values.
      const branches = issue.errors;
      const literal = branches.every((b) => b.length === 1 && b[0].code === 'invalid_value' && b[0].path.length === 0);
      if (literal) {
        const values = branches.flatMap((b) => (b[0].code === 'invalid_value' ? b[0].values : [])).map(String);
        return [{ path, code: 'rules.schema.enum', params: { path: where, values: values.join(', ') } }];
      }
      return [{ path, code: 'rules.schema.invalid', params: { path: where } }];
    }
    case 'too_small':
    case 'too_big': {
      const kind = issue.origin === 'array' ? 'Items' : issue.origin === 'string' ? 'Text' : 'Number';
      const limit = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const code = `rules.schema.${issue.code === 'too_small' ? 'tooSmall' : 'tooBig'}${kind}` as const;
      return [{ path, code, params: { path: where, limit: Number(limit) } }];
    }
    case 'invalid_format':
      return [{ path, code: 'rules.schema.format', params: { path: where, value: String(valueAt(data, path) ?? '') } }];
    default:
      return [{ path, code: 'rules.schema.other', params: { path: where, detail: issue.message } }];
  }
}

/** The format message for a rule file's own kinds of value: its date, a pack or material id, a field id. */
function ruleFormatCode(path: readonly PropertyKey[]): MessageKey {
  const last = path[path.length - 1];
  if (last === 'effective' || last === 'reviewed') return 'rules.schema.dateFormat';
  if (last === 'id' && path.length === 3 && path[0] === 'fields') return 'rules.schema.fieldIdFormat';
  if (last === 'id') return 'rules.schema.idFormat';
  return 'rules.schema.format';
}

/** One RuleProblem per zod issue, placed at the YAML node the issue is about. */
export function schemaProblems(yaml: LocatedYaml, data: unknown, issues: readonly z.core.$ZodIssue[]): RuleProblem[] {
  return issues.flatMap((issue) =>
    issueWords(data, issue).map((w) =>
      yaml.problemAt(
        yaml.offsetOf(w.path, w.key),
        w.code === 'rules.schema.format' ? ruleFormatCode(w.path) : w.code,
        w.params,
      ),
    ),
  );
}
