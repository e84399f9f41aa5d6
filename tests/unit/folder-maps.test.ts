/**
 * A map in every folder: each folder of src/ that holds source files has a README.md naming every one
 * of them (as a word: `store.ts`, not `../project/store.ts`), and no README names a source file that
 * is not there. The README is where a newcomer starts, so a file missing from it, or one it names
 * that was moved away, is a wrong map.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(__dirname, '../..');

/** What a folder's map must name: code, styles and the page the renderer starts from. */
const MAPPED = /\.(tsx?|css|html)$/;

/** Every folder under `root` (itself included), except node_modules. */
function folders(root: string): string[] {
  const subfolders = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'node_modules')
    .flatMap((entry) => folders(join(root, entry.name)));
  return [root, ...subfolders];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `name` as a word of its own: not the tail of a longer name or of a path into another folder. */
function names(readme: string, name: string): boolean {
  return new RegExp(`(?<![\\w./@*-])${escape(name)}(?![\\w-]|\\.\\w)`).test(readme);
}

/**
 * Source files a README refers to (`store.ts`, `../pdf/render.ts`, `src/cli/main.ts`) that do not
 * exist: a name is looked up in the README's folder, a path from there or from the repository root.
 */
function danglingReferences(readme: string, folder: string, root: string): string[] {
  const references = readme.match(/(?<![\w./@*-])[\w./@-]*[\w-]\.(?:tsx?|css|html)(?![\w-]|\.\w)/g) ?? [];
  return [...new Set(references)].filter(
    (ref) => !existsSync(join(folder, ref)) && !existsSync(join(root, ref.replace(/^\.\//, ''))),
  );
}

/** Every way the maps under `root`/src are wrong, one line each. */
function mapProblems(root: string): string[] {
  const problems: string[] = [];
  for (const folder of folders(join(root, 'src'))) {
    const where = relative(root, folder);
    const files = readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isFile() && MAPPED.test(entry.name))
      .map((entry) => entry.name);
    const readmePath = join(folder, 'README.md');
    if (!existsSync(readmePath)) {
      if (files.some((name) => /\.tsx?$/.test(name))) problems.push(`${where}: no README.md`);
      continue;
    }
    const readme = readFileSync(readmePath, 'utf8');
    for (const name of files) if (!names(readme, name)) problems.push(`${where}/README.md does not name ${name}`);
    for (const ref of danglingReferences(readme, folder, root))
      problems.push(`${where}/README.md names ${ref}, which does not exist`);
  }
  return problems;
}

describe('folder maps', () => {
  it('every folder of src/ names each of its source files in its README.md, and names no missing file', () => {
    expect(mapProblems(repoRoot)).toEqual([]);
  });

  it('finds a file left out, a folder without a map and a name that points nowhere (the check itself works)', () => {
    const root = mkdtempSync(join(tmpdir(), 'matprep-maps-'));
    try {
      const write = (path: string, text: string) => {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      };
      write('src/a/store.ts', '');
      write('src/a/document.ts', '');
      write('src/a/styles.css', '');
      write('src/a/README.md', '- `store.ts` the store; `../b/document.ts` elsewhere; `gone.ts`; `b/x.ts`\n');
      write('src/a/b/x.ts', '');
      write('src/a/node_modules/pkg/index.ts', '');
      write('src/c/README.md', 'Only `c.d.ts` here.\n');
      write('src/c/c.d.ts', '');
      expect(mapProblems(root).sort()).toEqual([
        'src/a/README.md does not name document.ts',
        'src/a/README.md does not name styles.css',
        'src/a/README.md names ../b/document.ts, which does not exist',
        'src/a/README.md names gone.ts, which does not exist',
        'src/a/b: no README.md',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
