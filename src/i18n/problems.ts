/**
 * Wording a problem (core reports it as data: code, severity, params) in one locale. The UI, the
 * CLI, the packet and the 补正清单 all word problems here; each picks the locale, and the CLI also its
 * own advice where it names commands instead of controls.
 */
import type { Problem, ProblemParam } from '../core/model/schemas/check-report';
import { DEFAULT_LOCALE, dynamicKey, isMessageKey, t, type Locale, type MessageParams } from './index';

export interface ProblemText {
  message: string;
  /** What to do about it, when the catalog or the rule pack says. */
  hint?: string;
}

/** Where the advice comes from: the app's own (`check.<code>.hint`), or the CLI's where it has one. */
export type AdviceSource = 'app' | 'cli';

/**
 * The rule pack's Chinese texts → the locale's (`packTerms` in src/core/model/rules/text.ts): a
 * problem's params carry the pack's words as the check saw them (a material's title, a confirmation,
 * an option value), which a reader in English shows in English.
 */
export type PackTerms = ReadonlyMap<string, string>;
const NO_TERMS: PackTerms = new Map();

// A list stays a list: `t` joins it the locale's way.
function paramText(value: ProblemParam, locale: Locale, terms: PackTerms): MessageParams[string] {
  if (typeof value === 'string') return terms.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => terms.get(v) ?? v);
  if (typeof value !== 'object') return value;
  return t(locale, dynamicKey(value.key), value.params ?? {});
}

/** The problem's params ready for `t`: message references worded, the pack's words in the locale's. */
export function problemParams(
  problem: Pick<Problem, 'params'>,
  locale: Locale,
  terms: PackTerms = NO_TERMS,
): MessageParams {
  return Object.fromEntries(Object.entries(problem.params).map(([k, v]) => [k, paramText(v, locale, terms)]));
}

export function describeProblem(
  problem: Problem,
  locale: Locale = DEFAULT_LOCALE,
  advice: AdviceSource = 'app',
  terms: PackTerms = NO_TERMS,
): ProblemText {
  const params = problemParams(problem, locale, terms);
  const message = t(locale, dynamicKey(`check.${problem.detail ?? problem.code}`), params);
  if (problem.help) return { message, hint: terms.get(problem.help) ?? problem.help };
  const hintCode = problem.hint ?? problem.detail ?? problem.code;
  const keys = [
    ...(advice === 'cli' ? [`cliError.hint.${hintCode}`] : []),
    `check.${hintCode}.hint`,
    // A generalised code's own advice when the finer one has none.
    ...(problem.hint === undefined && problem.detail ? [`check.${problem.code}.hint`] : []),
  ];
  const key = keys.find(isMessageKey);
  return key ? { message, hint: t(locale, key, params) } : { message };
}
