/**
 * `matprep`: the command line over the same core as the app; its contract is docs/CLI.md.
 * Exit codes: 0 success, 1 the check or bind said no, 2 usage or input error. Errors a user can cause
 * print one line; MATPREP_DEBUG=1 adds the stack.
 */
import { resolve } from 'node:path';
import { homedir } from 'node:os';
import { stat } from 'node:fs/promises';
import type { CliContext, Command } from './runtime/context';
import { EXIT_OK, EXIT_USAGE } from './runtime/context';
import { UsageError, fileSystemUserError } from './runtime/errors';
import { UserError, formatError, isUserError } from '../core/errors';
import { FIELD_VALIDATOR_TYPES, isIsoDate } from '../core/model/fields';
import { isLocale, t, type Locale, type MessageKey } from '../i18n';
import { localToday } from '../core/model/today';
import { builtInRulesDir } from '../core/rules/loader';
import { escapeControls } from './terminal';
/** Commands load lazily, so `matprep field …` does not pay for the binder's PDF and image libraries. */
const commands: Record<string, () => Promise<Command>> = {
  init: async () => (await import('./commands/project')).initCommand,
  copy: async () => (await import('./commands/project')).copyCommand,
  set: async () => (await import('./commands/project')).setCommand,
  confirm: async () => (await import('./commands/project')).confirmCommand,
  accept: async () => (await import('./commands/accept')).acceptCommand,
  add: async () => (await import('./commands/project')).addCommand,
  dates: async () => (await import('./commands/project')).datesCommand,
  check: async () => (await import('./commands/check')).checkCommand,
  bind: async () => (await import('./commands/bind')).bindCommand,
  export: async () => (await import('./commands/export')).exportCommand,
  rules: async () => (await import('./commands/rules')).rulesCommand,
  field: async () => (await import('./commands/field')).fieldCommand,
  submit: async () => (await import('./commands/submissions')).submitCommand,
  feedback: async () => (await import('./commands/submissions')).feedbackCommand,
  changes: async () => (await import('./commands/submissions')).changesCommand,
  read: async () => (await import('./commands/read')).readCommand,
  template: async () => (await import('./commands/template')).templateCommand,
  scan: async () => (await import('./commands/scan')).scanCommand,
};

/** Each command's usage line (message key), for `matprep <command> --help` and after a usage error. */
const USAGE: Record<string, MessageKey> = {
  init: 'cli.usage.init',
  copy: 'cli.usage.copy',
  set: 'cli.usage.set',
  confirm: 'cli.usage.confirm',
  accept: 'accept.cli.usage',
  add: 'cli.usage.add',
  dates: 'cli.usage.dates',
  check: 'check.cli.usage',
  bind: 'cli.bind.usage',
  export: 'cli.export.usage',
  rules: 'rules.cli.usage',
  field: 'field.cli.usage',
  submit: 'cli.usage.submit',
  feedback: 'cli.usage.feedback',
  changes: 'cli.usage.changes',
  read: 'read.cli.usage',
  template: 'templates.cli.usage',
  scan: 'scan.cli.usage',
};

/** What `--help` prints under the usage line for commands with many options: each one explained. */
const OPTIONS_HELP: Record<string, MessageKey> = {
  bind: 'cli.bind.options',
};

/** A command's usage line; `field` lists the identifier types it knows. */
function usageLine(command: string, locale: Locale): string {
  return t(locale, USAGE[command], { types: FIELD_VALIDATOR_TYPES.join(', ') });
}

/**
 * Node's parseArgs explains a bad option in English (and suggests `--` tricks); a user gets one line
 * in their language naming the option, and the command's usage.
 */
function describeBadArgs(error: Error & { code: string }, locale: Locale): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  // "-o, --output <value>" → "-o, --output"
  const option = quoted.replace(/ <.*$/, '');
  return error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
    ? t(locale, 'cli.unknownOption', { option })
    : error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
      ? t(locale, 'cli.optionValue', { option })
      : error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
        ? t(locale, 'cli.unexpectedArgument', { argument: quoted })
        : error.message;
}

/**
 * Errors whose catalog text tells an app user what to click or type next to a file; on the command line
 * they say which option to pass instead. By code, so core and the app keep their wording.
 */
const CLI_WORDING: Record<string, MessageKey> = {
  'pdf.passwordRequired': 'cliError.pdf.passwordRequired',
  'pdf.passwordWrong': 'cliError.pdf.passwordWrong',
};

/** A failed command's one line: the error in the command line's words where they differ from the app's. */
function errorLine(error: unknown, locale: Locale): string {
  const known = fileSystemUserError(error);
  if (isUserError(known) && CLI_WORDING[known.code]) return t(locale, CLI_WORDING[known.code], known.params);
  return formatError(known, locale);
}

/** One line, as every user error is (docs/CLI.md): what is wrong, then how to call the command. */
function badArgsLine(detail: string, command: string, locale: Locale): string {
  return `${t(locale, 'cli.badArgs', { detail })} ${usageLine(command, locale)}`;
}

/** The user rule folder when none is given: where the desktop app keeps it. */
export function defaultUserRulesDir(): string {
  const home = homedir();
  if (process.platform === 'win32') return resolve(process.env.APPDATA ?? home, 'matprep', 'rules');
  if (process.platform === 'darwin') return resolve(home, 'Library', 'Application Support', 'matprep', 'rules');
  return resolve(process.env.XDG_CONFIG_HOME ?? resolve(home, '.config'), 'matprep', 'rules');
}

/**
 * Pull the global options (--lang, --rules-dir, --today) out of argv, wherever they stand before a
 * `--` (after it, every word is an argument: `matprep set p site_name -- --today`). `noValue` names
 * a global option given last with nothing after it.
 */
export function splitGlobalOptions(argv: string[]): {
  rest: string[];
  lang?: string;
  rulesDir?: string;
  today?: string;
  noValue?: string;
} {
  const rest: string[] = [];
  const found: { lang?: string; rulesDir?: string; today?: string; noValue?: string } = {};
  const names: Record<string, 'lang' | 'rulesDir' | 'today'> = {
    '--lang': 'lang',
    '--rules-dir': 'rulesDir',
    '--today': 'today',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const [flag, inline] = arg.split(/=(.*)/s, 2);
    const key = names[flag];
    if (!key) rest.push(arg);
    else if (inline !== undefined) found[key] = inline;
    else if (i + 1 < argv.length) found[key] = argv[++i];
    else found.noValue = flag;
  }
  return { rest, ...found };
}

/** `--rules-dir` given by the user must exist; the default folder may not (the app has not made it yet). */
async function assertRulesDir(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new UserError('cli.noRulesDir', { dir });
}

export async function runCli(
  argv: string[],
  raw: { stdout: (s: string) => void; stderr: (s: string) => void } = {
    stdout: (s) => process.stdout.write(s + '\n'),
    stderr: (s) => process.stderr.write(s + '\n'),
  },
): Promise<number> {
  // Everything printed, from here on, with control characters made visible (terminal.ts).
  const io: typeof raw = { stdout: (s) => raw.stdout(escapeControls(s)), stderr: (s) => raw.stderr(escapeControls(s)) };
  const { rest, lang, rulesDir, today, noValue } = splitGlobalOptions(argv);
  const envLang = process.env.MATPREP_LANG;
  const locale: Locale = isLocale(lang) ? lang : isLocale(envLang) ? envLang : 'zh-CN';
  const ctx: CliContext = {
    locale,
    stdout: io.stdout,
    stderr: io.stderr,
    rulesDirs: { builtIn: builtInRulesDir(), user: rulesDir ? resolve(rulesDir) : defaultUserRulesDir() },
    today: today ?? localToday(),
  };
  if (noValue !== undefined) {
    io.stderr(t(locale, 'cli.badArgs', { detail: t(locale, 'cli.optionValue', { option: noValue }) }));
    return EXIT_USAGE;
  }
  if (lang !== undefined && !isLocale(lang)) {
    io.stderr(t(locale, 'cli.badLang', { lang }));
    return EXIT_USAGE;
  }
  // A real day, like `check --today` asks for: 2026-02-30 would shift every expiry check.
  if (today !== undefined && !isIsoDate(today)) {
    io.stderr(t(locale, 'check.cli.badToday', { value: today }));
    return EXIT_USAGE;
  }
  const [name, ...args] = rest;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    // Asked for: the help is the answer (stdout, 0). No command at all: a usage error (stderr, 2).
    (name ? io.stdout : io.stderr)(t(locale, 'cli.help'));
    return name ? EXIT_OK : EXIT_USAGE;
  }
  const load = Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : undefined;
  if (!load) {
    io.stderr(t(locale, 'cli.unknownCommand', { name }));
    return EXIT_USAGE;
  }
  const end = args.indexOf('--');
  if ((end === -1 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h')) {
    io.stdout(usageLine(name, locale));
    if (OPTIONS_HELP[name]) io.stdout(t(locale, OPTIONS_HELP[name]));
    return EXIT_OK;
  }
  try {
    if (rulesDir) await assertRulesDir(ctx.rulesDirs.user!);
    const command = await load();
    return await command(args, ctx);
  } catch (error) {
    // parseArgs reports unknown or malformed options with ERR_PARSE_ARGS_* codes: a usage error.
    const code = (error as { code?: string }).code;
    const line =
      typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')
        ? badArgsLine(describeBadArgs(error as Error & { code: string }, locale), name, locale)
        : error instanceof UsageError
          ? badArgsLine(error.format(locale), name, locale)
          : errorLine(error, locale);
    io.stderr(line);
    if (process.env.MATPREP_DEBUG && error instanceof Error) io.stderr(error.stack ?? '');
    return EXIT_USAGE;
  }
}
