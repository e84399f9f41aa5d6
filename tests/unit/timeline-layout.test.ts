/** The 网络安全演进图's layout, apart from drawing: labels never overlap in a row, ticks cover the span, the newest rows are kept. */
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/core/model/dates';
import {
  LABEL,
  MARGIN,
  PAGE,
  layoutAxis,
  layoutLabels,
  monthTicks,
  rowsThatFit,
} from '../../src/core/security-log/timeline-layout';

const day = (text: string) => dayNumber(text)!;

describe('timeline layout', () => {
  it('month ticks start at the first update’s month and pass the last one', () => {
    const ticks = monthTicks(day('2026-01-15'), day('2026-03-02'));
    expect(ticks.map((t) => t.label)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(ticks.at(-1)!.day).toBeGreaterThan(day('2026-03-02'));
  });

  it('puts boxes on the page, never two overlapping in the same row while they fit', () => {
    // Five major patches in half a year, two of them a day apart.
    const days = ['2026-01-03', '2026-01-04', '2026-02-20', '2026-04-11', '2026-06-30'].map(day);
    const axis = layoutAxis(days, 0);
    const boxes = layoutLabels(axis, days);
    expect(boxes[0].width).toBe(LABEL.widths[0]);
    for (const box of boxes) {
      expect(box.left).toBeGreaterThanOrEqual(MARGIN);
      expect(box.left + box.width).toBeLessThanOrEqual(PAGE.width - MARGIN);
    }
    boxes.forEach((a, i) =>
      boxes.slice(i + 1).forEach((b) => {
        if (a.bottom === b.bottom) expect(a.left + a.width + LABEL.gap).toBeLessThanOrEqual(b.left);
      }),
    );
    // Each leader starts at the update's own point on the axis.
    expect(boxes.map((b) => b.x)).toEqual(days.map(axis.xOf));
  });

  it('keeps the most recent table rows and makes room for the note when not all fit', () => {
    expect(rowsThatFit([20, 20, 20], 500, 15, 13)).toBe(3);
    // 100 points below the header for 20-point rows: four fit, less the note's 13 → four still fit.
    expect(rowsThatFit(Array(10).fill(20), MARGIN + 15 + 100, 15, 13)).toBe(4);
    expect(rowsThatFit(Array(10).fill(20), MARGIN + 15 + 90, 15, 13)).toBe(3);
  });
});
