/**
 * Problems found in a rule file, located at `file:line:col`. They carry a message key and params
 * rather than text so the same problem prints in Chinese or English.
 */
import { parseDocument, LineCounter, isMap, isSeq, isScalar, isPair, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { catalogs, t, type Locale } from '../../shared/i18n';

export interface RuleProblem {
  file: string;
  line: number;
  col: number;
  code: string;
  params: Record<string, string | number>;
}

/** `file:line:col message` in `locale`. */
export function formatRuleProblem(p: RuleProblem, locale: Locale): string {
  const params: Record<string, string | number> = { ...p.params };
  // JSON types named by zod ("string", "array") read better in the user's words.
  if (typeof params.expected === 'string' && catalogs[locale][`rules.type.${params.expected}`]) {
    params.expected = t(locale, `rules.type.${params.expected}`);
  }
  return `${p.file}:${p.line}:${p.col} ${t(locale, p.code, params)}`;
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

  problemAt(offset: number, code: string, params: Record<string, string | number> = {}): RuleProblem {
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
      const known: Record<string, string> = {
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

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const step of path) out += typeof step === 'number' ? `[${step}]` : `${out ? '.' : ''}${String(step)}`;
  return out || '(root)';
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const step of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[step as string];
  }
  return value;
}

/** One RuleProblem per zod issue, placed at the YAML node the issue is about. */
export function schemaProblems(yaml: LocatedYaml, data: unknown, issues: readonly z.core.$ZodIssue[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const issue of issues) {
    const path = issue.path;
    const where = pathText(path);
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          problems.push(yaml.problemAt(yaml.offsetOf(path, key), 'rules.schema.unknownKey', { path: where, key }));
        }
        continue;
      case 'invalid_type': {
        const missing = valueAt(data, path) === undefined;
        problems.push(
          yaml.problemAt(yaml.offsetOf(path), missing ? 'rules.schema.missing' : 'rules.schema.type', {
            path: where,
            expected: issue.expected,
          }),
        );
        continue;
      }
      case 'invalid_value':
        problems.push(
          yaml.problemAt(yaml.offsetOf(path), 'rules.schema.enum', {
            path: where,
            values: issue.values.map(String).join(', '),
          }),
        );
        continue;
      case 'too_small':
      case 'too_big': {
        const kind = issue.origin === 'array' ? 'Items' : issue.origin === 'string' ? 'Text' : 'Number';
        const limit = issue.code === 'too_small' ? issue.minimum : issue.maximum;
        problems.push(
          yaml.problemAt(yaml.offsetOf(path), `rules.schema.${issue.code === 'too_small' ? 'tooSmall' : 'tooBig'}${kind}`, {
            path: where,
            limit: Number(limit),
          }),
        );
        continue;
      }
      case 'invalid_format': {
        const last = path[path.length - 1];
        const code =
          last === 'effective'
            ? 'rules.schema.dateFormat'
            : last === 'id' && path.length === 3 && path[0] === 'fields'
              ? 'rules.schema.fieldIdFormat'
              : last === 'id'
                ? 'rules.schema.idFormat'
                : 'rules.schema.format';
        problems.push(yaml.problemAt(yaml.offsetOf(path), code, { path: where, value: String(valueAt(data, path) ?? '') }));
        continue;
      }
      default:
        problems.push(yaml.problemAt(yaml.offsetOf(path), 'rules.schema.other', { path: where, detail: issue.message }));
    }
  }
  return problems;
}
