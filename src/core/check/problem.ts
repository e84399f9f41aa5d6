/** Building Problems: the message and the hint come from the catalog as `check.<code>` and `check.<code>.hint`. */
import { catalogs, t, type Locale, type MessageParams } from '../../shared/i18n';
import type { Problem } from './report';

export type Severity = Problem['severity'];

export function makeProblem(locale: Locale, code: string, severity: Severity, params: MessageParams = {}): Problem {
  const hintKey = `check.${code}.hint`;
  const problem: Problem = { code, severity, message: t(locale, `check.${code}`, params) };
  if (catalogs[locale][hintKey] ?? catalogs['zh-CN'][hintKey]) {
    problem.hint = t(locale, hintKey, params);
    problem.hintKey = hintKey;
  }
  return problem;
}

/** `problem` with another hint: a catalog entry (`key` given) or the rule pack's own text. */
export function withHint(problem: Problem, hint: string, key?: string): Problem {
  const { hintKey: _replaced, ...rest } = problem;
  return key ? { ...rest, hint, hintKey: key } : { ...rest, hint };
}

/** A rule of severity `warning` reports its problems as warnings: they never block completeness. */
export function withSeverity(problems: Problem[], severity: Severity): Problem[] {
  return severity === 'warning' ? problems.map((p) => ({ ...p, severity: 'warning' })) : problems;
}
