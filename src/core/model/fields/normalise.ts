/**
 * The form an identifier is stored in: what the user meant, without the noise of how it was typed
 * or pasted — lower-case check letters, spaces in a phone number, a whole web address for a domain.
 * Whatever is still wrong afterwards is kept, so the check can say what is wrong with it.
 */
import type { FieldValue } from '../schemas/project';
import type { FieldRule, FieldType } from '../schemas/rules';
import { normalizeMobile } from './network';

/** Full-width letters and digits (from Chinese input methods) as ASCII; ideographic full stops as dots. */
function halfWidth(raw: string): string {
  return raw.normalize('NFKC').replace(/[。｡．]/g, '.');
}

/**
 * A domain as the filing wants it: no scheme, no path, query or fragment, no trailing dot, lower
 * case, and no leading `www.` (filings and 核验单 name the registered domain, not the www host).
 */
export function normaliseDomain(raw: string): string {
  const host = halfWidth(raw)
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/[/?#].*$/s, '')
    .replace(/\.$/, '')
    .toLowerCase();
  // `www.cn` has nothing left to be a domain once www goes.
  return /^www\.[^.]+\.[^.]/.test(host) ? host.slice(4) : host;
}

/** Numbers printed on a certificate: no spaces (a PDF copy breaks lines), full-width read as ASCII. */
function compactNumber(raw: string): string {
  return halfWidth(raw).replace(/\s+/g, '');
}

/**
 * One value of a field of this type in its stored form (free-text types are only trimmed). The
 * UI, the CLI (`matprep field`) and applied profiles all judge this form, so a value pasted from a
 * PDF with full-width digits or spaces is judged the same everywhere.
 */
export function normaliseFieldText(type: FieldType | string, raw: string): string {
  switch (type) {
    case 'uscc':
    case 'cn-id':
      return compactNumber(raw).toUpperCase();
    case 'mobile':
      return normalizeMobile(halfWidth(raw));
    case 'domain':
      return normaliseDomain(raw);
    case 'icp-filing-no':
      // The APP / 小程序 / 快应用 suffix letter is printed upper case (-1A, -1X, -1K).
      return compactNumber(raw)
        .replace(/icp/gi, 'ICP')
        .replace(/(-\d+)([axk])$/, (_, n: string, kind: string) => n + kind.toUpperCase());
    case 'icp-licence-no':
    case 'culture-licence-no':
    case 'mlps-filing-no':
    case 'psb-filing-no':
      // NFKC turns （） and ［］ into ASCII brackets and 〔〕 stays: the validators read all of them.
      return compactNumber(raw).replace(/icp/gi, 'ICP');
    case 'ipv4':
    case 'ipv6':
    case 'date':
    case 'number':
      return halfWidth(raw).trim();
    case 'email':
      return halfWidth(raw).trim();
    default:
      return raw.trim();
  }
}

/** A select whose options are exactly 是 and 否: a yes/no question. */
function isYesNo(field: Pick<FieldRule, 'type' | 'options'>): boolean {
  const options = field.options ?? [];
  return field.type === 'select' && options.length === 2 && options.includes('是') && options.includes('否');
}

/**
 * A 是/否 question's answer from what a checkbox gave (true/false) or its usual spellings, or
 * undefined when the value is no such answer (or the field is no yes/no question).
 */
export function yesNoAnswer(field: Pick<FieldRule, 'type' | 'options'>, value: FieldValue): string | undefined {
  if (!isYesNo(field)) return undefined;
  const text = String(value).trim().toLowerCase();
  if (['true', 'yes', 'y', '1'].includes(text)) return '是';
  if (['false', 'no', 'n', '0'].includes(text)) return '否';
  return undefined;
}

/**
 * The subject's values as the check, the conditions and the UI read them. Older projects stored
 * true/false for questions that are 是/否 selects now; those read as 是/否 (the file is not rewritten).
 */
export function readFieldValues(
  fields: readonly Pick<FieldRule, 'id' | 'type' | 'options'>[],
  values: Record<string, FieldValue>,
): Record<string, FieldValue> {
  let read: Record<string, FieldValue> | undefined;
  for (const field of fields) {
    const value = values[field.id];
    if (typeof value !== 'boolean') continue;
    const answer = yesNoAnswer(field, value);
    if (answer === undefined) continue;
    read ??= { ...values };
    read[field.id] = answer;
  }
  return read ?? values;
}
