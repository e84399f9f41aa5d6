/**
 * What every CLI command gets: the locale for messages, where to write, where the rule packs are,
 * and today's date (overridable with --today so checks are reproducible).
 */
import type { Locale } from '../../i18n';

export interface CliContext {
  locale: Locale;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Built-in rules folder, plus the user folder (settings or --rules-dir) if any. */
  rulesDirs: { builtIn: string; user?: string };
  /** YYYY-MM-DD */
  today: string;
}

/** A command takes its own arguments (after the command words) and returns the exit code. */
export type Command = (args: string[], ctx: CliContext) => Promise<number>;

/** Exit codes (docs/CLI.md). */
export const EXIT_OK = 0;
export const EXIT_NO = 1;
export const EXIT_USAGE = 2;
