/** Contact and network identifiers: mobile numbers, e-mail addresses, domains (incl. IDN), IP addresses. */
import { invalid, VALID, type Verdict } from './verdict';

/** Mainland mobile numbers: 11 digits starting 13–19; spaces, dashes and a +86 prefix are tolerated. */
export function normalizeMobile(raw: string): string {
  const compact = raw.trim().replace(/[\s-]/g, '');
  return compact.replace(/^(\+86|0086|86)(?=1\d{10}$)/, '');
}

/**
 * The 11-digit public mobile segments MIIT has allocated (《电信网编号计划》 and later allocations):
 * 13x; 145–149 (data and IoT cards that still receive SMS); 15x but 154; 162 165 166 167 (162/165/167
 * resold); 170–178 (170/171 resold, 174 satellite); 18x; 190–193 and 195–199. 140–144 are 13-digit IoT
 * numbers, and 154, 160/161/163/164/168/169, 179 and 194 are not allocated: no SMS code reaches them.
 */
const MOBILE_SEGMENT = /^1(3\d|4[5-9]|5[0-35-9]|6[25-7]|7[0-8]|8\d|9[0-35-9])/;

export function validateMobile(raw: string): Verdict {
  const value = normalizeMobile(raw);
  if (!/^\d+$/.test(value)) return invalid('field.mobile.chars');
  if (value.length !== 11) return invalid('field.mobile.length', { length: value.length });
  if (!/^1[3-9]/.test(value)) return invalid('field.mobile.prefix');
  if (!MOBILE_SEGMENT.test(value)) return invalid('field.mobile.segment', { segment: value.slice(0, 3) });
  return VALID;
}

/** Checks the ASCII (punycode) form of a host name; returns a verdict. */
function checkAsciiDomain(ascii: string): Verdict {
  if (ascii.length > 253) return invalid('field.domain.tooLong');
  const labels = ascii.split('.');
  if (labels.length < 2) return invalid('field.domain.noDot');
  for (const label of labels) {
    if (label.length === 0) return invalid('field.domain.emptyLabel');
    if (label.length > 63) return invalid('field.domain.labelTooLong', { label });
    if (!/^[a-z0-9-]+$/.test(label)) return invalid('field.domain.chars', { label });
    if (label.startsWith('-') || label.endsWith('-')) return invalid('field.domain.hyphen', { label });
    // RFC 5891 §4.2.3.1: "--" in positions 3–4 is reserved for A-labels (xn--, an encoded Chinese label).
    if (label.slice(2, 4) === '--' && !label.startsWith('xn--'))
      return invalid('field.domain.reservedHyphens', { label });
  }
  const tld = labels[labels.length - 1];
  if (!/^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(tld)) return invalid('field.domain.tld', { tld });
  return VALID;
}

/** The ASCII form of a domain as typed (trimmed, lower case, trailing dot dropped), or null. */
export function domainAscii(raw: string): string | null {
  const value = raw.trim().replace(/[.。]$/, '');
  if (value === '') return null;
  const ascii = domainToAscii(value);
  return ascii === '' ? null : ascii.toLowerCase();
}

/**
 * WHATWG "domain to ASCII" (IDNA + punycode) through the URL parser, which both Node and the browser
 * have, so this module stays browser-safe. Characters the parser would read as URL syntax are refused
 * first, so only a bare host name is converted. '' when the name cannot be converted.
 */
function domainToAscii(value: string): string {
  if (/[\s/\\?#@:%]/.test(value)) return '';
  try {
    return new URL(`http://${value}/`).hostname;
  } catch {
    return '';
  }
}

export function validateDomain(raw: string): Verdict {
  const value = raw.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.includes('/')) return invalid('field.domain.url');
  if (/\s/.test(value)) return invalid('field.domain.space');
  if (value.includes('@')) return invalid('field.domain.email');
  if (value.includes(':')) return invalid('field.domain.port');
  if (isIpv4(value)) return invalid('field.domain.ip');
  const ascii = domainAscii(value);
  if (ascii === null) return invalid('field.domain.idn');
  return checkAsciiDomain(ascii);
}

export function validateEmail(raw: string): Verdict {
  const value = raw.trim();
  if (value.length > 254) return invalid('field.email.tooLong');
  const at = value.lastIndexOf('@');
  if (at < 0) return invalid('field.email.noAt');
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length === 0 || local.length > 64) return invalid('field.email.local');
  // Dot-atom only: quoted local parts are legal but no Chinese portal accepts them.
  if (!/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/.test(local)) {
    return invalid('field.email.local');
  }
  const verdict = validateDomain(domain);
  return verdict.valid ? VALID : invalid('field.email.domain', { domain });
}

function isIpv4(value: string): boolean {
  return validateIpv4(value).valid;
}

export function validateIpv4(raw: string): Verdict {
  const value = raw.trim();
  const parts = value.split('.');
  if (parts.length !== 4) return invalid('field.ipv4.parts');
  for (const part of parts) {
    // Leading zeros are refused: some tools read them as octal.
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return invalid('field.ipv4.octet', { octet: part });
  }
  return VALID;
}

export function validateIpv6(raw: string): Verdict {
  const value = raw.trim();
  if (value.includes('%')) return invalid('field.ipv6.zone');
  if (!/^[0-9A-Fa-f:.]+$/.test(value)) return invalid('field.ipv6.chars');
  const halves = value.split('::');
  if (halves.length > 2) return invalid('field.ipv6.doubleColon');
  const groups = (text: string): string[] => (text === '' ? [] : text.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const all = [...head, ...tail];
  let count = all.length;
  const last = all[all.length - 1];
  // An embedded IPv4 address may end the address (::ffff:192.0.2.1) and counts as two groups.
  if (last !== undefined && last.includes('.')) {
    if (!isIpv4(last)) return invalid('field.ipv6.group', { group: last });
    count += 1;
    all.pop();
  }
  for (const group of all) {
    if (!/^[0-9A-Fa-f]{1,4}$/.test(group)) return invalid('field.ipv6.group', { group });
  }
  if (halves.length === 2 ? count > 7 : count !== 8) return invalid('field.ipv6.count');
  return VALID;
}
