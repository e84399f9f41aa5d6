/**
 * 补正清单: a printable list of what is missing or wrong, from a CheckReport — the page an agency
 * hands back to its client. A4 table (序号 / 事项 / 状态 / 问题与处理办法) with page numbers.
 */
import { PDFDocument, rgb } from 'pdf-lib';
import {
  noteText,
  type CheckReport,
  type FieldResult,
  type MaterialResult,
  type Problem,
} from '../model/schemas/check-report';
import type { ProjectDoc } from '../model/schemas/project';
import type { RulePack } from '../model/schemas/rules';
import { translator, type Locale, type MessageKey, type Translate } from '../../i18n';
import { describeProblem } from '../../i18n/problems';
import { embedCjkFont, type CjkFont } from './cjk';
import { frontMatterText, formatDate } from './front';
import { frameFor } from './geometry';
import { applicantOf } from '../model/packet/select';
import { serialise, setInfo, writeAtomically } from './write';

interface Row {
  kind: string;
  item: string;
  status: string;
  problems: string[];
  /** Blocks completeness (has an error); otherwise only a note for the client to weigh. */
  blocking: boolean;
}

const SIZE = 10.5;
const LINE = 15;
const PAD = 5;
const COLUMNS = [34, 150, 74]; // 序号, 事项, 状态; the rest is for problems

const hasError = (result: FieldResult | MaterialResult) => result.problems.some((p) => p.severity === 'error');

/**
 * The app's hint for an unticked confirmation says where to tick it; the person holding this list
 * has the paper, so it says what the document must show instead.
 */
function wordedProblem(problem: Problem, locale: Locale, tr: Translate): string[] {
  const { message, hint } = describeProblem(problem, locale);
  const what = problem.params.what;
  const advice =
    problem.code === 'material.unconfirmed' && typeof what === 'string'
      ? tr('check.material.unconfirmed.paper', { what })
      : hint;
  return [message, ...(advice ? [tr('correction.hint', { hint: advice })] : [])];
}

export function correctionRows(report: CheckReport, locale: Locale): Row[] {
  const tr = translator(locale);
  const rows: Row[] = [];
  const problemLines = (result: FieldResult | MaterialResult) => [
    ...result.problems.flatMap((p) => wordedProblem(p, locale, tr)),
    // Where the rule only warns or is optional, its reason lets the client judge the item.
    ...(result.note && result.note.kind !== 'info' && !result.problems.some((p) => p.severity === 'error')
      ? [noteText(result.note, tr)]
      : []),
  ];
  for (const field of report.fields) {
    if (field.status === 'ok' || field.status === 'not-required') continue;
    rows.push({
      kind: tr('correction.kind.field'),
      item: field.label,
      status: tr(`correction.status.${field.status}`),
      problems: problemLines(field),
      blocking: hasError(field),
    });
  }
  for (const material of report.materials) {
    if (material.status === 'ok' || material.status === 'not-required') continue;
    rows.push({
      kind: tr('correction.kind.material'),
      item: material.title,
      status: tr(`correction.status.${material.status}`),
      problems: problemLines(material),
      blocking: hasError(material),
    });
  }
  return rows;
}

export async function renderCorrectionList(
  report: CheckReport,
  doc: ProjectDoc,
  rulePack: RulePack,
  output: string,
  opts: { locale?: Locale; now?: Date } = {},
): Promise<{ output: string; pages: number }> {
  const locale = opts.locale ?? 'zh-CN';
  const tr = translator(locale);
  const date = opts.now ?? new Date();
  const rows = correctionRows(report, locale);
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const keys: MessageKey[] = [
    'correction.title',
    'correction.project',
    'correction.matter',
    'correction.date',
    'correction.summary',
    'correction.none',
    'correction.notesOnly',
    'correction.alsoNotes',
    'correction.col.no',
    'correction.col.item',
    'correction.col.status',
    'correction.col.problem',
    'correction.page',
    'correction.hint',
  ];
  const text = [
    ...keys.map((k) => tr(k)),
    doc.name,
    applicantOf(doc),
    rulePack.title,
    frontMatterText(tr, { applicant: '', matter: '', date }, []),
    ...rows.flatMap((r) => [r.kind, r.item, r.status, ...r.problems]),
  ].join('');
  const cjk = await embedCjkFont(pdf, text);
  const frame = frameFor({ landscape: false, header: false, bindingMargin: false });
  const { content } = frame;
  const widths = [...COLUMNS, content.width - COLUMNS.reduce((a, b) => a + b, 0)];
  const cells = rows.map((row, i) => [
    [String(i + 1)],
    cjk
      .wrap(`${row.item}`, SIZE, widths[1] - 2 * PAD)
      .concat(cjk.wrap(`（${row.kind}）`, SIZE - 1.5, widths[1] - 2 * PAD)),
    cjk.wrap(row.status, SIZE, widths[2] - 2 * PAD),
    row.problems.flatMap((p) => cjk.wrap(p, SIZE, widths[3] - 2 * PAD)),
  ]);

  // Lay out first (page breaks), then draw, so every page can say how many there are.
  const headerHeight = 130;
  const rowHeight = (c: string[][]) => Math.max(...c.map((lines) => lines.length)) * LINE + 2 * PAD;
  const pages: number[][] = [[]];
  let y = content.y + content.height - headerHeight - (LINE + 2 * PAD);
  cells.forEach((c, i) => {
    const h = rowHeight(c);
    if (y - h < content.y && pages[pages.length - 1].length > 0) {
      pages.push([]);
      y = content.y + content.height - (LINE + 2 * PAD);
    }
    pages[pages.length - 1].push(i);
    y -= h;
  });

  pages.forEach((rowIndexes, pageIndex) => {
    const page = pdf.addPage([frame.width, frame.height]);
    let top = content.y + content.height;
    if (pageIndex === 0) {
      const title = tr('correction.title');
      page.drawText(title, { x: (frame.width - cjk.widthOf(title, 20)) / 2, y: top - 22, size: 20, font: cjk.font });
      const info = [
        `${tr('correction.project')}：${applicantOf(doc)}`,
        `${tr('correction.matter')}：${rulePack.title}`,
        `${tr('correction.date')}：${formatDate(tr, new Date(`${report.today}T00:00:00`))}`,
        summaryLine(report, rows, tr),
      ];
      info.forEach((line, i) => page.drawText(line, { x: content.x, y: top - 56 - i * 17, size: 11, font: cjk.font }));
      top -= headerHeight;
    }
    if (rows.length > 0)
      top = drawRow(
        page,
        cjk,
        content.x,
        top,
        widths,
        [
          [tr('correction.col.no')],
          [tr('correction.col.item')],
          [tr('correction.col.status')],
          [tr('correction.col.problem')],
        ],
        true,
      );
    for (const i of rowIndexes) top = drawRow(page, cjk, content.x, top, widths, cells[i], false);
    const footer = tr('correction.page', { page: pageIndex + 1, total: pages.length });
    page.drawText(footer, {
      x: (frame.width - cjk.widthOf(footer, 9)) / 2,
      y: 18,
      size: 9,
      font: cjk.font,
      color: rgb(0.2, 0.2, 0.2),
    });
  });

  setInfo(pdf, {
    title: `${tr('correction.title').replace(/\s/g, '')} — ${rulePack.title}`,
    author: applicantOf(doc),
    subject: rulePack.title,
    date,
  });
  const bytes = await serialise(pdf);
  await writeAtomically(output, bytes);
  return { output, pages: pages.length };
}

/** How many rows block and how many are only notes, so a complete project never reads "需要补正". */
function summaryLine(report: CheckReport, rows: Row[], tr: Translate): string {
  const blocking = rows.filter((r) => r.blocking).length;
  const notes = rows.length - blocking;
  if (blocking === 0) return notes > 0 ? tr('correction.notesOnly', { count: notes }) : tr('correction.none');
  const summary = tr('correction.summary', { count: blocking, percent: Math.round(report.completeness * 100) });
  return notes > 0 ? `${summary}${tr('correction.alsoNotes', { count: notes })}` : summary;
}

function drawRow(
  page: ReturnType<PDFDocument['addPage']>,
  cjk: CjkFont,
  x0: number,
  top: number,
  widths: number[],
  cells: string[][],
  header: boolean,
): number {
  const height = Math.max(...cells.map((lines) => lines.length)) * LINE + 2 * PAD;
  const total = widths.reduce((a, b) => a + b, 0);
  if (header) page.drawRectangle({ x: x0, y: top - height, width: total, height, color: rgb(0.92, 0.92, 0.92) });
  let x = x0;
  cells.forEach((lines, c) => {
    lines.forEach((line, i) =>
      page.drawText(line, {
        x: x + PAD,
        y: top - PAD - (i + 1) * LINE + 4,
        size: c === 1 && i > 0 && lines[i].startsWith('（') ? SIZE - 1.5 : SIZE,
        font: cjk.font,
      }),
    );
    page.drawRectangle({
      x,
      y: top - height,
      width: widths[c],
      height,
      borderColor: rgb(0.5, 0.5, 0.5),
      borderWidth: 0.6,
    });
    x += widths[c];
  });
  return top - height;
}
