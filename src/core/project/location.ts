/**
 * Where a new project goes when the user does not pick a folder: a folder of its own, named after the
 * project, under the projects folder (Documents/matprep unless Settings say otherwise). A name already
 * taken gets " 2", " 3" …: an existing folder is never reused, so no project is ever created on top of
 * another or of someone's files.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { safeFileName } from '../fs/names';
import { UserError } from '../errors';

/** The folder the app keeps projects in: the one chosen in Settings, or Documents/matprep. */
export function projectsRoot(chosen: string | undefined, documentsDir: string): string {
  return chosen || join(documentsDir, 'matprep');
}

const MAX_TRIES = 1000;

/** Make and return a new, empty folder for `name` under `root` (created as needed). */
export async function newProjectFolder(root: string, name: string, fallback: string): Promise<string> {
  const base = safeFileName(name, fallback);
  try {
    await mkdir(root, { recursive: true });
  } catch (error) {
    throw new UserError('project.rootUnavailable', { dir: root, detail: (error as Error).message });
  }
  for (let n = 1; n <= MAX_TRIES; n++) {
    const dir = join(root, n === 1 ? base : `${base} ${n}`);
    try {
      // Without `recursive`, mkdir fails on an existing folder: claiming the name is one atomic step.
      await mkdir(dir);
      return dir;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new UserError('project.rootUnavailable', { dir: root, detail: (error as Error).message });
      }
    }
  }
  throw new UserError('project.rootUnavailable', { dir: root, detail: base });
}
