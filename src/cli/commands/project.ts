/** `matprep init`, `set`, `confirm`, `add`: create and fill a project folder from the command line. */
import { packTerms, packText } from '../../core/model/rules/text';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import type { Command, CliContext } from '../runtime/context';
import { EXIT_OK, EXIT_NO, EXIT_USAGE } from '../runtime/context';
import { UserError } from '../../core/errors';
import { createProject, addFiles, openProject } from '../../core/project/store';
import { copyProject } from '../../core/workspace/copy';
import { scanProjectFiles } from '../../core/scan/store';
import { setField, setConfirmation, setMaterialDates, assertMaterial, findFieldRule } from '../../core/workspace/edits';
import { NEVER_EXPIRES } from '../../core/check/materials';
import { isIsoDate } from '../../core/model/fields';
import { getRulePack } from '../../core/rules/loader';
import { describeProject, rulePackOf } from '../../core/workspace/workspace';
import { t, type MessageKey } from '../../i18n';
import { describeProblem } from '../../i18n/problems';

function usage(ctx: CliContext, key: MessageKey): number {
  ctx.stderr(t(ctx.locale, key));
  return EXIT_USAGE;
}

/**
 * Words a yes/no field takes on the command line. The form has a checkbox; core reads any other word
 * as "no", so `set … 是的` must be refused here rather than silently stored as false.
 */
const BOOLEAN_WORDS = new Set(['true', 'false', '1', '0', 'yes', 'no', '是', '否']);

export const initCommand: Command = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { rule: { type: 'string' }, name: { type: 'string' } },
  });
  if (positionals.length !== 1 || !values.rule) return usage(ctx, 'cli.usage.init');
  const pack = await getRulePack(ctx.rulesDirs, values.rule);
  const project = await createProject(positionals[0], {
    ruleId: pack.id,
    ruleVersion: pack.version,
    name: values.name,
  });
  ctx.stdout(t(ctx.locale, 'cli.initDone', { dir: project.dir, title: packText(pack, 'title', ctx.locale) }));
  return EXIT_OK;
};

/** `matprep copy <from> <to>`: 复制为新项目 (next year's renewal), as the app's Home does; see core/workspace/copy.ts. */
export const copyCommand: Command = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { name: { type: 'string' }, 'no-files': { type: 'boolean', default: false } },
  });
  if (positionals.length !== 2) return usage(ctx, 'cli.usage.copy');
  const [from, to] = positionals;
  const pack = await rulePackOf(from, ctx.rulesDirs);
  const project = await copyProject(from, to, pack, {
    files: values['no-files'] ? 'none' : 'reusable',
    name: values.name,
  });
  const count = Object.values(project.doc.materials).reduce((n, m) => n + m.files.length, 0);
  ctx.stdout(t(ctx.locale, 'cli.copyDone', { dir: project.dir, count }));
  return EXIT_OK;
};

export const setCommand: Command = async (args, ctx) => {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length < 3) return usage(ctx, 'cli.usage.set');
  const [dir, fieldId, ...rest] = positionals;
  const value = rest.join(' ');
  const pack = await rulePackOf(dir, ctx.rulesDirs);
  const rule = findFieldRule(pack, fieldId);
  if (rule.type === 'boolean' && value.trim() !== '' && !BOOLEAN_WORDS.has(value.trim().toLowerCase())) {
    throw new UserError('cli.badBoolean', { field: packText(rule, 'label', ctx.locale), value });
  }
  const project = await setField(dir, pack, fieldId, value);
  // Stored as typed (like the form does); the check says whether the value is valid.
  const state = await describeProject(project, ctx, pack);
  const field = state.report.fields.find((f) => f.id === fieldId);
  if (field && field.status === 'invalid') {
    ctx.stderr(
      t(ctx.locale, 'cli.fieldInvalid', {
        field: packText(rule, 'label', ctx.locale),
        // A list: joined the locale's way.
        reason: field.problems.map((p) => describeProblem(p, ctx.locale, 'cli', packTerms(pack, ctx.locale)).message),
      }),
    );
    return EXIT_NO;
  }
  ctx.stdout(t(ctx.locale, 'cli.fieldSet', { field: packText(rule, 'label', ctx.locale) }));
  return EXIT_OK;
};

export const confirmCommand: Command = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { undo: { type: 'boolean', default: false } },
  });
  if (positionals.length !== 3) return usage(ctx, 'cli.usage.confirm');
  const [dir, materialId, what] = positionals;
  const pack = await rulePackOf(dir, ctx.rulesDirs);
  await setConfirmation(dir, pack, materialId, what, !values.undo);
  ctx.stdout(t(ctx.locale, values.undo ? 'cli.unconfirmed' : 'cli.confirmed', { material: materialId, what }));
  return EXIT_OK;
};

export const addCommand: Command = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { part: { type: 'string' }, password: { type: 'string' } },
  });
  if (positionals.length < 3) return usage(ctx, 'cli.usage.add');
  const [dir, materialId, ...files] = positionals;
  const pack = await rulePackOf(dir, ctx.rulesDirs);
  assertMaterial(pack, materialId);
  const material = pack.materials.find((m) => m.id === materialId)!;
  // One scan may show several parts (an ID card's two sides): --part front,back
  const unknown = (values.part ?? '')
    .split(',')
    .filter(Boolean)
    .filter((part) => !(material.parts ?? []).some((p) => p.id === part));
  if (unknown.length) {
    throw new UserError('cli.unknownPart', {
      part: unknown.join(','),
      known: (material.parts ?? []).map((p) => p.id).join(', ') || '—',
    });
  }
  await addFiles(
    dir,
    materialId,
    files.map((f) => ({ path: resolve(f) })),
    { part: values.part, password: values.password },
  );
  ctx.stdout(t(ctx.locale, 'cli.added', { count: files.length, material: packText(material, 'title', ctx.locale) }));
  // Photos are scanned once, on add, as the app's worker does: the check then reads the stored results.
  const { doc } = await openProject(dir);
  await scanProjectFiles(dir, doc.materials);
  return EXIT_OK;
};

/** `matprep dates <dir> <materialId> [--issued D] [--valid-until D|长期]`: issue and expiry dates of a document. */
export const datesCommand: Command = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { issued: { type: 'string' }, 'valid-until': { type: 'string' } },
  });
  if (positionals.length !== 2 || (values.issued === undefined && values['valid-until'] === undefined)) {
    return usage(ctx, 'cli.usage.dates');
  }
  const [dir, materialId] = positionals;
  // A real day (2026-02-30 is not one), or 长期 for the expiry; an empty value clears the date.
  const date = (value: string | undefined, mayNeverExpire: boolean): string | null | undefined => {
    if (value === undefined || value.trim() === '') return value === undefined ? undefined : null;
    if (!isIsoDate(value.trim()) && !(mayNeverExpire && NEVER_EXPIRES.has(value.trim()))) {
      throw new UserError('project.badDate', { value });
    }
    return value.trim();
  };
  const dates = { issuedOn: date(values.issued, false), validUntil: date(values['valid-until'], true) };
  const pack = await rulePackOf(dir, ctx.rulesDirs);
  await setMaterialDates(dir, pack, materialId, dates);
  const material = pack.materials.find((m) => m.id === materialId);
  ctx.stdout(
    t(ctx.locale, 'cli.datesSet', { material: material ? packText(material, 'title', ctx.locale) : materialId }),
  );
  return EXIT_OK;
};
