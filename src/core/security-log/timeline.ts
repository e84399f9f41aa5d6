/**
 * The one-page 网络安全演进图: a horizontal time axis with month ticks, each security update a dot
 * (filled ✓ when signed, hollow ✗ when not) with its date and a short problem → fix label, and below
 * it a table of every update with its effect and the person responsible. Landscape A4, so half a
 * year of updates fits with readable labels (seed 000: 半年内的 5 次重大安全补丁 → 一页).
 */
import { PDFDocument, rgb, type PDFPage, type RGB } from 'pdf-lib';
import type { Locale } from '../../i18n';
import { t } from '../../i18n';
import { UserError } from '../errors';
import { dayNumber, dayNumberOf } from '../model/dates';
import { embedCjkFont, type CjkFont } from '../bind/cjk';
import { sortChronologically, type SecurityLogEntry } from '../model/schemas/security-log';

export interface TimelineOptions {
  /** YYYY-MM-DD, printed as the generation date. */
  today: string;
  /** The applicant, printed under the title. */
  company?: string;
  locale?: Locale;
  fontFile?: string;
}

const PAGE = { width: 841.89, height: 595.28 };
const MARGIN = 40;
const COLOURS = {
  text: rgb(0.1, 0.1, 0.1),
  muted: rgb(0.4, 0.4, 0.4),
  axis: rgb(0.35, 0.35, 0.35),
  grid: rgb(0.85, 0.85, 0.85),
  signed: rgb(0.1, 0.5, 0.2),
  unsigned: rgb(0.8, 0.12, 0.12),
  box: rgb(0.97, 0.97, 0.97),
};
const LABEL = { widths: [150, 120, 96], height: 50, gap: 6 };
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

/** First day of each month from the month of `from` to the month after `to` (at least two months). */
function monthTicks(from: number, to: number): Array<{ day: number; label: string }> {
  const start = new Date(from * 86_400_000);
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth() + 1;
  const ticks: Array<{ day: number; label: string }> = [];
  for (;;) {
    const day = dayNumberOf(year, month, 1)!;
    ticks.push({ day, label: `${year}-${String(month).padStart(2, '0')}` });
    if (day > to && ticks.length >= 3) break;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return ticks;
}

/**
 * Where each label box goes: one of four rows (two above the axis, two below), shifted right of the
 * previous box in its row when they would overlap, in the row that needs the least shift. Narrower
 * boxes are tried when the widest do not fit; the narrowest are used (overlapping) when nothing fits.
 */
function placeLabels(ideal: number[], minX: number, maxX: number): { width: number; rows: number[]; lefts: number[] } {
  let layout = { width: 0, rows: [] as number[], lefts: [] as number[] };
  for (const width of LABEL.widths) {
    const rowEnds = [-Infinity, -Infinity, -Infinity, -Infinity];
    const rows: number[] = [];
    const lefts: number[] = [];
    let fits = true;
    for (const centre of ideal) {
      const wanted = Math.min(Math.max(centre - width / 2, minX), maxX - width);
      const options = rowEnds.map((end) => Math.max(wanted, end + LABEL.gap));
      const shift = Math.min(...options);
      const row = options.indexOf(shift);
      if (shift + width > maxX) fits = false;
      const left = Math.min(shift, maxX - width);
      rows.push(row);
      lefts.push(left);
      rowEnds[row] = left + width;
    }
    layout = { width, rows, lefts };
    if (fits) break;
  }
  return layout;
}

/** Render the timeline as a one-page PDF. Entries may be in any order; undated ones appear only in the table. */
export async function renderSecurityTimeline(
  entries: SecurityLogEntry[],
  options: TimelineOptions,
): Promise<Uint8Array> {
  if (entries.length === 0) throw new UserError('securityLog.noEntries');
  const locale = options.locale ?? 'zh-CN';
  const tr = (key: string, params?: Record<string, string | number>) => t(locale, key, params);

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

  // Axis.
  const axisY = PAGE.height - 240;
  const left = MARGIN + 30;
  const right = PAGE.width - MARGIN - 30;
  const from = dated.length ? dated[0].day! : (dayNumber(options.today) ?? 0);
  const to = dated.length ? dated[dated.length - 1].day! : from;
  const ticks = monthTicks(from, to);
  const span = Math.max(1, ticks[ticks.length - 1].day - ticks[0].day);
  const xOf = (day: number) => left + ((day - ticks[0].day) / span) * (right - left);
  const rowOffsets = [
    LABEL.height / 2 + 22,
    -(LABEL.height / 2 + 30),
    LABEL.height * 1.5 + 30,
    -(LABEL.height * 1.5 + 38),
  ];

  page.drawLine({
    start: { x: left - 10, y: axisY },
    end: { x: right + 10, y: axisY },
    thickness: 1.5,
    color: COLOURS.axis,
  });
  for (const tick of ticks) {
    const x = xOf(tick.day);
    page.drawLine({ start: { x, y: axisY - 4 }, end: { x, y: axisY + 4 }, thickness: 1, color: COLOURS.axis });
    text(tick.label, x - font.widthOf(tick.label, 7) / 2, axisY - 13, 7, COLOURS.muted);
  }

  // Labels, then leaders and dots on top of the axis.
  const {
    width: labelWidth,
    rows,
    lefts,
  } = placeLabels(
    dated.map((p) => xOf(p.day!)),
    MARGIN,
    PAGE.width - MARGIN,
  );
  dated.forEach((p, i) => {
    const x = xOf(p.day!);
    const boxX = lefts[i];
    const boxMidY = axisY + rowOffsets[rows[i]];
    const boxY = boxMidY - LABEL.height / 2;
    const colour = p.entry.signed ? COLOURS.signed : COLOURS.unsigned;
    const edgeY = boxMidY > axisY ? boxY : boxY + LABEL.height;
    page.drawLine({
      start: { x, y: axisY },
      end: { x: boxX + labelWidth / 2, y: edgeY },
      thickness: 0.6,
      color: COLOURS.grid,
    });
    page.drawRectangle({
      x: boxX,
      y: boxY,
      width: labelWidth,
      height: LABEL.height,
      color: COLOURS.box,
      borderColor: colour,
      borderWidth: 0.8,
    });
    const head = `#${p.index}  ${p.entry.date}`;
    text(head, boxX + 5, boxY + LABEL.height - 12, 8.5);
    drawCheck(page, boxX + labelWidth - 14, boxY + LABEL.height - 13, 8, p.entry.signed, colour);
    const body = [
      ...fitLines(font, p.entry.problem, 7.5, labelWidth - 10, 2),
      ...fitLines(font, `→ ${p.entry.fix}`, 7.5, labelWidth - 10, 1),
    ].slice(0, 3);
    body.forEach((line, j) => text(line, boxX + 5, boxY + LABEL.height - 23 - j * 9.5, 7.5));
  });
  for (const p of dated) drawDot(page, xOf(p.day!), axisY, p.entry.signed);

  // Legend.
  const legendY = axisY - LABEL.height * 2 - 62;
  let lx = PAGE.width - MARGIN - 190;
  drawDot(page, lx, legendY + 3, true);
  text(texts.signed, lx + 10, legendY, 8.5);
  lx += 20 + font.widthOf(texts.signed, 8.5) + 20;
  drawDot(page, lx, legendY + 3, false);
  text(texts.unsigned, lx + 10, legendY, 8.5);

  drawTable(page, font, placed, columns, legendY - 16, texts.undated, tr);
  return doc.save();
}

function drawTable(
  page: PDFPage,
  font: CjkFont,
  placed: Placed[],
  columns: Array<{ key: string; width: number }>,
  top: number,
  undated: string,
  tr: (key: string, params?: Record<string, string | number>) => string,
): void {
  const size = 7.5;
  const lineHeight = 9.5;
  const pad = 3;
  const bottom = MARGIN;
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
  const noteHeight = lineHeight + 4;
  let available = top - bottom - headerHeight;
  let shown = rows.length;
  let used = rows.reduce((s, r) => s + r.height, 0);
  while (shown > 0 && used > available) {
    if (shown === rows.length) available -= noteHeight;
    used -= rows[rows.length - shown].height;
    shown -= 1;
  }
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
