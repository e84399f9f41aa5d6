/**
 * Errors the CLI adds on top of core's: a usage error that the dispatcher prints with the command's
 * usage, and file-system errors core lets through, turned into one line naming the path (docs/CLI.md).
 */
import { stat } from 'node:fs/promises';
import { UserError, toUserError } from '../../core/errors';

/** A bad argument: printed as "参数有误：<message> <usage of the command>", exit 2. */
export class UsageError extends UserError {}

/**
 * A file-system error as a UserError naming `file` (or the path in the error itself): a folder
 * where a file belongs (EISDIR), a file where a folder belongs (ENOTDIR), and core's own list
 * (not found, no permission, disk full). Anything else is returned unchanged.
 */
export function fileSystemUserError(error: unknown, file?: string): unknown {
  if (error instanceof UserError) return error;
  const errno = error as (NodeJS.ErrnoException & { dest?: string }) | undefined;
  // A rename names the target in `dest`: that is the path the user gave (bind -o /tmp).
  const path = file ?? errno?.dest ?? errno?.path;
  if (!path) return error;
  if (errno?.code === 'EISDIR') return new UserError('cli.isDirectory', { file: path }, { cause: error });
  // mkdir meets a file where a folder belongs: ENOTDIR deeper down, EEXIST at the last step.
  if (errno?.code === 'ENOTDIR' || (errno?.code === 'EEXIST' && errno.syscall === 'mkdir')) {
    return new UserError('cli.notDirectory', { file: path }, { cause: error });
  }
  return toUserError(error, path);
}

/** An output path that is an existing folder is refused before any work is done. */
export async function assertNotDirectory(file: string): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (info?.isDirectory()) throw new UserError('cli.isDirectory', { file });
}
