/**
 * The form an identifier is stored in: what the user meant, without the noise of how it was typed
 * or pasted — lower-case check letters, spaces in a phone number, a whole web address for a domain.
 * Whatever is still wrong afterwards is kept, so the check can say what is wrong with it.
 */
import type { FieldType } from '../rules/schema';
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

/** One value of a field of this type in its stored form (free-text types are only trimmed). */
export function normaliseFieldText(type: FieldType | string, raw: string): string {
  switch (type) {
    case 'uscc':
    case 'cn-id':
      return halfWidth(raw).replace(/\s+/g, '').toUpperCase();
    case 'mobile':
      return normalizeMobile(halfWidth(raw));
    case 'domain':
      return normaliseDomain(raw);
    default:
      return raw.trim();
  }
}
