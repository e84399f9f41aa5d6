/**
 * Values next to their printed labels. A value is what follows the label on its line, up to the next
 * label; when skew or spacing put it on a line of its own, the line to the label's right at the
 * same height (measured along the page's slant), else the next line.
 */
import type { OcrLine } from '../model/recognition/types';
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
      const below = this.below(hit);
      const at = this.beside(hit) ?? (below === undefined ? undefined : { line: below, offset: 0 });
      if (at) {
        const text = this.cut(at.line, at.offset);
        if (text) return { text, confidence: this.lines[at.line].confidence };
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
      .replace(/^[\s:：,，.、·‧•・]+/, '')
      .trim();
  }

  private startsWithLabel(line: number): boolean {
    return this.hits.some((h) => h.line === line && h.start === 0);
  }

  /**
   * The nearest text to the right of the label, level with it: a line, or the part of a line after a
   * space when the engine joined the value onto the next column's line (its position estimated from
   * its share of the line's characters).
   */
  private beside(hit: LabelHit): { line: number; offset: number } | undefined {
    const box = this.lines[hit.line].box;
    if (!box) return undefined;
    const label = geometry(box, this.slope);
    // The label's right edge: its share of its line's box (the line may go on past the label).
    const labelRight = label.left + ((label.right - label.left) * hit.end) / Math.max(1, this.texts[hit.line].length);
    let best: { line: number; offset: number; dx: number } | undefined;
    this.lines.forEach((l, i) => {
      if (i === hit.line || !l.box) return;
      const g = geometry(l.box, this.slope);
      if (Math.abs(g.middle - label.middle) > label.height * 0.75) return;
      const text = this.texts[i];
      for (const offset of segmentStarts(text)) {
        // Skip a label, and the value right after a label: that is the other label's.
        const owned = this.hits.some(
          (h) => h.line === i && (h.start === offset || (h.end <= offset && text.slice(h.end, offset).trim() === '')),
        );
        if (owned) continue;
        // A part after a space is placed by the width of what follows it (the gap's width is unknown).
        const left = offset === 0 ? g.left : g.right - textWidth(text.slice(offset), g.height);
        if (left <= label.left) continue;
        const dx = Math.abs(left - labelRight);
        if (!best || dx < best.dx) best = { line: i, offset, dx };
      }
    });
    return best && { line: best.line, offset: best.offset };
  }

  /** The next line, if it starts under the label (when positions are known): a wrapped value. */
  private below(hit: LabelHit): number | undefined {
    const next = hit.line + 1;
    if (next >= this.lines.length || this.startsWithLabel(next)) return undefined;
    const [a, b] = [this.lines[hit.line].box, this.lines[next].box];
    if (!a || !b) return next;
    const label = geometry(a, this.slope);
    const g = geometry(b, this.slope);
    const under = g.middle > label.middle && g.middle - label.middle < label.height * 3;
    return under && Math.abs(g.left - label.left) < label.height * 2 ? next : undefined;
  }
}

/** About how wide `text` is printed `height` high: Han characters square, others half as wide. */
function textWidth(text: string, height: number): number {
  return [...text].reduce((sum, ch) => sum + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 0.95 : 0.55) * height, 0);
}

/** Where the line's space-separated parts start. */
function segmentStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/ (?=\S)/g)) starts.push(m.index + 1);
  return starts;
}

/**
 * Left/right edges, the middle height measured across the page's slant, and the text height (the
 * box's left edge: a long box's own tilt differs from the page's, which would inflate its extent).
 */
function geometry(box: number[][], slope: number): { left: number; right: number; middle: number; height: number } {
  const xs = box.map((p) => p[0]);
  const level = box.map((p) => p[1] - slope * p[0]);
  return {
    left: Math.min(...xs),
    right: Math.max(...xs),
    middle: level.reduce((a, b) => a + b, 0) / level.length,
    height: Math.hypot(box[3][0] - box[0][0], box[3][1] - box[0][1]),
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
