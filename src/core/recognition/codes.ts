/**
 * The 统一社会信用代码 and the 公民身份号码 as read, accepted only when every check of their standard
 * passes: GB 32100 (alphabet without I O S V Z, registration authority and type codes, the embedded
 * GB 11714 organisation code, the check character) and GB 11643 (province, birth date, check digit).
 * Repairs are limited to what cannot change a right code into another valid one by chance: letters
 * the alphabet forbids read as the digits they resemble, and one extra character dropped when exactly
 * one choice then passes. Trying substitutions until a check passes would find a valid wrong code.
 */
import { checkFieldValue, orgCodeCheckChar } from '../model/fields';

/** A code as read: `repaired` when a repair above was needed (lowers its confidence). */
export interface CodeReading {
  value: string;
  repaired: boolean;
}

/** GB 32100 登记管理部门代码 and 机构类别代码 (first two characters) that exist. */
const USCC_TYPES: Record<string, string> = {
  '1': '1239',
  '2': '19',
  '3': '12345689',
  '4': '19',
  '5': '1239',
  '6': '129',
  '7': '129',
  '8': '19',
  '9': '123',
  A: '19',
  N: '12349',
  Y: '1',
};
/** First two digits of the province-level divisions (GB/T 2260). */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82,
]);

/**
 * GB 32100's checks. `strict` adds the embedded organisation code's own check: some issuers' codes
 * fail it, so a code read as printed is accepted without it, a repaired one only with it.
 */
export function isPlausibleUscc(value: string, strict = false): boolean {
  if (checkFieldValue('uscc', value).valid !== true) return false;
  if (!USCC_TYPES[value[0]]?.includes(value[1])) return false;
  // 10xxxx: registered by a national authority.
  if (!PROVINCES.has(Number(value.slice(2, 4))) && value.slice(2, 4) !== '10') return false;
  const org = value.slice(8, 17);
  return !strict || orgCodeCheckChar(org.slice(0, 8)) === org[8];
}

export function isPlausibleIdNumber(value: string, today: string): boolean {
  return checkFieldValue('cn-id', value, today).valid === true && PROVINCES.has(Number(value.slice(0, 2)));
}

/** Letters GB 32100 does not use, read for the digits they look like (V only ever for U). */
const USCC_LOOKALIKES: Record<string, string> = { O: '0', I: '1', S: '5', Z: '2', V: 'U' };
const ID_LOOKALIKES: Record<string, string> = { O: '0', D: '0', I: '1', L: '1', Z: '2', S: '5', B: '8' };

/** Codes are printed in capitals: a small letter is a digit misread (q for 9 in some typefaces). */
const LOWERCASE_LOOKALIKES: Record<string, string> = { q: '9', g: '9', o: '0', l: '1', i: '1', z: '2', s: '5', b: '6' };

function repairChars(token: string, map: Record<string, string>): string {
  return [...token].map((ch) => map[ch] ?? ch).join('');
}

/** `token` as 18 characters that pass `ok`: itself, or with one extra character dropped if only one way works. */
function fit(token: string, ok: Check): string | undefined {
  if (token.length === 18) return ok(token) ? token : undefined;
  if (token.length !== 19) return undefined;
  const passing = new Set<string>();
  for (let i = 0; i < 19; i++) {
    const candidate = token.slice(0, i) + token.slice(i + 1);
    if (ok(candidate)) passing.add(candidate);
  }
  return passing.size === 1 ? [...passing][0] : undefined;
}

type Check = (value: string) => boolean;

function findCode(
  text: string,
  ok: Check,
  okRepaired: Check,
  lookalikes: Record<string, string>,
): CodeReading | undefined {
  const compact = text.normalize('NFKC').replace(/\s+/g, '');
  for (const m of compact.matchAll(/[0-9A-Za-z]{18,19}/g)) {
    const token = m[0];
    // A longer run may hold the code with a neighbouring character: try every 18/19 window.
    for (const length of [18, 19]) {
      for (let start = 0; start + length <= token.length; start++) {
        const window = token.slice(start, start + length);
        // An x is how the engine often reads the ID number's check X; other small letters are repairs.
        const asPrinted = !/[a-wyz]/.test(window) && length === 18;
        const exact = fit(window.toUpperCase(), asPrinted ? ok : okRepaired);
        if (exact) return { value: exact, repaired: !asPrinted };
        const repaired = fit(
          repairChars(repairChars(window, LOWERCASE_LOOKALIKES).toUpperCase(), lookalikes),
          okRepaired,
        );
        if (repaired) return { value: repaired, repaired: true };
      }
    }
  }
  return undefined;
}

/** The first USCC in `text` that passes every GB 32100 check (after the allowed repairs). */
export function findUscc(text: string): CodeReading | undefined {
  return findCode(
    text,
    (v) => isPlausibleUscc(v),
    (v) => isPlausibleUscc(v, true),
    USCC_LOOKALIKES,
  );
}

/** The first 18-digit 公民身份号码 in `text` that passes GB 11643 (after the allowed repairs). */
export function findIdNumber(text: string, today: string): CodeReading | undefined {
  const ok = (v: string) => isPlausibleIdNumber(v, today);
  return findCode(text, ok, ok, ID_LOOKALIKES);
}

/** Birth date (YYYY-MM-DD) and sex a valid ID number encodes. */
export function idNumberFacts(id: string): { birth: string; sex: '男' | '女' } {
  return {
    birth: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id[16]) % 2 === 1 ? '男' : '女',
  };
}
