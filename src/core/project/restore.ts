/**
 * 从备份恢复: every change to a project first keeps the record as it was (sound, just read and
 * validated) beside it, so a record damaged later (a crash of another program, a bad edit by hand, a
 * sync tool) can be put back to its last good state with one button instead of a text editor. The
 * damaged file is kept too (as the reader keeps it), so restoring loses nothing that was there.
 */
import { join, resolve } from 'node:path';
import { UserError, formatError, isUserError } from '../errors';
import { t, type Locale } from '../../i18n';
import { writeFileAtomic } from '../fs/atomic';
import { readRegularFile } from '../fs/confine';
import { withFolderLock } from '../fs/lock';
import { PROJECT_FILE, ProjectDocSchema } from '../model/schemas/project';
import { backupBrokenFile } from './document';

/**
 * Why a project did not open, for a list of projects (三色预警, recent projects): a damaged record in
 * plain words naming the button that fixes it (the file name and JSON position are the CLI's), any
 * other error as it is worded.
 */
export function openFailureText(error: unknown, locale: Locale): string {
  const damaged = isUserError(error) && (error.code === 'project.corrupt' || error.code === 'project.invalid');
  return damaged ? t(locale, 'alerts.unchecked.damaged') : formatError(error, locale);
}

export const LAST_GOOD_FILE = `${PROJECT_FILE}.last-good`;

/** The record as it was before the last change. */
export function lastGoodFile(dir: string): string {
  return join(dir, LAST_GOOD_FILE);
}

/**
 * Keep `text` (a record that was read and validated) as the one to restore. Not fsynced: it costs every
 * change a second write, and a copy cut short by a power loss is refused on restore (it is validated).
 */
export async function keepLastGood(dir: string, text: string): Promise<void> {
  await writeFileAtomic(lastGoodFile(dir), text, { durable: false });
}

/** Whether a last good record exists and is sound (the button is offered only then). */
export async function lastGoodText(dir: string): Promise<string | null> {
  try {
    const text = (await readRegularFile(lastGoodFile(dir))).toString('utf8');
    return ProjectDocSchema.safeParse(JSON.parse(text)).success ? text : null;
  } catch {
    return null;
  }
}

/** Put the last good record back in place of the current one, which is kept as a dated copy first. */
export async function restoreLastGood(dirInput: string): Promise<void> {
  const dir = resolve(dirInput);
  await withFolderLock(dir, async () => {
    const good = await lastGoodText(dir);
    if (good === null) throw new UserError('project.noLastGood', { dir });
    const file = join(dir, PROJECT_FILE);
    const current = await readRegularFile(file).then(
      (bytes) => bytes.toString('utf8'),
      () => null,
    );
    if (current !== null) await backupBrokenFile(file, current);
    await writeFileAtomic(file, good);
  });
}
