/** What each validator returns before it is put into words: a message key and its parameters. */
export type Verdict =
  | { valid: true; warning?: { code: string; params?: Record<string, string | number> } }
  | { valid: false; code: string; params?: Record<string, string | number> };

export const VALID: Verdict = { valid: true };

export function invalid(code: string, params?: Record<string, string | number>): Verdict {
  return { valid: false, code, params };
}
