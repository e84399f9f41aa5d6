/**
 * `matprep bind <dir> -o <out.pdf> [options]`: check, then bind the packet. Exit 0 written, 1 refused
 * (incomplete, unless --allow-incomplete), 2 usage or input error.
 */
import { packTerms } from '../../core/model/rules/text';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BindOptions } from '../../core/model/schemas/bind-options';
import { assertMaterial } from '../../core/workspace/edits';
import { bindProject, parsePasswordArgs, rulePackOf, writeCorrectionList } from '../../core/workspace/workspace';
import { t, type MessageKey } from '../../i18n';
import { EXIT_NO, EXIT_OK, EXIT_USAGE, type Command } from '../runtime/context';
import { BIND_PRESETS, BIND_PRESET_IDS } from '../../core/model/packet/presets';
import { UsageError, assertNotDirectory } from '../runtime/errors';

export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** A whole number option within [min, max], or undefined when not given; else a usage error (`key`). */
function wholeNumber(raw: string | undefined, min: number, max: number, key: MessageKey): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) throw new UsageError(key, { value: raw });
  return value;
}

/** One of `choices`, or undefined when not given; else a usage error naming the choices. */
function choice<T extends string>(option: string, raw: string | undefined, choices: readonly T[]): T | undefined {
  if (raw === undefined) return undefined;
  if (!(choices as readonly string[]).includes(raw)) {
    throw new UsageError('cli.badChoice', { option, value: raw, choices: choices.join(' | ') });
  }
  return raw as T;
}

export const bindCommand: Command = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      preset: { type: 'string' },
      dpi: { type: 'string' },
      duplex: { type: 'boolean' },
      dividers: { type: 'boolean' },
      watermark: { type: 'boolean' },
      'no-watermark': { type: 'boolean' },
      header: { type: 'boolean' },
      'binding-margin': { type: 'boolean' },
      'number-front-matter': { type: 'boolean' },
      'no-number-front-matter': { type: 'boolean' },
      landscape: { type: 'string' },
      'source-outlines': { type: 'string' },
      forms: { type: 'string' },
      'jpeg-quality': { type: 'string' },
      deterministic: { type: 'boolean' },
      'allow-incomplete': { type: 'boolean', default: false },
      password: { type: 'string', multiple: true },
      appendix: { type: 'string', multiple: true },
      'changes-page': { type: 'boolean' },
      'correction-list': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1 || !values.output) {
    ctx.stderr(t(ctx.locale, 'cli.bind.usage'));
    return EXIT_USAGE;
  }
  const dpi = wholeNumber(values.dpi, 72, 600, 'cli.badDpi');
  const jpegQuality = wholeNumber(values['jpeg-quality'], 30, 100, 'cli.badJpegQuality');
  const landscape = choice('--landscape', values.landscape, ['keep', 'rotate'] as const);
  const sourceOutlines = choice('--source-outlines', values['source-outlines'], ['keep', 'drop'] as const);
  const forms = choice('--forms', values.forms, ['flatten', 'keep'] as const);
  // What the packet is for, as the app offers it; options given as well are applied over it.
  const preset = choice('--preset', values.preset, BIND_PRESET_IDS);
  const appendix = values.appendix?.flatMap((a) => a.split(',')).filter(Boolean);
  // An appendix id the pack does not have would be dropped without a word: name it instead.
  if (appendix?.length) {
    const pack = await rulePackOf(positionals[0], ctx.rulesDirs);
    for (const id of appendix) assertMaterial(pack, id);
  }
  const output = resolve(values.output);
  await assertNotDirectory(output);
  const flags: Partial<BindOptions> = {
    ...(preset ? BIND_PRESETS[preset] : {}),
    ...(dpi !== undefined ? { dpi } : {}),
    ...(values.duplex ? { duplex: true } : {}),
    ...(values.dividers ? { dividers: true } : {}),
    ...(values.watermark ? { watermark: true } : {}),
    ...(values['no-watermark'] ? { watermark: false } : {}),
    ...(values.header ? { header: true } : {}),
    ...(values['binding-margin'] ? { bindingMargin: true } : {}),
    ...(values['number-front-matter'] ? { numberFrontMatter: true } : {}),
    ...(values['no-number-front-matter'] ? { numberFrontMatter: false } : {}),
    ...(jpegQuality !== undefined ? { jpegQuality } : {}),
    ...(landscape ? { landscape } : {}),
    ...(sourceOutlines ? { sourceOutlines } : {}),
    ...(forms ? { forms } : {}),
    ...(values.deterministic ? { deterministic: true } : {}),
    ...(appendix ? { appendix } : {}),
    ...(values['changes-page'] ? { changesPage: true } : {}),
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
      .map((r) => ('label' in r ? r.label : r.title))
      .map((name) => packTerms(outcome.state.rulePack, ctx.locale).get(name) ?? name);
    ctx.stderr(t(ctx.locale, 'bind.incomplete', { missing }));
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
