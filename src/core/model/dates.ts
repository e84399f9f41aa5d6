/** Calendar dates as `YYYY-MM-DD` strings: parsing, day arithmetic, month arithmetic. UTC throughout. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a real calendar date, or null (2023-02-30 is not a date). */
export function dayNumber(text: string): number | null {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return null;
  return dayNumberOf(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function dayNumberOf(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round(ms / 86_400_000);
}

export function isIsoDate(text: string): boolean {
  return dayNumber(text) !== null;
}

/** `YYYY-MM-DD` of a day number. */
export function formatDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** The date `months` after `text`, clamped to the month's last day (2024-01-31 + 1 → 2024-02-29). */
export function addMonths(text: string, months: number): string | null {
  const m = ISO_DATE.exec(text.trim());
  if (!m || dayNumber(text) === null) return null;
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(m[3]), lastDay);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A date as people type it, as `YYYY-MM-DD`, or null when it is no real day. Accepts 2026-12-07,
 * 2026-12-7, 2026/12/07, 2026.12.07, 20261207 and 2026年12月7日 (full-width digits too), so the
 * date reads the same whatever the computer's locale would have shown.
 */
export function parseDateText(text: string): string | null {
  const compact = text.normalize('NFKC').replace(/\s+/g, '');
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(compact) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(compact);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // A year out of any document's range is a typo (0202, 20026), not a date to keep.
  if (year < 1900 || year > 2199 || dayNumberOf(year, month, day) === null) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The word stored for a document that never expires (营业期限：长期), as the checker and the alerts read it. */
export const LONG_TERM = '长期';
