/**
 * Edits that need the rule pack to be judged: which fields and confirmations exist, which values a
 * select accepts. The CLI and the UI call these same functions, so both refuse the same things.
 */
import { UserError } from '../errors';
import type { RulePack, FieldRule } from '../model/schemas/rules';
import { updateProject, materialEntry, type Project } from '../project/store';
import type { FieldValue } from '../model/schemas/project';
import { NEVER_EXPIRES } from '../check/materials';
import { fieldItems } from '../check/fields';
import { normaliseFieldText } from '../model/fields';
import { yesNoAnswer } from '../model/fields/normalise';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function findFieldRule(pack: RulePack, fieldId: string): FieldRule {
  const field = pack.fields.find((f) => f.id === fieldId);
  if (!field) {
    throw new UserError('project.unknownField', { field: fieldId, known: pack.fields.map((f) => f.id).join(', ') });
  }
  return field;
}

export function assertMaterial(pack: RulePack, materialId: string): void {
  if (!pack.materials.some((m) => m.id === materialId)) {
    throw new UserError('project.unknownMaterial', {
      material: materialId,
      known: pack.materials.map((m) => m.id).join(', '),
    });
  }
}

/**
 * Turn user input into the stored value for a field: multi-selects become arrays (from an array or
 * a comma-separated string), booleans and numbers their types; option lists are enforced. Identifiers
 * are stored in the form the user meant (`normaliseFieldText`: USCC/ID letters upper case, phone
 * digits only, a domain without https://, www. or path) but otherwise as typed, so the check can show
 * what is still wrong; a `multiple` field keeps one value per line.
 */
export function normaliseFieldValue(field: FieldRule, value: FieldValue | null): FieldValue | null {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  switch (field.type) {
    case 'multi': {
      const list = (Array.isArray(value) ? value : String(value).split(/[,，、]/))
        .map((v) => String(v).trim())
        .filter(Boolean);
      const bad = field.options ? list.filter((v) => !field.options!.includes(v)) : [];
      if (bad.length) throw new UserError('project.badOption', { field: field.label, options: field.options! });
      return list;
    }
    case 'select': {
      // A 是/否 question also takes the answers a checkbox gave (true/false) and their usual spellings.
      const text = yesNoAnswer(field, value) ?? String(value).trim();
      if (field.options && !field.options.includes(text)) {
        throw new UserError('project.badOption', { field: field.label, options: field.options });
      }
      return text;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      return ['true', '1', 'yes', '是'].includes(String(value).trim().toLowerCase());
    case 'number': {
      const n = typeof value === 'number' ? value : Number(String(value).trim());
      if (!Number.isFinite(n))
        throw new UserError('project.invalidValue', { field: field.label, reason: String(value) });
      return n;
    }
    case 'date': {
      const text = String(value).trim();
      if (!DATE.test(text)) throw new UserError('project.badDate', { value: text });
      return text;
    }
    default: {
      if (field.multiple) {
        const items = fieldItems(field, value).map((item) => normaliseFieldText(field.type, item));
        return items.some(Boolean) ? items.filter(Boolean).join('\n') : null;
      }
      const text = normaliseFieldText(field.type, Array.isArray(value) ? value.join(',') : String(value));
      return text === '' ? null : text;
    }
  }
}

export function setField(dir: string, pack: RulePack, fieldId: string, value: FieldValue | null): Promise<Project> {
  const field = findFieldRule(pack, fieldId);
  const stored = normaliseFieldValue(field, value);
  return updateProject(dir, (doc) => {
    if (stored === null) delete doc.fields[fieldId];
    else doc.fields[fieldId] = stored;
  });
}

export function setConfirmation(
  dir: string,
  pack: RulePack,
  materialId: string,
  what: string,
  checked: boolean,
): Promise<Project> {
  assertMaterial(pack, materialId);
  const known = pack.materials.find((m) => m.id === materialId)?.confirm ?? [];
  if (!known.includes(what)) {
    throw new UserError('project.unknownConfirmation', {
      material: materialId,
      what,
      known: known.length > 0 ? known : '—',
    });
  }
  return updateProject(dir, (doc) => {
    const entry = materialEntry(doc, materialId);
    entry.confirmations = entry.confirmations.filter((c) => c !== what);
    if (checked) entry.confirmations.push(what);
    // Unticking a box the photo check ticked keeps it unticked; ticking it again forgets that.
    const declined = (entry.declined ?? []).filter((c) => c !== what);
    if (!checked) declined.push(what);
    entry.declined = declined.length > 0 ? declined : undefined;
  });
}

export function setMaterialDates(
  dir: string,
  pack: RulePack,
  materialId: string,
  dates: { issuedOn?: string | null; validUntil?: string | null },
): Promise<Project> {
  assertMaterial(pack, materialId);
  if (dates.issuedOn && !DATE.test(dates.issuedOn)) throw new UserError('project.badDate', { value: dates.issuedOn });
  // Documents valid indefinitely (营业期限 长期) say so instead of a date.
  if (dates.validUntil && !DATE.test(dates.validUntil) && !NEVER_EXPIRES.has(dates.validUntil)) {
    throw new UserError('project.badDate', { value: dates.validUntil });
  }
  return updateProject(dir, (doc) => {
    const entry = materialEntry(doc, materialId);
    if (dates.issuedOn !== undefined) entry.issuedOn = dates.issuedOn ?? undefined;
    if (dates.validUntil !== undefined) entry.validUntil = dates.validUntil ?? undefined;
  });
}
