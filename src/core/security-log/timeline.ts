/**
 * The one-page 网络安全演进图: a horizontal time axis with month ticks, each security update a dot
 * (filled ✓ when signed, hollow ✗ when not) with its date and a short problem → fix label, and below
 * it a table of every update with its effect and the person responsible. Landscape A4, so half a
 * year of updates fits with readable labels (docs/domain/security-log.md: five major patches in half a
 * year → one page). This file draws; where things go is timeline-layout.ts.
 */
import { PDFDocument, rgb, type PDFPage, type RGB } from 'pdf-lib';
import { translator, type Locale, type Translate } from '../../i18n';
import { UserError } from '../errors';
import { dayNumber } from '../model/dates';
import { embedCjkFont, type CjkFont } from '../bind/cjk';
import { sortChronologically, type SecurityLogEntry } from '../model/schemas/security-log';
import {
  MARGIN,
  PAGE,
  layoutAxis,
  layoutLabels,
  legendY,
  rowsThatFit,
  type AxisLayout,
  type LabelBox,
} from './timeline-layout';

export interface TimelineOptions {
  /** YYYY-MM-DD, printed as the generation date. */
  today: string;
  /** The applicant, printed under the title. */
  company?: string;
  locale?: Locale;
  fontFile?: string;
}

const COLOURS = {
  text: rgb(0.1, 0.1, 0.1),
  muted: rgb(0.4, 0.4, 0.4),
  axis: rgb(0.35, 0.35, 0.35),
  grid: rgb(0.85, 0.85, 0.85),
  signed: rgb(0.1, 0.5, 0.2),
  unsigned: rgb(0.8, 0.12, 0.12),
  box: rgb(0.97, 0.97, 0.97),
};
const ELLIPSIS = '…';

interface Placed {
  entry: SecurityLogEntry;
  index: number;
  day: number | null;
}

/** Lines of `text` that fit `width`, at most `max`, the last one ending in … when cut. */
function fitLines(font: CjkFont, text: string, size: number, width: number, max: number): string[] {
  const lines = font.wrap(text.trim().replace(/\s*\n\s*/g, ' '), size, width).filter((l) => l !== '');
  if (lines.length <= max) return lines;
  let last = lines[max - 1];
  while (last && font.widthOf(last + ELLIPSIS, size) > width) last = last.slice(0, -1);
  return [...lines.slice(0, max - 1), last + ELLIPSIS];
}

function drawCheck(page: PDFPage, x: number, y: number, size: number, signed: boolean, colour: RGB): void {
  // Drawn as strokes so the mark never depends on a glyph being in the font subset.
  if (signed) {
    page.drawLine({
      start: { x, y: y + size * 0.5 },
      end: { x: x + size * 0.35, y: y + size * 0.15 },
      thickness: 1.4,
      color: colour,
    });
    page.drawLine({
      start: { x: x + size * 0.35, y: y + size * 0.15 },
      end: { x: x + size, y: y + size * 0.9 },
      thickness: 1.4,
      color: colour,
    });
  } else {
    page.drawLine({
      start: { x, y: y + size * 0.1 },
      end: { x: x + size * 0.8, y: y + size * 0.9 },
      thickness: 1.4,
      color: colour,
    });
    page.drawLine({
      start: { x, y: y + size * 0.9 },
      end: { x: x + size * 0.8, y: y + size * 0.1 },
      thickness: 1.4,
      color: colour,
    });
  }
}

function drawDot(page: PDFPage, x: number, y: number, signed: boolean): void {
  if (signed) page.drawCircle({ x, y, size: 5, color: COLOURS.signed });
  else page.drawCircle({ x, y, size: 5, color: rgb(1, 1, 1), borderColor: COLOURS.unsigned, borderWidth: 1.6 });
}

/** Render the timeline as a one-page PDF. Entries may be in any order; undated ones appear only in the table. */
export async function renderSecurityTimeline(
  entries: SecurityLogEntry[],
  options: TimelineOptions,
): Promise<Uint8Array> {
  if (entries.length === 0) throw new UserError('securityLog.noEntries');
  const locale = options.locale ?? 'zh-CN';
  const tr = translator(locale);

  const placed: Placed[] = sortChronologically(entries).map((entry, i) => ({
    entry,
    day: dayNumber(entry.date),
    index: i + 1,
  }));
  const dated = placed.filter((p) => p.day !== null);

  const columns = [
    { key: '#', width: 22 },
    { key: tr('securityLog.chart.col.date'), width: 62 },
    { key: tr('securityLog.chart.col.problem'), width: 170 },
    { key: tr('securityLog.chart.col.fix'), width: 190 },
    { key: tr('securityLog.chart.col.effect'), width: 190 },
    { key: tr('securityLog.chart.col.responsible'), width: 70 },
    { key: tr('securityLog.chart.col.signed'), width: 0 },
  ];
  columns[columns.length - 1].width = PAGE.width - 2 * MARGIN - columns.reduce((s, c) => s + c.width, 0);

  const first = dated[0]?.entry.date;
  const last = dated[dated.length - 1]?.entry.date;
  const texts = {
    title: tr('securityLog.chart.title'),
    period: first && last ? tr('securityLog.chart.period', { from: first, to: last, count: entries.length }) : '',
    generated: tr('securityLog.chart.generated', { date: options.today }),
    signed: tr('securityLog.chart.signed'),
    unsigned: tr('securityLog.chart.unsigned'),
    undated: tr('securityLog.chart.undated'),
  };

  const doc = await PDFDocument.create();
  doc.setTitle(texts.title);
  doc.setCreator('matprep');
  const allText = [
    ...Object.values(texts),
    options.company ?? '',
    ...columns.map((c) => c.key),
    tr('securityLog.chart.more', { count: 0 }),
    ...entries.flatMap((e) => [e.date, e.problem, e.fix, e.effect, e.responsible]),
    ELLIPSIS,
    '→',
  ].join('');
  const font = await embedCjkFont(doc, allText, { fontFile: options.fontFile });
  const page = doc.addPage([PAGE.width, PAGE.height]);
  const text = (s: string, x: number, y: number, size: number, color = COLOURS.text) =>
    page.drawText(s, { x, y, size, font: font.font, color });

  // Heading.
  const titleSize = 22;
  text(
    texts.title,
    (PAGE.width - font.widthOf(texts.title, titleSize)) / 2,
    PAGE.height - MARGIN - titleSize,
    titleSize,
  );
  const sub = [options.company, texts.period].filter(Boolean).join('　');
  text(sub, MARGIN, PAGE.height - MARGIN - 44, 10, COLOURS.muted);
  text(
    texts.generated,
    PAGE.width - MARGIN - font.widthOf(texts.generated, 9),
    PAGE.height - MARGIN - 44,
    9,
    COLOURS.muted,
  );

  // Axis, then labels, then leaders and dots on top of the axis.
  const days = dated.map((p) => p.day!);
  const axis = layoutAxis(days, dayNumber(options.today) ?? 0);
  drawAxis(page, font, axis);
  const boxes = layoutLabels(axis, days);
  dated.forEach((p, i) => drawLabel(page, font, p, boxes[i], axis.y));
  for (const p of dated) drawDot(page, axis.xOf(p.day!), axis.y, p.entry.signed);

  // Legend.
  const legend = legendY(axis);
  let lx = PAGE.width - MARGIN - 190;
  drawDot(page, lx, legend + 3, true);
  text(texts.signed, lx + 10, legend, 8.5);
  lx += 20 + font.widthOf(texts.signed, 8.5) + 20;
  drawDot(page, lx, legend + 3, false);
  text(texts.unsigned, lx + 10, legend, 8.5);

  drawTable(page, font, placed, columns, legend - 16, texts.undated, tr);
  return doc.save();
}

function drawAxis(page: PDFPage, font: CjkFont, axis: AxisLayout): void {
  page.drawLine({
    start: { x: axis.left - 10, y: axis.y },
    end: { x: axis.right + 10, y: axis.y },
    thickness: 1.5,
    color: COLOURS.axis,
  });
  for (const tick of axis.ticks) {
    const x = axis.xOf(tick.day);
    page.drawLine({ start: { x, y: axis.y - 4 }, end: { x, y: axis.y + 4 }, thickness: 1, color: COLOURS.axis });
    page.drawText(tick.label, {
      x: x - font.widthOf(tick.label, 7) / 2,
      y: axis.y - 13,
      size: 7,
      font: font.font,
      color: COLOURS.muted,
    });
  }
}

/** One update's label: the leader from the axis, the box, `#n  date` with ✓/✗, problem → fix. */
function drawLabel(page: PDFPage, font: CjkFont, p: Placed, box: LabelBox, axisY: number): void {
  const colour = p.entry.signed ? COLOURS.signed : COLOURS.unsigned;
  const text = (s: string, x: number, y: number, size: number) =>
    page.drawText(s, { x, y, size, font: font.font, color: COLOURS.text });
  page.drawLine({ start: { x: box.x, y: axisY }, end: box.leader, thickness: 0.6, color: COLOURS.grid });
  page.drawRectangle({
    x: box.left,
    y: box.bottom,
    width: box.width,
    height: box.height,
    color: COLOURS.box,
    borderColor: colour,
    borderWidth: 0.8,
  });
  const top = box.bottom + box.height;
  text(`#${p.index}  ${p.entry.date}`, box.left + 5, top - 12, 8.5);
  drawCheck(page, box.left + box.width - 14, top - 13, 8, p.entry.signed, colour);
  const body = [
    ...fitLines(font, p.entry.problem, 7.5, box.width - 10, 2),
    ...fitLines(font, `→ ${p.entry.fix}`, 7.5, box.width - 10, 1),
  ].slice(0, 3);
  body.forEach((line, j) => text(line, box.left + 5, top - 23 - j * 9.5, 7.5));
}

function drawTable(
  page: PDFPage,
  font: CjkFont,
  placed: Placed[],
  columns: Array<{ key: string; width: number }>,
  top: number,
  undated: string,
  tr: Translate,
): void {
  const size = 7.5;
  const lineHeight = 9.5;
  const pad = 3;
  const headerHeight = lineHeight + 2 * pad;
  const rowsOf = (p: Placed) => {
    const cells = [
      String(p.index),
      p.day === null ? undated : p.entry.date,
      p.entry.problem,
      p.entry.fix,
      p.entry.effect,
      p.entry.responsible,
    ];
    const lines = cells.map((cell, i) => fitLines(font, cell, size, columns[i].width - 2 * pad, 2));
    return { lines, height: Math.max(1, ...lines.map((l) => l.length)) * lineHeight + 2 * pad };
  };
  const rows = placed.map((p) => ({ p, ...rowsOf(p) }));
  // Keep the most recent rows when not all fit; say how many were left out.
  const shown = rowsThatFit(
    rows.map((r) => r.height),
    top,
    headerHeight,
    lineHeight + 4,
  );
  const visible = rows.slice(rows.length - shown);
  const tableWidth = columns.reduce((s, c) => s + c.width, 0);

  let y = top;
  page.drawRectangle({
    x: MARGIN,
    y: y - headerHeight,
    width: tableWidth,
    height: headerHeight,
    color: rgb(0.9, 0.92, 0.95),
  });
  let x = MARGIN;
  for (const c of columns) {
    page.drawText(c.key, { x: x + pad, y: y - pad - size, size, font: font.font, color: COLOURS.text });
    x += c.width;
  }
  y -= headerHeight;
  for (const row of visible) {
    page.drawLine({ start: { x: MARGIN, y }, end: { x: MARGIN + tableWidth, y }, thickness: 0.4, color: COLOURS.grid });
    x = MARGIN;
    row.lines.forEach((lines, i) => {
      lines.forEach((line, j) =>
        page.drawText(line, {
          x: x + pad,
          y: y - pad - size - j * lineHeight,
          size,
          font: font.font,
          color: COLOURS.text,
        }),
      );
      x += columns[i].width;
    });
    const colour = row.p.entry.signed ? COLOURS.signed : COLOURS.unsigned;
    drawCheck(page, x + pad + 4, y - pad - size, 8, row.p.entry.signed, colour);
    y -= row.height;
  }
  page.drawLine({ start: { x: MARGIN, y }, end: { x: MARGIN + tableWidth, y }, thickness: 0.4, color: COLOURS.grid });
  if (shown < rows.length) {
    page.drawText(tr('securityLog.chart.more', { count: rows.length - shown }), {
      x: MARGIN,
      y: y - lineHeight - 2,
      size,
      font: font.font,
      color: COLOURS.muted,
    });
  }
}
