/** The current locale as React context; components translate with `useT()`. */
import { createContext, useContext, useMemo } from 'react';
import type { Problem } from '../../../core/model/schemas/check-report';
import { translator, type Locale, type Translate } from '../../../i18n';
import { describeProblem, type ProblemText } from '../../../i18n/problems';

export const LocaleContext = createContext<Locale>('zh-CN');

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useT(): Translate {
  const locale = useLocale();
  return useMemo(() => translator(locale), [locale]);
}

/** Words a check problem (reported as data) in the UI's language. */
export type WordProblem = (problem: Problem) => ProblemText;

export function useWordProblem(): WordProblem {
  const locale = useLocale();
  return useMemo(() => (problem: Problem) => describeProblem(problem, locale), [locale]);
}
