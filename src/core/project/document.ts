/**
 * Reading and writing `matprep.json` through lowdb, with zod validation on every read. A file that
 * does not parse or does not match the schema is never overwritten: the user gets an error naming
 * the file and the path of the problem, and a backup copy is kept beside it.
 */
import { Low } from 'lowdb';
import type { Adapter } from 'lowdb';
import { access } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { UserError, toUserError } from '../errors';
import { writeFileAtomic } from '../fs/atomic';
import { DEFAULT_LOCALE, t, type Locale, type MessageKey } from '../../i18n';
import { readRegularFile } from '../fs/confine';
import { jsonErrorPosition } from '../fs/json-position';
import { formatIssue, issueWords, pathText, type IssueWords } from '../rules/problems';

/** Describe the first few zod issues as `path: message` (zod's English: for requests from our own UI). */
export function describeIssues(error: z.ZodError, limit = 3): string {
  return error.issues
    .slice(0, limit)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

/** One problem in the reader's words ("缺少必填项“name”（应为文本）"), without its closing full stop. */
function describeProblem(problem: IssueWords, locale: Locale): string {
  // The catalog speaks of rule files for an unknown key ("see matprep rules schema"); a document has its own.
  const code = problem.code === 'rules.schema.unknownKey' ? 'document.unknownKey' : problem.code;
  return formatIssue(code, problem.params, locale).replace(/[。.]$/, '');
}

/**
 * A JSON document that does not match its schema. The message names the first problem by its JSON path
 * and kind (missing, wrong type, not an allowed value …) in the reader's language, not zod's English.
 */
export class InvalidDocumentError extends UserError {
  readonly problems: IssueWords[];
  constructor(code: MessageKey, params: { file: string; backup: string }, problems: IssueWords[]) {
    const first = problems[0];
    super(code, {
      ...params,
      count: problems.length,
      path: pathText(first.path),
      detail: describeProblem(first, DEFAULT_LOCALE),
    });
    this.problems = problems;
  }
  override format(locale: Locale): string {
    return t(locale, this.code, { ...this.params, detail: describeProblem(this.problems[0], locale) });
  }
}

/**
 * Keep a copy of a broken file before the user repairs it; one copy per distinct content. The copy
 * is written from the text already read (from a regular file only), never by copying the path again.
 */
export async function backupBrokenFile(file: string, text: string): Promise<string> {
  const digest = createHash('sha256').update(text).digest('hex').slice(0, 12);
  const backup = `${file}.broken-${digest}.bak`;
  try {
    await access(backup);
  } catch {
    await writeFileAtomic(backup, text);
  }
  return backup;
}

/** A file that is not JSON: named with the line and column, never with its content. */
export class CorruptDocumentError extends UserError {
  override format(locale: Locale): string {
    return t(locale, this.code, { ...this.params, detail: t(locale, 'document.jsonSyntax', this.params) });
  }
}

/**
 * Message keys for a document that is not JSON, does not match, or (`newer`) carries a
 * `schemaVersion` above the one this version reads — written by a newer matprep, not damaged.
 */
export interface DocumentCodes {
  corrupt: MessageKey;
  invalid: MessageKey;
  newer?: { code: MessageKey; supported: number };
}

/** A lowdb adapter for one JSON document validated by `schema`; writes are atomic. */
export class ValidatedJsonFile<T> implements Adapter<T> {
  constructor(
    private readonly file: string,
    private readonly schema: z.ZodType<T>,
    private readonly codes: DocumentCodes,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      // Never through a link, never from a FIFO or device: see fs/confine.ts.
      text = (await readRegularFile(this.file)).toString('utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw toUserError(error, this.file);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      const backup = await backupBrokenFile(this.file, text);
      const { line, column } = jsonErrorPosition(text);
      const detail = t(DEFAULT_LOCALE, 'document.jsonSyntax', { line, column });
      throw new CorruptDocumentError(this.codes.corrupt, { file: this.file, detail, backup, line, column });
    }
    // A newer version's document is not broken: say so, and keep no backup of a sound file.
    const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
    if (this.codes.newer && typeof version === 'number' && version > this.codes.newer.supported) {
      throw new UserError(this.codes.newer.code, { file: this.file, version, supported: this.codes.newer.supported });
    }
    const parsed = this.schema.safeParse(raw);
    if (!parsed.success) {
      const backup = await backupBrokenFile(this.file, text);
      const problems = parsed.error.issues.flatMap((issue) => issueWords(raw, issue));
      throw new InvalidDocumentError(this.codes.invalid, { file: this.file, backup }, problems);
    }
    return parsed.data;
  }

  async write(data: T): Promise<void> {
    await writeFileAtomic(this.file, JSON.stringify(data, null, 2) + '\n');
  }
}

/** Open a validated lowdb document; `fallback` is used only when the file does not exist yet. */
export async function openDocument<T>(
  file: string,
  schema: z.ZodType<T>,
  fallback: T,
  codes: DocumentCodes,
): Promise<Low<T>> {
  const db = new Low<T>(new ValidatedJsonFile(file, schema, codes), fallback);
  await db.read();
  return db;
}
