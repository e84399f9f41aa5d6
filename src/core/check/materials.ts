/**
 * Checking one material: files present, of an accepted format, size, page count and resolution;
 * every part marked; dates recent and not expiring; confirmations ticked.
 */
import { addMonths, dayNumber } from '../model/fields';
import type { FieldValue, FileRef, MaterialEntry, MediaType } from '../model/schemas/project';
import { decidingField, isMaterialApplicable } from '../model/rules/applicability';
import { isEmptyValue } from '../model/rules/conditions';
import { boundPageCount } from '../project/pages';
import type { FieldRule, FileFormat, MaterialRule } from '../model/schemas/rules';
import {
  isUnfinished,
  makeProblem,
  withSeverity,
  type MaterialResult,
  type MaterialStatus,
  type Problem,
} from '../model/schemas/check-report';

const FORMAT_OF: Record<MediaType, FileFormat> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

/** Words users put in 有效期 for documents that never expire (营业期限：长期). */
export const NEVER_EXPIRES = new Set(['长期', '长期有效', '永久', '无固定期限', 'long-term', 'permanent', 'none']);

export function neverExpires(validUntil: string): boolean {
  return NEVER_EXPIRES.has(validUntil.trim().toLowerCase());
}

function fileProblems(rule: MaterialRule, files: FileRef[]): Problem[] {
  const problems: Problem[] = [];
  for (const file of files) {
    const format = FORMAT_OF[file.mediaType];
    if (!rule.accept.includes(format)) {
      problems.push(
        makeProblem('material.format', 'error', {
          file: file.name,
          sha256: file.sha256,
          format,
          accepted: rule.accept,
        }),
      );
    }
    // The cap is the portal's upload limit, which export meets by recompressing: an image always
    // fits, a PDF usually (scans are rasterised), so only a PDF over it is worth a warning.
    if (rule.maxFileSizeKB !== undefined && file.size > rule.maxFileSizeKB * 1024 && format === 'pdf') {
      problems.push(
        makeProblem('material.tooLarge', 'warning', {
          file: file.name,
          sha256: file.sha256,
          sizeKB: Math.ceil(file.size / 1024),
          maxKB: rule.maxFileSizeKB,
        }),
      );
    }
    const min = rule.minImagePixels;
    if (min && file.mediaType !== 'application/pdf' && file.width !== undefined && file.height !== undefined) {
      // Either orientation will do: a landscape licence photographed in portrait is rotated on binding.
      const [long, short] = [Math.max(file.width, file.height), Math.min(file.width, file.height)];
      if (long < Math.max(min.width, min.height) || short < Math.min(min.width, min.height)) {
        problems.push(
          makeProblem(min.severity === 'warning' ? 'material.resolutionLow' : 'material.resolution', min.severity, {
            file: file.name,
            sha256: file.sha256,
            width: file.width,
            height: file.height,
            minWidth: min.width,
            minHeight: min.height,
          }),
        );
      }
    }
  }
  problems.push(...duplicateProblems(files));
  const { min, max } = rule.pages ?? {};
  // Page counts are only known once every PDF has been read; images are one page each. Pages the
  // user left out do not count: the limit is on what gets submitted.
  const counts = files.map(boundPageCount);
  if ((min !== undefined || max !== undefined) && counts.every((c) => c !== undefined)) {
    const pages = counts.reduce<number>((sum, c) => sum + (c ?? 0), 0);
    if ((min !== undefined && pages < min) || (max !== undefined && pages > max)) {
      const code = min !== undefined && pages < min ? 'material.pagesTooFew' : 'material.pagesTooMany';
      problems.push(
        makeProblem('material.pages', 'error', { pages, min: min ?? 0, max: max ?? '∞' }, { detail: code }),
      );
    }
  }
  return problems;
}

/**
 * The same file attached twice would be bound twice. The same scan with a different choice of pages
 * (front page here, back page there) is not a duplicate.
 */
function duplicateProblems(files: FileRef[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, FileRef>();
  for (const file of files) {
    const key = `${file.sha256} ${JSON.stringify(file.pageOrder ?? null)}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, file);
      continue;
    }
    const params = { file: file.name, sha256: file.sha256, other: first.name };
    if (first.name === file.name) problems.push(makeProblem('material.duplicate', 'warning', params));
    else {
      // Named differently (a renamed copy): say which two are the same; the fix is the same.
      problems.push(
        makeProblem('material.duplicate', 'warning', params, {
          detail: 'material.duplicateOf',
          hint: 'material.duplicate',
        }),
      );
    }
  }
  return problems;
}

function dateProblems(rule: MaterialRule, entry: MaterialEntry, today: string): Problem[] {
  const problems: Problem[] = [];
  const todayNumber = dayNumber(today);
  if (todayNumber === null) return problems;
  if (rule.recency) {
    const issued = entry.issuedOn?.trim();
    const limit = issued ? addMonths(issued, rule.recency.months) : null;
    if (!issued)
      problems.push(
        makeProblem(
          'material.datesMissing',
          'error',
          { months: rule.recency.months },
          { detail: 'material.issuedOnMissing' },
        ),
      );
    else if (limit === null) problems.push(makeProblem('material.badDate', 'error', { value: issued }));
    else if (dayNumber(issued)! > todayNumber)
      problems.push(makeProblem('material.issuedInFuture', 'error', { issuedOn: issued }));
    else if (dayNumber(limit)! < todayNumber) {
      problems.push(makeProblem('material.tooOld', 'error', { issuedOn: issued, months: rule.recency.months }));
    }
  }
  if (rule.expires) {
    const until = entry.validUntil?.trim();
    const untilNumber = until ? dayNumber(until) : null;
    if (!until) {
      problems.push(
        makeProblem(
          'material.datesMissing',
          'error',
          { minDaysLeft: rule.expires.minDaysLeft },
          { detail: 'material.validUntilMissing' },
        ),
      );
    } else if (neverExpires(until)) {
      // Long-term documents satisfy any minimum.
    } else if (untilNumber === null) problems.push(makeProblem('material.badDate', 'error', { value: until }));
    else if (untilNumber < todayNumber) problems.push(makeProblem('material.expired', 'error', { validUntil: until }));
    else if (untilNumber - todayNumber < rule.expires.minDaysLeft) {
      problems.push(
        makeProblem('material.expiresSoon', 'error', {
          validUntil: until,
          daysLeft: untilNumber - todayNumber,
          minDaysLeft: rule.expires.minDaysLeft,
        }),
      );
    }
  }
  return problems;
}

export function checkMaterial(
  rule: MaterialRule,
  entry: MaterialEntry | undefined,
  values: Record<string, FieldValue>,
  today: string,
  /** The pack's fields, to name the answer that makes a material not apply. */
  fields: FieldRule[] = [],
  /** Confirmations the photo check answered (./scan.ts), counted as ticked. */
  autoConfirmed: string[] = [],
): MaterialResult {
  const base = { id: rule.id, title: rule.title };
  const files = entry?.files ?? [];
  if (!isMaterialApplicable(rule, values)) {
    // Files left over from an earlier answer are pointed out, since they will not be bound.
    const problems = files.length > 0 ? [notApplicableProblem(rule, files.length, values, fields)] : [];
    return { ...base, status: 'not-required', required: false, problems };
  }
  if (files.length === 0) {
    if (!rule.required) return { ...base, status: 'not-required', required: false, problems: [] };
    // The rule's own help says best what to prepare.
    const missing = makeProblem(
      'material.missing',
      'error',
      { title: rule.title },
      rule.help ? { help: rule.help.trim() } : {},
    );
    const problems = withSeverity([missing], rule.severity);
    return { ...base, status: rule.severity === 'warning' ? 'warning' : 'missing', required: true, problems };
  }
  const problems: Problem[] = fileProblems(rule, files);
  // A file showing several parts (both sides of an ID card on one scan) is marked "front,back".
  const marked = new Set(files.flatMap((f) => (f.part ?? '').split(/[\s,+]+/).filter(Boolean)));
  for (const part of rule.parts ?? []) {
    if (!marked.has(part.id)) {
      problems.push(makeProblem('material.partMissing', 'error', { title: rule.title, part: part.title }));
    }
  }
  problems.push(...dateProblems(rule, entry ?? { files: [], confirmations: [] }, today));
  const confirmed = new Set([...(entry?.confirmations ?? []), ...autoConfirmed]);
  for (const what of rule.confirm ?? []) {
    if (!confirmed.has(what)) problems.push(makeProblem('material.unconfirmed', 'error', { title: rule.title, what }));
  }
  const final = withSeverity(problems, rule.severity);
  return { ...base, status: statusOf(final), required: rule.required, problems: final };
}

/**
 * Something wrong with a file is `invalid`; otherwise anything still to do (tick, date, part) makes it
 * `unconfirmed`, also on a rule of severity `warning`, whose problems stay warnings and never block.
 */
function statusOf(problems: Problem[]): MaterialStatus {
  if (problems.some((p) => p.severity === 'error' && !isUnfinished(p))) return 'invalid';
  if (problems.some(isUnfinished)) return 'unconfirmed';
  return problems.length > 0 ? 'warning' : 'ok';
}

/**
 * Files on a material the answers no longer ask for: not bound, and said so with the answer that
 * switched it off — the field's label and its value (`value` empty: the field is not filled in).
 */
function notApplicableProblem(
  rule: MaterialRule,
  count: number,
  values: Record<string, FieldValue>,
  fields: FieldRule[],
): Problem {
  const fieldId = decidingField(rule.when, values);
  const field = fields.find((f) => f.id === fieldId);
  const params = { title: rule.title, count };
  if (!field) return makeProblem('material.notApplicable', 'warning', params);
  const raw = values[field.id];
  const unset = isEmptyValue(raw);
  const value = unset ? '' : Array.isArray(raw) ? raw.map(String) : String(raw);
  return makeProblem(
    'material.notApplicable',
    'warning',
    { ...params, fieldId: field.id, field: field.label, value },
    { detail: unset ? 'material.notApplicableUnset' : 'material.notApplicableBecause', hint: 'material.notApplicable' },
  );
}
