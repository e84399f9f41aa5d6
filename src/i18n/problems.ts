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

// A list stays a list: `t` joins it the locale's way.
function paramText(value: ProblemParam, locale: Locale): MessageParams[string] {
  if (Array.isArray(value) || typeof value !== 'object') return value;
  return t(locale, dynamicKey(value.key), value.params ?? {});
}

/** The problem's params ready for `t`: message references worded. */
export function problemParams(problem: Pick<Problem, 'params'>, locale: Locale): MessageParams {
  return Object.fromEntries(Object.entries(problem.params).map(([k, v]) => [k, paramText(v, locale)]));
}

export function describeProblem(
  problem: Problem,
  locale: Locale = DEFAULT_LOCALE,
  advice: AdviceSource = 'app',
): ProblemText {
  const params = problemParams(problem, locale);
  const message = t(locale, dynamicKey(`check.${problem.detail ?? problem.code}`), params);
  if (problem.help) return { message, hint: problem.help };
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
