/**
 * Text helpers for reading documents: width normalisation, labels found in lines (spaces allowed
 * inside them, as in 名称 printed with ideographic spaces between the characters), and dates in the forms licences and ID cards print.
 */
import { dayNumber } from '../model/fields';

/** Full-width letters, digits and punctuation as ASCII (NFKC), runs of spaces as one. */
export function halfWidth(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** A label's pattern: its characters with optional spaces (or dots read for spaces) between them. */
export function labelPattern(label: string): string {
  // The spacing printed between a label's characters is sometimes read as dots (姓‧名).
  return [...label].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s·‧•・]*');
}

export interface LabelHit {
  /** Which of the labels matched (the canonical one). */
  label: string;
  line: number;
  start: number;
  end: number;
}

/** Every place a label stands in the lines, in reading order. */
export function findLabels(lines: string[], labels: readonly string[]): LabelHit[] {
  const hits: LabelHit[] = [];
  // Longer labels first, so 主要经营场所 is not also found as 经营场所.
  const sorted = [...labels].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(sorted.map((l) => `(${labelPattern(l)})`).join('|'), 'g');
  lines.forEach((text, line) => {
    for (const m of text.matchAll(pattern)) {
      const index = m.slice(1).findIndex((g) => g !== undefined);
      hits.push({ label: sorted[index], line, start: m.index, end: m.index + m[0].length });
    }
  });
  return hits;
}

const DATE = /(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?/g;
const FOREVER = /长期|无固定期限|永久/;

/** Real calendar dates in `text`, as YYYY-MM-DD, in order (2023年02月30日 is skipped). */
export function datesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of halfWidth(text).matchAll(DATE)) {
    const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
    if (Number(m[1]) >= 1900 && Number(m[1]) <= 2200 && dayNumber(iso) !== null) out.push(iso);
  }
  return out;
}

/** A term `from 至 until` (or `from-until`): until is a date or 长期 (无固定期限 and 永久 mean the same). */
export function termIn(text: string): { from?: string; until?: string } {
  const dates = datesIn(text);
  if (FOREVER.test(text)) return { from: dates[0], until: '长期' };
  return { from: dates[0], until: dates[1] };
}

/** Han characters (and the middle dot of transliterated names) at the start of `text`. */
export function leadingHan(text: string): string {
  return /^[\u3400-\u9fff·•]+/.exec(text.trim())?.[0].replace(/•/g, '·') ?? '';
}
