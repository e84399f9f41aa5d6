/** Changes since a submission (core reports them as data) in the user's words: one line each. */
import type { FieldValue } from '../core/model/schemas/project';
import type { FieldChange, MaterialChange, RequestState } from '../core/model/schemas/submissions';
import { formatList, t, type Locale } from './index';

export function formatValue(value: FieldValue | null, locale: Locale): string {
  if (value === null) return t(locale, 'changes.empty');
  if (Array.isArray(value)) return formatList(locale, value);
  return String(value);
}

export function describeFieldChange(change: FieldChange, locale: Locale): string {
  return t(locale, 'changes.field', {
    label: change.label,
    before: formatValue(change.before, locale),
    after: formatValue(change.after, locale),
  });
}

export function describeMaterialChange(change: MaterialChange, locale: Locale): string {
  const kind = t(locale, `changes.kind.${change.change}`);
  if (change.files.length === 0) return t(locale, 'changes.material', { title: change.title, kind });
  const files = formatList(
    locale,
    change.files.map((f) =>
      change.change === 'added' || change.change === 'removed'
        ? f.name
        : `${t(locale, `changes.kind.${f.change}`)} ${f.name}`,
    ),
  );
  return t(locale, 'changes.material.files', { title: change.title, kind, files });
}

export function describeSubject(request: Pick<RequestState, 'subject' | 'subjectTitle'>, locale: Locale): string {
  return request.subject.kind === 'whole' ? t(locale, 'changes.whole') : request.subjectTitle;
}

/** YYYY-MM-DD as the packet writes dates (2026年11月2日). */
export function formatIsoDay(day: string, locale: Locale): string {
  const [year, month, date] = day.split('-').map(Number);
  return t(locale, 'bind.cover.dateValue', { year, month, day: date });
}
