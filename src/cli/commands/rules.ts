/** `matprep rules list | validate | schema`: what rule packs there are, whether a rule file is valid, the JSON Schema. */
import { packText } from '../../core/model/rules/text';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  formatRuleProblem,
  listRulePacks,
  parseRulePack,
  ruleFileJsonSchema,
  type ListedPack,
} from '../../core/rules/loader';
import { t, type MessageKey } from '../../i18n';
import { templateReferenceProblems } from '../../core/rules/templates';
import { EXIT_NO, EXIT_OK, EXIT_USAGE, type Command, type CliContext } from '../runtime/context';
import { fileSystemUserError } from '../runtime/errors';

function usage(ctx: CliContext): number {
  ctx.stderr(t(ctx.locale, 'rules.cli.usage'));
  return EXIT_USAGE;
}

/** Why a listed pack is not used: a user pack overrides it, a newer version replaces it, or it has problems. */
function unusedTag(pack: ListedPack, all: ListedPack[]): MessageKey | undefined {
  if (pack.replacedBy) {
    const winner = all.find((p) => p.file === pack.replacedBy);
    return winner?.origin === 'user' && pack.origin === 'built-in' ? 'rules.cli.overridden' : 'rules.cli.superseded';
  }
  return pack.errors.length > 0 ? 'rules.cli.broken' : undefined;
}

const list: Command = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  if (positionals.length > 0) return usage(ctx);
  const { summaries } = await listRulePacks(ctx.rulesDirs, { locale: ctx.locale });
  if (values.json) {
    ctx.stdout(JSON.stringify(summaries, null, 2));
    return EXIT_OK;
  }
  if (summaries.length === 0) ctx.stdout(t(ctx.locale, 'rules.cli.none'));
  for (const s of summaries) {
    const tag = unusedTag(s, summaries);
    const unused = tag ? ` ${t(ctx.locale, tag)}` : '';
    ctx.stdout(
      `${s.id}\t${s.version}\t${packText(s, 'title', ctx.locale)}\t[${t(ctx.locale, `cli.origin.${s.origin}`)}]${unused}`,
    );
    for (const error of s.errors) ctx.stdout(`    ${error}`);
  }
  return EXIT_OK;
};

const validate: Command = async (args, ctx) => {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length === 0) return usage(ctx);
  let ok = true;
  for (const file of positionals) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw fileSystemUserError(error, file);
    }
    const parsed = parseRulePack(text, file);
    const problems = parsed.problems;
    const pack = parsed.pack;
    if (pack) problems.push(...(await templateReferenceProblems(text, file, pack, ctx.rulesDirs)));
    // The YAML parser can report one mistake twice (two error codes, one message): print it once.
    for (const line of new Set(problems.map((p) => formatRuleProblem(p, ctx.locale)))) ctx.stdout(line);
    if (pack && problems.length === 0)
      ctx.stdout(t(ctx.locale, 'rules.cli.valid', { file, id: pack.id, version: pack.version }));
    else ok = false;
  }
  return ok ? EXIT_OK : EXIT_NO;
};

const schema: Command = async (args, ctx) => {
  if (args.length > 0) return usage(ctx);
  ctx.stdout(JSON.stringify(ruleFileJsonSchema(), null, 2));
  return EXIT_OK;
};

const subcommands: Record<string, Command> = { list, validate, schema };

export const rulesCommand: Command = async (args, ctx) => {
  const [name, ...rest] = args;
  const sub = name ? subcommands[name] : undefined;
  return sub ? sub(rest, ctx) : usage(ctx);
};
