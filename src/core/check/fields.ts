/** Checking subject fields: present when required, valid for their type, different where they must differ. */
import { checkFieldValue, domainAscii, normalizeMobile } from '../model/fields';
import type { FieldValue } from '../model/schemas/project';
import { conditionHolds, isFieldApplicable } from '../model/rules/applicability';
import { isEmptyValue } from '../model/rules/conditions';
import type { FieldRule, RulePack } from '../model/schemas/rules';
import {
  makeProblem,
  withSeverity,
  type FieldResult,
  type Problem,
  type ProblemParams,
} from '../model/schemas/check-report';

type Values = Record<string, FieldValue>;

/** The separate values of a field: list elements, or a `multiple` field's text split at separators. */
export function fieldItems(field: Pick<FieldRule, 'type' | 'multiple'>, value: FieldValue | undefined): string[] {
  if (value === undefined) return [];
  const list = Array.isArray(value)
    ? value
    : field.multiple || field.type === 'multi'
      ? String(value).split(/[\n,，;；、\s]+/)
      : [String(value)];
  return list.map((v) => v.trim()).filter((v) => v !== '');
}

/** The form two values are compared in for `differentFrom` (so 138-0000-0000 equals 13800000000). */
function comparable(type: FieldRule['type'], item: string): string {
  switch (type) {
    case 'mobile':
      return normalizeMobile(item);
    case 'domain':
      return domainAscii(item) ?? item.toLowerCase();
    default:
      return item.trim().toUpperCase();
  }
}

/** Field types whose values are copied from a certificate or licence. */
const COPIED_FROM_DOCUMENT: ReadonlySet<FieldRule['type']> = new Set([
  'uscc',
  'cn-id',
  'date',
  'icp-filing-no',
  'icp-licence-no',
  'culture-licence-no',
  'mlps-filing-no',
  'psb-filing-no',
]);

function invalidItem(field: FieldRule, item: string, today: string): Problem | null {
  const params = { label: field.label, value: item };
  if (field.type === 'select' || field.type === 'multi') {
    return field.options && !field.options.includes(item)
      ? makeProblem('field.option', 'error', { ...params, options: field.options })
      : null;
  }
  const verdict = checkFieldValue(field.type, item, today);
  if (!verdict.valid) {
    const reason = { key: verdict.code, params: verdict.params };
    // Numbers and dates copied off a certificate are best corrected against it; for the rest (a
    // domain, an e-mail address) the reason already says what to change.
    const hint = COPIED_FROM_DOCUMENT.has(field.type) ? { hint: 'field.invalid.copied' } : {};
    return makeProblem('field.invalid', 'error', { ...params, reason }, hint);
  }
  if (verdict.warning) {
    return makeProblem('field.doubtful', 'warning', {
      ...params,
      reason: { key: verdict.warning.code, params: verdict.warning.params },
    });
  }
  return null;
}

export function checkField(field: FieldRule, pack: RulePack, values: Values, today: string): FieldResult {
  const base = { id: field.id, label: field.label };
  if (!isFieldApplicable(field, values)) return { ...base, status: 'not-required', required: false, problems: [] };
  const severity = field.severity ?? 'error';
  const value = values[field.id];
  if (isEmptyValue(value)) {
    if (!field.required) return { ...base, status: 'not-required', required: false, problems: [] };
    // The rule's own help says best what to enter; else an example. "Please fill in X" would only repeat it.
    const advice = field.help ? { help: field.help } : field.example ? { hint: 'field.example' } : {};
    const params: ProblemParams = { label: field.label };
    if (field.example && !field.help) params.example = field.example;
    const missing = makeProblem('field.missing', 'error', params, advice);
    const problems = withSeverity([missing], severity);
    return { ...base, status: severity === 'warning' ? 'warning' : 'missing', required: true, problems };
  }
  const items = field.type === 'boolean' || field.type === 'number' ? [String(value)] : fieldItems(field, value);
  const problems: Problem[] = [];
  if (!field.multiple && field.type !== 'multi' && items.length > 1) {
    problems.push(makeProblem('field.single', 'error', { label: field.label }));
  }
  if (field.maxLength !== undefined && typeof value === 'string' && [...value.trim()].length > field.maxLength) {
    problems.push(
      makeProblem('field.tooLong', 'error', {
        label: field.label,
        length: [...value.trim()].length,
        max: field.maxLength,
      }),
    );
  }
  for (const item of items) {
    const problem = invalidItem(field, item, today);
    if (problem) problems.push(problem);
  }
  for (const otherId of field.differentFrom ?? []) {
    const other = pack.fields.find((f) => f.id === otherId);
    if (!other || !isFieldApplicable(other, values)) continue;
    const theirs = new Set(fieldItems(other, values[otherId]).map((v) => comparable(other.type, v)));
    const same = items.find((v) => theirs.has(comparable(field.type, v)));
    if (same !== undefined) {
      problems.push(makeProblem('field.sameAs', 'error', { label: field.label, other: other.label, value: same }));
    }
  }
  for (const check of field.checks ?? []) {
    if (conditionHolds(check.when, values) && !conditionHolds(check.require, values)) {
      const params = { label: field.label, message: check.message };
      problems.push(makeProblem('field.requirement', check.severity ?? 'error', params));
    }
  }
  const final = withSeverity(problems, severity);
  const status = final.some((p) => p.severity === 'error') ? 'invalid' : final.length > 0 ? 'warning' : 'ok';
  return { ...base, status, required: field.required, problems: final };
}
