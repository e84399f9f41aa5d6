/**
 * The bind result's warnings for files left out: materials the answers no longer ask for (the
 * check's `material.notApplicable`), each named with the answer that switched it off, so a packet
 * never silently drops something the user added.
 */
import type { CheckReport } from '../model/schemas/check-report';
import type { RulePack } from '../model/schemas/rules';
import { packTerms } from '../model/rules/text';
import { translator, type Locale } from '../../i18n';
import { describeProblem } from '../../i18n/problems';

export function notBoundWarnings(report: CheckReport, pack: RulePack, locale: Locale): string[] {
  const terms = packTerms(pack, locale);
  const tr = translator(locale);
  return report.materials.flatMap((result) =>
    result.problems
      .filter((problem) => problem.code === 'material.notApplicable')
      .map((problem) =>
        tr('bind.notBound', {
          title: terms.get(result.title) ?? result.title,
          reason: describeProblem(problem, locale, 'app', terms).message,
        }),
      ),
  );
}
