/**
 * Values next to their printed labels. A value is what follows the label on its line, up to the next
 * label; when skew or spacing put it on a line of its own, the line to the label's right at the
 * same height (measured along the page's slant), else the next line.
 */
import type { OcrLine } from './types';
import { findLabels, halfWidth, type LabelHit } from './text';

export interface Located {
  text: string;
  confidence: number;
}

export class LabelledLines {
  readonly texts: string[];
  readonly hits: LabelHit[];
  private readonly slope: number;

  constructor(
    readonly lines: OcrLine[],
    labels: readonly string[],
  ) {
    this.texts = lines.map((l) => halfWidth(l.text));
    this.hits = findLabels(this.texts, labels);
    this.slope = pageSlope(lines);
  }

  /** Labels found (canonical names), for telling whether this is the expected document at all. */
  found(): Set<string> {
    return new Set(this.hits.map((h) => h.label));
  }

  /** The value printed for the first of `labels` that is present. */
  valueOf(labels: readonly string[]): Located | undefined {
    for (const label of labels) {
      const hit = this.hits.find((h) => h.label === label);
      if (!hit) continue;
      const same = this.cut(hit.line, hit.end);
      if (same) return { text: same, confidence: this.lines[hit.line].confidence };
      const beside = this.beside(hit) ?? this.below(hit);
      if (beside !== undefined) {
        const text = this.cut(beside, 0);
        if (text) return { text, confidence: this.lines[beside].confidence };
      }
    }
    return undefined;
  }

  /** Line `line` from `from` up to the next label on it, without the colon after a label. */
  private cut(line: number, from: number): string {
    const next = this.hits.filter((h) => h.line === line && h.start >= from).map((h) => h.start);
    const end = next.length ? Math.min(...next) : this.texts[line].length;
    return this.texts[line]
      .slice(from, end)
      .replace(/^[\s:：]+/, '')
      .trim();
  }

  private startsWithLabel(line: number): boolean {
    return this.hits.some((h) => h.line === line && h.start === 0);
  }

  /** The nearest line to the right of the label whose middle is level with the label's. */
  private beside(hit: LabelHit): number | undefined {
    const box = this.lines[hit.line].box;
    if (!box) return undefined;
    const label = geometry(box, this.slope);
    let best: { line: number; dx: number } | undefined;
    this.lines.forEach((l, i) => {
      if (i === hit.line || !l.box || this.startsWithLabel(i)) return;
      const g = geometry(l.box, this.slope);
      const dx = g.left - label.right;
      if (dx < -label.height || Math.abs(g.middle - label.middle) > label.height * 0.6) return;
      if (!best || dx < best.dx) best = { line: i, dx };
    });
    return best?.line;
  }

  private below(hit: LabelHit): number | undefined {
    const next = hit.line + 1;
    return next < this.lines.length && !this.startsWithLabel(next) ? next : undefined;
  }
}

/** Left/right edges and the middle height of a box, the height measured across the page's slant. */
function geometry(box: number[][], slope: number): { left: number; right: number; middle: number; height: number } {
  const xs = box.map((p) => p[0]);
  const level = box.map((p) => p[1] - slope * p[0]);
  return {
    left: Math.min(...xs),
    right: Math.max(...xs),
    middle: (Math.min(...level) + Math.max(...level)) / 2,
    height: Math.max(...level) - Math.min(...level),
  };
}

/** The median slant of the wide boxes' top edges: a 3° skew moves a value 16 px per 300 px across. */
export function pageSlope(lines: OcrLine[]): number {
  const slopes = lines
    .map((l) => l.box)
    .filter((b): b is number[][] => !!b && b.length === 4)
    .map(([a, b]) => ({ dx: b[0] - a[0], dy: b[1] - a[1] }))
    .filter(({ dx }) => dx > 40)
    .map(({ dx, dy }) => dy / dx)
    .sort((a, b) => a - b);
  return slopes.length ? slopes[Math.floor(slopes.length / 2)] : 0;
}
