/** The current locale as React context; components translate with `useT()`. */
import { createContext, useContext, useMemo } from 'react';
import type { Problem } from '../../../core/model/schemas/check-report';
import { translator, type Locale, type Translate } from '../../../i18n';
import { describeProblem, type PackTerms, type ProblemText } from '../../../i18n/problems';
import { localizePack, localizeReport, packTerms } from '../../../core/model/rules/text';
import type { ProjectView } from '../../../shared/ipc';
import type { RulePack } from '../../../core/model/schemas/rules';

export const LocaleContext = createContext<Locale>('zh-CN');
/** The open project's pack words in the UI's language, for problems whose params carry them. */
export const PackTermsContext = createContext<PackTerms>(new Map());
/**
 * The open project's pack as the packet prints it — in Chinese, whatever the UI's language — for
 * previews of what goes on the paper (the watermark).
 */
export const PacketPackContext = createContext<RulePack | null>(null);

/**
 * The project as the screens show it: the rule pack's titles, labels and help in the UI's language
 * (`localizePack`; stored values such as options stay as they are), the check report's titles and
 * notes likewise (`localizeReport`), and the pack's terms for the problems.
 */
export function useShownView(view: ProjectView | null, locale: Locale): { view: ProjectView | null; terms: PackTerms } {
  return useMemo(() => {
    if (!view) return { view: null, terms: new Map() };
    const terms = packTerms(view.rulePack, locale);
    const rulePack = localizePack(view.rulePack, locale);
    return { view: { ...view, rulePack, report: localizeReport(view.report, terms) }, terms };
  }, [view, locale]);
}

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
  const terms = useContext(PackTermsContext);
  return useMemo(() => (problem: Problem) => describeProblem(problem, locale, 'app', terms), [locale, terms]);
}
