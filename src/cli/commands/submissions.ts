/**
 * `matprep submit`, `matprep feedback`, `matprep changes`: record a submission and the authority's
 * requests, and list what changed since. Exit 0 done; `changes` exits 1 while a request is still
 * unanswered (nothing changed in its subject since it was recorded); 2 usage or input error.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ChangeReport } from '../../core/model/schemas/submissions';
import { addFeedback, projectChanges, submitProject } from '../../core/workspace/submissions';
import { t, type Locale } from '../../i18n';
import { describeFieldChange, describeMaterialChange, describeSubject } from '../../i18n/changes';
import { EXIT_NO, EXIT_OK, EXIT_USAGE, type Command } from '../runtime/context';

export const submitCommand: Command = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      packet: { type: 'string' },
      date: { type: 'string' },
      where: { type: 'string' },
      receipt: { type: 'string' },
      note: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) {
    ctx.stderr(t(ctx.locale, 'cli.usage.submit'));
    return EXIT_USAGE;
  }
  const submission = await submitProject(positionals[0], ctx, {
    packet: values.packet ? { path: resolve(values.packet) } : undefined,
    date: values.date,
    where: values.where,
    receipt: values.receipt,
    note: values.note,
  });
  if (values.json) {
    // The snapshot is the project's own record; a script wants what was recorded.
    const { snapshot: _snapshot, ...shown } = submission;
    ctx.stdout(JSON.stringify(shown, null, 2));
  } else {
    const receipt = submission.receipt ? t(ctx.locale, 'cli.submitted.receipt', { receipt: submission.receipt }) : '';
    ctx.stdout(t(ctx.locale, 'cli.submitted', { date: submission.date, receipt, packet: submission.packet.path }));
  }
  return EXIT_OK;
};

export const feedbackCommand: Command = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { date: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (positionals.length < 3) {
    ctx.stderr(t(ctx.locale, 'cli.usage.feedback'));
    return EXIT_USAGE;
  }
  const [dir, subject, ...words] = positionals;
  const { request, title } = await addFeedback(dir, ctx, { subject, text: words.join(' '), date: values.date });
  if (values.json) ctx.stdout(JSON.stringify(request, null, 2));
  else {
    const name = request.subject.kind === 'whole' ? t(ctx.locale, 'changes.whole') : title;
    ctx.stdout(t(ctx.locale, 'cli.feedbackRecorded', { date: request.date, subject: name }));
  }
  return EXIT_OK;
};

export function formatChanges(report: ChangeReport, locale: Locale): string[] {
  const receipt = report.since.receipt ? t(locale, 'cli.changes.receipt', { receipt: report.since.receipt }) : '';
  const lines = [t(locale, 'cli.changes.since', { date: report.since.date, receipt })];
  for (const f of report.fields) lines.push(`  ${describeFieldChange(f, locale)}`);
  for (const m of report.materials) lines.push(`  ${describeMaterialChange(m, locale)}`);
  if (report.fields.length + report.materials.length === 0) lines.push(`  ${t(locale, 'cli.changes.none')}`);
  if (report.requests.length > 0) {
    lines.push('', t(locale, 'cli.changes.requests'));
    for (const r of report.requests) {
      const state = t(locale, r.answered ? 'cli.changes.answered' : 'cli.changes.open');
      lines.push(
        `  ${t(locale, 'cli.changes.request', { state, date: r.date, subject: describeSubject(r, locale), text: r.text })}`,
      );
    }
  }
  return lines;
}

export const changesCommand: Command = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { since: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1) {
    ctx.stderr(t(ctx.locale, 'cli.usage.changes'));
    return EXIT_USAGE;
  }
  const report = await projectChanges(positionals[0], ctx, values.since);
  if (values.json) {
    // The shape: a request's subject as its id ('-' for the whole application).
    const requests = report.requests.map((r) => ({
      text: r.text,
      date: r.date,
      subject: r.subject.kind === 'whole' ? '-' : r.subject.id,
      subjectKind: r.subject.kind,
      answered: r.answered,
    }));
    ctx.stdout(JSON.stringify({ ...report, requests }, null, 2));
  } else for (const line of formatChanges(report, ctx.locale)) ctx.stdout(line);
  return report.requests.some((r) => !r.answered) ? EXIT_NO : EXIT_OK;
};
