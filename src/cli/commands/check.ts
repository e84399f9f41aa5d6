/**
 * `matprep check <dir> [--json] [--today D] [--read]`: the completeness report; exit 0 complete, 1 incomplete.
 * `--read` first reads the licence and ID-card files not read yet (../../core/recognition).
 */
import { parseArgs } from 'node:util';
import {
  noteText,
  type CheckReport,
  type FieldResult,
  type MaterialResult,
  type Problem,
} from '../../core/model/schemas/check-report';
import { isIsoDate } from '../../core/model/fields';
import { loadProject } from '../../core/workspace/workspace';
import { openProject } from '../../core/project/store';
import { readProjectFiles } from '../../core/recognition/store';
import { t, type Locale } from '../../i18n';
import { describeProblem, type PackTerms } from '../../i18n/problems';
import { localizeReport, packTerms } from '../../core/model/rules/text';
import { EXIT_NO, EXIT_OK, EXIT_USAGE, type Command } from '../runtime/context';

const NO_TERMS: PackTerms = new Map();

/**
 * The report as lines for people: a summary, then each item with its status and problems. `terms`
 * (`packTerms`) puts the pack's own words — titles, labels, notes — in the locale's language.
 */
export function formatCheckReport(checked: CheckReport, locale: Locale, terms: PackTerms = NO_TERMS): string[] {
  const report = localizeReport(checked, terms);
  const lines = [
    t(locale, 'check.cli.summary', {
      title: report.rulePack.title,
      id: report.rulePack.id,
      version: report.rulePack.version,
      today: report.today,
      percent: Math.round(report.completeness * 100),
    }),
  ];
  const section = (heading: string, items: (FieldResult | MaterialResult)[]): void => {
    lines.push('', heading);
    for (const item of items) {
      const name = 'label' in item ? item.label : item.title;
      lines.push(`  [${t(locale, `check.status.${item.status}`)}] ${name}`);
      for (const p of item.problems) {
        const { message, hint } = describeProblem(p, locale, 'cli', terms);
        lines.push(`      ${message}`);
        if (hint) lines.push(`        → ${hint}`);
      }
      // Accepted warnings stay in sight, marked as such, after what is still open.
      for (const p of 'accepted' in item ? (item.accepted ?? []) : []) {
        const { message } = describeProblem(p, locale, 'cli', terms);
        lines.push(`      ${t(locale, 'accept.cli.line', { message })}`);
      }
      // Why an optional or warning-only item is so, where it matters: next to its problems.
      if (item.note && item.problems.length > 0)
        lines.push(`      ${noteText(item.note, (key, params) => t(locale, key, params))}`);
    }
  };
  section(t(locale, 'check.cli.fields'), report.fields);
  section(t(locale, 'check.cli.materials'), report.materials);
  const open = [...report.fields, ...report.materials].filter(
    (r) => r.required && r.problems.some((p) => p.severity === 'error'),
  );
  lines.push(
    '',
    report.complete ? t(locale, 'check.cli.complete') : t(locale, 'check.cli.incomplete', { count: open.length }),
  );
  return lines;
}

/**
 * The report for machines: each problem keeps its data (code, severity, params) and gains its
 * `message` and `hint` in the chosen language, so a script need not carry the catalogs.
 */
export function withWording(report: CheckReport, locale: Locale, terms: PackTerms = NO_TERMS): CheckReport {
  const wordAll = (problems: Problem[]) => problems.map((p) => ({ ...p, ...describeProblem(p, locale, 'cli', terms) }));
  const word = <R extends FieldResult | MaterialResult>(result: R): R => ({
    ...result,
    problems: wordAll(result.problems),
  });
  const materials = report.materials.map((m) => (m.accepted ? { ...word(m), accepted: wordAll(m.accepted) } : word(m)));
  return { ...report, fields: report.fields.map(word), materials };
}

export const checkCommand: Command = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      today: { type: 'string' },
      read: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) {
    ctx.stderr(t(ctx.locale, 'check.cli.usage'));
    return EXIT_USAGE;
  }
  const today = values.today ?? ctx.today;
  if (!isIsoDate(today)) {
    ctx.stderr(t(ctx.locale, 'check.cli.badToday', { value: today }));
    return EXIT_USAGE;
  }
  if (values.read) {
    // Files not read before are read now (offline, seconds each) and the readings kept for next time.
    const { doc } = await openProject(positionals[0]);
    await readProjectFiles(positionals[0], doc.materials, { today });
  }
  const { report, rulePack } = await loadProject(positionals[0], { ...ctx, today });
  const terms = packTerms(rulePack, ctx.locale);
  if (values.json) ctx.stdout(JSON.stringify(withWording(report, ctx.locale, terms), null, 2));
  else for (const line of formatCheckReport(report, ctx.locale, terms)) ctx.stdout(line);
  return report.complete ? EXIT_OK : EXIT_NO;
};
