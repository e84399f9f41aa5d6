/**
 * The completeness check: a pure function of the project document, its rule pack and today's date.
 * The CLI (`matprep check`), the UI's checklist and the binder's refusal all read this one report.
 */
import { readFieldValues } from '../model/fields/normalise';
import type { ProjectDoc } from '../model/schemas/project';
import type { RulePack } from '../model/schemas/rules';
import { checkField } from './fields';
import { checkMaterial } from './materials';
import { withChartCheck } from '../security-log/chart';
import { fieldNote, materialNote } from './notes';
import type { CheckReport, FieldResult, MaterialResult, Note } from '../model/schemas/check-report';
import type { Readings } from '../model/recognition/documents';
import { consistencyProblems } from './consistency';
import type { Scans } from '../model/scan/result';
import { scanConfirmations, scanProblems } from './scan';
import { withAccepted } from './accepted';

export { fieldItems } from './fields';
export { neverExpires } from './materials';

export function checkProject(
  doc: ProjectDoc,
  pack: RulePack,
  today: string,
  /** What the 营业执照 / 身份证 files were read to say (../recognition), compared with what was entered. */
  readings: Readings = {},
  /** What the photo checks found (../scan), by file content. */
  scans: Scans = {},
): CheckReport {
  const values = readFieldValues(pack.fields, doc.fields ?? {});
  const withConsistency = (result: MaterialResult): MaterialResult => {
    if (result.status === 'not-required' || result.status === 'missing') return result;
    const entry = doc.materials?.[result.id];
    const problems = [
      ...consistencyProblems({ materialId: result.id, entry, values, fields: pack.fields, readings }),
      ...scanProblems(entry, scans),
    ];
    if (problems.length === 0) return result;
    return {
      ...result,
      problems: [...result.problems, ...problems],
      status: result.status === 'ok' ? 'warning' : result.status,
    };
  };
  const fields = pack.fields.map((field) => withNote(checkField(field, pack, values, today), fieldNote(field)));
  const materials = pack.materials.map((rule) => {
    const entry = doc.materials?.[rule.id];
    const auto = scanConfirmations(rule, entry, scans).filter((what) => !entry?.confirmations.includes(what));
    const result = withChartCheck(checkMaterial(rule, entry, values, today, pack.fields, auto), doc, pack);
    const checked = withConsistency(auto.length > 0 ? { ...result, autoConfirmed: auto } : result);
    // Last, once every warning (the photo's, the licence's reading, the chart's) is on the result.
    return withNote(withAccepted(checked, entry), materialNote(rule));
  });
  const { done, counted } = progress(fields, materials, pack);
  return {
    rulePack: { id: pack.id, version: pack.version, title: pack.title },
    today,
    complete: done === counted,
    // Never rounds up to 100 % while something is still missing.
    completeness: done === counted ? 1 : Math.min(0.99, Math.round((done / counted) * 10_000) / 10_000),
    fields,
    materials,
  };
}

/**
 * Completeness counts checklist items, not fields: the subject form is one item (done when no
 * required field has an error), so a dozen filled fields cannot outweigh missing materials. Only
 * blocking items count: required, applicable, not a warning-only rule (advisory either way), and a
 * missing material is never done.
 */
function progress(
  fields: FieldResult[],
  materials: MaterialResult[],
  pack: RulePack,
): { done: number; counted: number } {
  const blocking = (r: FieldResult | MaterialResult) => r.required && r.status !== 'not-required';
  const hasError = (r: FieldResult | MaterialResult) => r.problems.some((p) => p.severity === 'error');
  const requiredFields = fields.filter(blocking);
  const advisory = new Set(pack.materials.filter((m) => m.severity === 'warning').map((m) => m.id));
  const items = materials
    .filter((m) => blocking(m) && !advisory.has(m.id))
    .map((m) => m.status !== 'missing' && !hasError(m));
  if (requiredFields.length > 0) items.unshift(!requiredFields.some(hasError));
  return { done: items.filter(Boolean).length, counted: items.length };
}

function withNote<T extends FieldResult | MaterialResult>(result: T, note: Note | undefined): T {
  return note ? { ...result, note } : result;
}
