/**
 * The completeness check: a pure function of the project document, its rule pack and today's date.
 * The CLI (`matprep check`), the UI's checklist and the binder's refusal all read this one report.
 */
import { DEFAULT_LOCALE, type Locale } from '../../shared/i18n';
import { readFieldValues } from '../fields/normalise';
import type { ProjectDoc } from '../project/schema';
import type { RulePack } from '../rules/schema';
import { checkField } from './fields';
import { checkMaterial } from './materials';
import { fieldNote, materialNote } from './notes';
import type { CheckReport, FieldResult, MaterialResult, Note } from './report';

export { fieldItems } from './fields';
export { neverExpires } from './materials';

export function checkProject(
  doc: ProjectDoc,
  pack: RulePack,
  today: string,
  locale: Locale = DEFAULT_LOCALE,
): CheckReport {
  const values = readFieldValues(pack.fields, doc.fields ?? {});
  const fields = pack.fields.map((field) => withNote(checkField(field, pack, values, today, locale), fieldNote(field)));
  const materials = pack.materials.map((rule) =>
    withNote(checkMaterial(rule, doc.materials?.[rule.id], values, today, locale), materialNote(rule)),
  );
  const counted: (FieldResult | MaterialResult)[] = [...fields, ...materials].filter(
    (r) => r.required && r.status !== 'not-required',
  );
  const done = counted.filter((r) => !r.problems.some((p) => p.severity === 'error'));
  return {
    rulePack: { id: pack.id, version: pack.version, title: pack.title },
    today,
    complete: done.length === counted.length,
    completeness: counted.length === 0 ? 1 : Math.round((done.length / counted.length) * 10_000) / 10_000,
    fields,
    materials,
  };
}

function withNote<T extends FieldResult | MaterialResult>(result: T, note: Note | undefined): T {
  return note ? { ...result, note } : result;
}
