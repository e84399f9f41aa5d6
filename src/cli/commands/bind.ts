/**
 * `matprep bind <dir> -o <out.pdf> [options]`: check, then bind the packet. Exit 0 written, 1 refused
 * (incomplete, unless --allow-incomplete), 2 usage or input error.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BindOptions } from '../../core/bind/options';
import { assertMaterial } from '../../core/project/edits';
import { bindProject, parsePasswordArgs, rulePackOf, writeCorrectionList } from '../../core/workspace';
import { t } from '../../shared/i18n';
import { EXIT_NO, EXIT_OK, EXIT_USAGE, type Command } from '../context';
import { UsageError, assertNotDirectory } from '../errors';

export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

export const bindCommand: Command = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      dpi: { type: 'string' },
      duplex: { type: 'boolean' },
      dividers: { type: 'boolean' },
      watermark: { type: 'boolean' },
      'no-watermark': { type: 'boolean' },
      header: { type: 'boolean' },
      'binding-margin': { type: 'boolean' },
      deterministic: { type: 'boolean' },
      'allow-incomplete': { type: 'boolean', default: false },
      password: { type: 'string', multiple: true },
      appendix: { type: 'string', multiple: true },
      'correction-list': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1 || !values.output) {
    ctx.stderr(t(ctx.locale, 'cli.bind.usage'));
    return EXIT_USAGE;
  }
  const dpi = values.dpi === undefined ? undefined : Number(values.dpi);
  if (dpi !== undefined && (!/^\d+$/.test(values.dpi!) || dpi < 72 || dpi > 600)) {
    throw new UsageError('cli.badDpi', { value: values.dpi });
  }
  const appendix = values.appendix?.flatMap((a) => a.split(',')).filter(Boolean);
  // An appendix id the pack does not have would be dropped without a word: name it instead.
  if (appendix?.length) {
    const pack = await rulePackOf(positionals[0], ctx.rulesDirs);
    for (const id of appendix) assertMaterial(pack, id);
  }
  const output = resolve(values.output);
  await assertNotDirectory(output);
  const flags: Partial<BindOptions> = {
    ...(dpi !== undefined ? { dpi } : {}),
    ...(values.duplex ? { duplex: true } : {}),
    ...(values.dividers ? { dividers: true } : {}),
    ...(values.watermark ? { watermark: true } : {}),
    ...(values['no-watermark'] ? { watermark: false } : {}),
    ...(values.header ? { header: true } : {}),
    ...(values['binding-margin'] ? { bindingMargin: true } : {}),
    ...(values.deterministic ? { deterministic: true } : {}),
    ...(appendix ? { appendix } : {}),
  };
  const outcome = await bindProject(positionals[0], ctx, {
    output,
    allowIncomplete: values['allow-incomplete'],
    options: flags,
    passwords: parsePasswordArgs(values.password ?? []),
    // Deterministic packets are dated by --today (or today), never by the clock.
    now: values.deterministic ? new Date(`${ctx.today}T00:00:00Z`) : undefined,
  });
  if (outcome.kind === 'refused') {
    const missing = [...outcome.report.fields, ...outcome.report.materials]
      .filter((r) => r.required && r.problems.some((p) => p.severity === 'error'))
      .map((r) => ('label' in r ? r.label : r.title));
    ctx.stderr(t(ctx.locale, 'bind.incomplete', { missing: missing.join('、') }));
    if (values['correction-list']) {
      await writeCorrectionList(outcome.state, resolve(values['correction-list']));
    }
    return EXIT_NO;
  }
  const { result } = outcome;
  if (values.json) ctx.stdout(JSON.stringify(result, null, 2));
  else {
    ctx.stdout(
      t(ctx.locale, 'cli.bind.written', { output: result.output, pages: result.pages, size: formatSize(result.bytes) }),
    );
    for (const s of result.sections) ctx.stdout(`  ${s.firstPage}–${s.lastPage}  ${s.title}`);
    for (const w of result.warnings) ctx.stderr(w);
  }
  return EXIT_OK;
};
