/** Tests read a problem (reported as data) the way the app shows it: worded from the catalog. */
import type { Problem } from '../../src/core/model/schemas/check-report';
import type { Locale } from '../../src/i18n';
import { describeProblem, type ProblemText } from '../../src/i18n/problems';

export function wording(problem: Problem, locale: Locale = 'zh-CN'): ProblemText {
  return describeProblem(problem, locale);
}
