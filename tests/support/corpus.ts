/**
 * Where the real-file corpus is: the scans, photos and odd PDFs (encrypted, truncated, looping page
 * trees …) that some tests read because a generated fixture would not show what real files do.
 * It is not part of this repository. This is the one test module that names a path outside it:
 * `MATPREP_CORPUS` when set, else `../shared/corpus` beside the repository folder.
 *
 * A suite that reads the corpus is declared with `describeCorpus` (or a case with `itCorpus`): when
 * the folder is absent the suite is skipped, its name says why, and one warning names the folder
 * looked for and the variable to set — rather than failing with ENOENT halfway through.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it, type TestFunction, type TestOptions } from 'vitest';

const REPO = resolve(import.meta.dirname, '../..');

/** The corpus folder (absolute). */
export const CORPUS = resolve(REPO, process.env.MATPREP_CORPUS ?? '../shared/corpus');

/** True when the corpus folder is there (a file inside it may still be missing: that fails loudly). */
export const HAS_CORPUS = existsSync(join(CORPUS, 'MANIFEST.tsv'));

/** Why corpus tests were skipped, for the suite name and the one warning. */
export const CORPUS_MISSING = `real-file corpus not found at ${CORPUS}: set MATPREP_CORPUS to the corpus folder to run these tests`;

if (!HAS_CORPUS) console.warn(`[matprep tests] ${CORPUS_MISSING}`);

/** The path of one corpus file. */
export const corpus = (name: string): string => join(CORPUS, name);

const skipped = (name: string) => (HAS_CORPUS ? name : `${name} (skipped: ${CORPUS_MISSING})`);
/** `describe` for a suite that reads corpus files: skipped, saying why, when the corpus is absent. */
export function describeCorpus(name: string, body: () => void): void {
  describe.skipIf(!HAS_CORPUS)(skipped(name), body);
}

/** `it` for one case that reads corpus files in a suite that otherwise does not. */
export function itCorpus(name: string, body: TestFunction): void;
export function itCorpus(name: string, options: TestOptions, body: TestFunction): void;
export function itCorpus(name: string, first: TestOptions | TestFunction, body?: TestFunction): void {
  const test = it.skipIf(!HAS_CORPUS);
  if (typeof first === 'function') test(skipped(name), first);
  else test(skipped(name), first, body);
}
