/**
 * Errors a user can cause (bad file, wrong password, bad rule file, disk full) are UserErrors: they
 * carry a message key and parameters, never a stack trace for the user. Adapters (CLI, IPC) turn
 * them into one clear line in the user's language with `formatError`.
 */
import { t, type Locale, type MessageKey, type MessageParams } from '../i18n';

export class UserError extends Error {
  readonly code: MessageKey;
  readonly params: MessageParams;
  constructor(code: MessageKey, params: MessageParams = {}, options?: { cause?: unknown }) {
    super(`${code} ${JSON.stringify(params)}`, options);
    this.name = 'UserError';
    this.code = code;
    this.params = params;
  }
  /** The message in `locale`. */
  format(locale: Locale): string {
    return t(locale, this.code, this.params);
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** Node's fs error codes that a user can cause and fix, mapped to message keys. */
const fsCodes: Record<string, MessageKey> = {
  ENOSPC: 'error.diskFull',
  EDQUOT: 'error.diskFull',
  EACCES: 'error.permission',
  EPERM: 'error.permission',
  EROFS: 'error.permission',
  ENOENT: 'error.notFound',
};

/** Wrap a filesystem error for `file` as a UserError when it is one a user can fix. */
export function toUserError(error: unknown, file: string): unknown {
  if (isUserError(error)) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && fsCodes[code]) return new UserError(fsCodes[code], { file }, { cause: error });
  return error;
}

/** One line for the user: the UserError's message, or a generic one naming the detail. */
export function formatError(error: unknown, locale: Locale): string {
  if (isUserError(error)) return error.format(locale);
  const detail = error instanceof Error ? error.message : String(error);
  return t(locale, 'error.unexpected', { detail });
}
