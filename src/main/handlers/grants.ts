/**
 * Which folders the renderer may name. The renderer is the least trusted part of the app (it shows
 * content from received files), so a `dir` it sends must be one the user picked in a native dialog
 * during this run, or a recent project main itself recorded; shell calls (open, show in folder,
 * print) only reach files under such a project's `out/` folder. Kept in main, never in the renderer.
 */
import { realpath } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { UserError } from '../../core/errors';
import { OUTPUT_DIR } from '../../core/model/schemas/project';

export interface FolderGrants {
  /** The user picked `dir` in a native dialog. */
  grant(dir: string): void;
  /** Refuse a folder the user did not choose (and that is not a recent project). */
  assertGranted(dir: string): Promise<void>;
  /** Refuse a file that is not inside the `out/` folder of a chosen or recent project. */
  assertOutputFile(path: string): Promise<void>;
}

const inside = (path: string, folder: string) => path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

/** `recent`: the recent projects' folders, as main recorded them in the app store. */
export function createFolderGrants(recent: () => Promise<string[]>): FolderGrants {
  const chosen = new Set<string>();
  const allowed = async () => new Set([...chosen, ...(await recent()).map((d) => resolve(d))]);
  return {
    grant(dir) {
      chosen.add(resolve(dir));
    },
    async assertGranted(dir) {
      if (!(await allowed()).has(resolve(dir))) throw new UserError('app.folderNotChosen', { dir });
    },
    async assertOutputFile(path) {
      const target = resolve(path);
      // Compared as written first, so a path elsewhere (a UNC share) is refused without touching it.
      for (const dir of await allowed()) {
        const out = join(dir, OUTPUT_DIR);
        if (!inside(target, out)) continue;
        // …then as the file system resolves both, so a link inside out/ cannot point elsewhere.
        const [realTarget, realOut] = await Promise.all([realpath(target), realpath(out)]).catch(() => []);
        if (realTarget && realOut && inside(realTarget, realOut)) return;
      }
      throw new UserError('app.pathNotInOutput', { file: path });
    },
  };
}
