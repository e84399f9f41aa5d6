/**
 * Where everything on the 网络安全演进图 page goes, apart from drawing it (timeline.ts draws): the
 * page and margins, the time axis with its month ticks, the label box of each dated update, and how
 * many table rows fit. Plain numbers in PDF points (origin bottom left); no pdf-lib, no fonts.
 */
import { dayNumberOf } from '../model/dates';

/** Landscape A4. */
export const PAGE = { width: 841.89, height: 595.28 };
export const MARGIN = 40;
/** Label boxes: the widths tried, widest first; their height; the least gap between two in a row. */
export const LABEL = { widths: [150, 120, 96], height: 50, gap: 6 };

export interface Tick {
  day: number;
  label: string;
}

/** First day of each month from the month of `from` to the month after `to` (at least two months). */
export function monthTicks(from: number, to: number): Tick[] {
  const start = new Date(from * 86_400_000);
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth() + 1;
  const ticks: Tick[] = [];
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
export function placeLabels(
  ideal: number[],
  minX: number,
  maxX: number,
): { width: number; rows: number[]; lefts: number[] } {
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

export interface AxisLayout {
  /** Height of the axis line. */
  y: number;
  left: number;
  right: number;
  ticks: Tick[];
  /** Horizontal position of a day on the axis. */
  xOf: (day: number) => number;
}

/** The time axis for updates dated `days` (ascending); with none, a short axis from `fallbackDay`. */
export function layoutAxis(days: number[], fallbackDay: number): AxisLayout {
  const y = PAGE.height - 240;
  const left = MARGIN + 30;
  const right = PAGE.width - MARGIN - 30;
  const from = days.length ? days[0] : fallbackDay;
  const to = days.length ? days[days.length - 1] : from;
  const ticks = monthTicks(from, to);
  const span = Math.max(1, ticks[ticks.length - 1].day - ticks[0].day);
  return { y, left, right, ticks, xOf: (day) => left + ((day - ticks[0].day) / span) * (right - left) };
}

/** Vertical offset of each label row's middle from the axis: near above, near below, far above, far below. */
const ROW_OFFSETS = [
  LABEL.height / 2 + 22,
  -(LABEL.height / 2 + 30),
  LABEL.height * 1.5 + 30,
  -(LABEL.height * 1.5 + 38),
];

export interface LabelBox {
  /** The update's point on the axis. */
  x: number;
  /** The box's bottom-left corner and size. */
  left: number;
  bottom: number;
  width: number;
  height: number;
  /** Where the leader from the axis meets the box (the middle of its edge facing the axis). */
  leader: { x: number; y: number };
}

/** The label box of each dated update, in the order of `days`. */
export function layoutLabels(axis: AxisLayout, days: number[]): LabelBox[] {
  const { width, rows, lefts } = placeLabels(
    days.map((day) => axis.xOf(day)),
    MARGIN,
    PAGE.width - MARGIN,
  );
  return days.map((day, i) => {
    const middle = axis.y + ROW_OFFSETS[rows[i]];
    const bottom = middle - LABEL.height / 2;
    const left = lefts[i];
    const edgeY = middle > axis.y ? bottom : bottom + LABEL.height;
    return { x: axis.xOf(day), left, bottom, width, height: LABEL.height, leader: { x: left + width / 2, y: edgeY } };
  });
}

/** Height of the legend line under the lowest label row (the table starts below it). */
export function legendY(axis: AxisLayout): number {
  return axis.y - LABEL.height * 2 - 62;
}

/**
 * How many table rows fit between `top` and the bottom margin under a header of `headerHeight`: the
 * most recent rows are kept (the last ones), and when some are left out a note of `noteHeight` says so.
 */
export function rowsThatFit(heights: number[], top: number, headerHeight: number, noteHeight: number): number {
  let available = top - MARGIN - headerHeight;
  let shown = heights.length;
  let used = heights.reduce((s, h) => s + h, 0);
  while (shown > 0 && used > available) {
    if (shown === heights.length) available -= noteHeight;
    used -= heights[heights.length - shown];
    shown -= 1;
  }
  return shown;
}
