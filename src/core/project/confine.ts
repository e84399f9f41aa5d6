/**
 * The project folder's own paths: `matprep.json` must be a regular file and `vault/`, `out/` real
 * folders (not links to elsewhere), and nothing the app writes on request (a packet, a zip, a
 * 补正清单) may land on the record, its lock or backups, or inside the vault.
 */
import { realpath } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { UserError } from '../errors';
import { assertRealFolder, assertRegularIfPresent } from '../fs/confine';
import { LOCK_FILE } from '../fs/lock';
import { PROJECT_FILE, VAULT_DIR, OUTPUT_DIR } from '../model/schemas/project';

/** Refuse a project whose record is a link or special file, or whose vault/out is not a real folder. */
export async function assertProjectLayout(dir: string): Promise<void> {
  await assertRegularIfPresent(join(dir, PROJECT_FILE));
  await assertRealFolder(join(dir, VAULT_DIR));
  await assertRealFolder(join(dir, OUTPUT_DIR));
}

/** The real path of `path`, resolving links in the part of it that exists (the rest may be made later). */
async function realPathOf(path: string): Promise<string> {
  const absolute = resolve(path);
  try {
    return await realpath(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(await realPathOf(parent), basename(absolute));
  }
}

/** Refuse an output path that would replace the project record (or its lock, backups) or write into the vault. */
export async function assertOutputAllowed(dir: string, output: string): Promise<void> {
  const project = await realPathOf(dir);
  const target = join(await realPathOf(dirname(resolve(output))), basename(output));
  const vault = join(project, VAULT_DIR);
  const name = basename(target);
  const inRoot = dirname(target) === project;
  if (
    target === project ||
    target === vault ||
    target.startsWith(vault + sep) ||
    (inRoot && (name.startsWith(PROJECT_FILE) || name.startsWith(`.${PROJECT_FILE}`) || name === LOCK_FILE))
  ) {
    throw new UserError('project.outputInside', { file: output });
  }
}
