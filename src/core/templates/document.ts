/**
 * One layout description for both writers: a template filled with a project's values becomes a list
 * of blocks whose text is runs of words and blanks. The PDF and the .docx writer draw exactly this,
 * so the two files say the same words. Pure: no I/O, the date comes in.
 */
import type { FieldValue } from '../model/schemas/values';
import { PLACEHOLDER, type SignatureBox, type Template } from '../model/schemas/templates';

/** A piece of text, or a blank of `blank` character widths for the applicant to write in. */
export type Run = { text: string } | { blank: number };

export type DocBlock =
  | { kind: 'heading'; runs: Run[] }
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'line'; runs: Run[] }
  | { kind: 'table'; columns: string[]; rows: Run[][][] }
  | { kind: 'signatures'; boxes: SignatureBox[] }
  | { kind: 'date'; runs: Run[] };

export interface TemplateDocument {
  title: string;
  blocks: DocBlock[];
}

/** A field without a value leaves this many characters to write in by hand. */
export const FIELD_BLANK = 8;
/** `{_}` without a width. */
export const DEFAULT_BLANK = 6;

const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 20 → 二十: numbering of items as Chinese documents write it. */
export function chineseNumber(n: number): string {
  if (n <= 10) return NUMERALS[n];
  const tens = Math.floor(n / 10);
  return `${tens > 1 ? NUMERALS[tens] : ''}十${NUMERALS[n % 10]}`;
}

/** 2026-12-07 → 2026年12月7日. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function valueText(value: FieldValue | undefined): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.filter((v) => v.trim() !== '').join('、');
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value).trim();
}

/**
 * Spaces next to a Chinese character or punctuation mark: where YAML folded a long line of the template
 * (Chinese puts no space between words). The template's own text only; values keep theirs.
 */
const FOLDED_SPACE =
  /(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef{}])[ \t\r\n]+(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef{])/gu;

/** Text with placeholders → runs; neighbouring text merged, so writers draw whole phrases. */
export function fillText(template: string, fields: Readonly<Record<string, FieldValue>>, today: string): Run[] {
  const text = template.replace(FOLDED_SPACE, '');
  const runs: Run[] = [];
  const push = (run: Run) => {
    const last = runs.at(-1);
    if ('text' in run && last && 'text' in last) last.text += run.text;
    else if (!('text' in run) || run.text !== '') runs.push(run);
  };
  let at = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    push({ text: text.slice(at, match.index) });
    at = match.index + match[0].length;
    const name = match[1];
    if (name.startsWith('_')) push({ blank: name.length > 1 ? Number(name.slice(1)) : DEFAULT_BLANK });
    else if (name === 'today') push({ text: chineseDate(today) });
    else {
      const names = name.split('|');
      const width = names.at(-1)!.startsWith('_') ? Number(names.pop()!.slice(1)) : FIELD_BLANK;
      const value = names.map((field) => valueText(fields[field])).find((v) => v !== '');
      push(value ? { text: value } : { blank: width });
    }
  }
  push({ text: text.slice(at) });
  return runs;
}

/** The template filled with the project's subject fields, as the writers draw it. */
export function fillTemplate(
  template: Template,
  fields: Readonly<Record<string, FieldValue>>,
  today: string,
  /** The pack's applicant: boxes for the other kind (a 公章 for a person) are left out. */
  subject: 'enterprise' | 'individual' = 'enterprise',
): TemplateDocument {
  const fill = (text: string) => fillText(text, fields, today);
  const headed = template.body.some((block) => 'heading' in block);
  const expanded = template.body.flatMap((block): DocBlock[] => {
    if ('heading' in block) return [{ kind: 'heading', runs: fill(block.heading) }];
    if ('paragraph' in block) return [{ kind: 'paragraph', runs: fill(block.paragraph) }];
    if ('line' in block) return [{ kind: 'line', runs: fill(block.line) }];
    // Numbered here, not by the writers, so both number alike: 一、二、 …, or （一）（二） … under
    // headings that are themselves numbered 一、二、.
    if ('items' in block) {
      const number = (n: number) => (headed ? `（${chineseNumber(n)}）` : `${chineseNumber(n)}、`);
      return block.items.map((item, n) => ({ kind: 'paragraph', runs: [{ text: number(n + 1) }, ...fill(item)] }));
    }
    const { columns, rows, blankRows } = block.table;
    // A cell is a space to write in already: one holding only a blank stays empty, not underlined.
    const cell = (text: string | undefined): Run[] => {
      const runs = text ? fill(text) : [];
      return runs.every((run) => 'blank' in run) ? [] : runs;
    };
    const filled = rows.map((row) => columns.map((_, i) => cell(row[i])));
    const blank = Array.from({ length: blankRows }, () => columns.map((): Run[] => []));
    return [{ kind: 'table', columns, rows: [...filled, ...blank] }];
  });
  const boxes = template.signatures.filter((box) => !box.subject || box.subject === subject);
  if (boxes.length > 0) expanded.push({ kind: 'signatures', boxes });
  if (template.date !== 'none') {
    const date: Run[] =
      template.date === 'today'
        ? [{ text: `日期：${chineseDate(today)}` }]
        : [
            { text: '日期：' },
            { blank: 4 },
            { text: '年' },
            { blank: 2 },
            { text: '月' },
            { blank: 2 },
            { text: '日' },
          ];
    expanded.push({ kind: 'date', runs: date });
  }
  return { title: template.title.zh, blocks: expanded };
}

/** Every character the document shows (for subsetting the font). */
export function documentText(doc: TemplateDocument): string {
  const runsText = (runs: Run[]) => runs.map((r) => ('text' in r ? r.text : '')).join('');
  const parts = [doc.title];
  for (const block of doc.blocks) {
    if (block.kind === 'table') parts.push(...block.columns, ...block.rows.flat().map(runsText));
    else if (block.kind === 'signatures') parts.push(...block.boxes.map((b) => b.label));
    else parts.push(runsText(block.runs));
  }
  return parts.join('');
}
