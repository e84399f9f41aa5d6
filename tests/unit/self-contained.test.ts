/**
 * The repository stands on its own: a clone has everything its code, docs and tests point at. Only
 * tests/support/corpus.ts knows about the real-file corpus outside it (MATPREP_CORPUS), and nothing
 * points readers at notes that live beside the repository — the CLI contract is docs/CLI.md, the
 * facts are in docs/domain/. (rules/*.yaml cite their own sources and are checked by the pack tests.)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/source-graph';

const CORPUS_MODULE = 'tests/support/corpus.ts';

function filesUnder(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => pattern.test(name) && !name.split(/[\\/]/).includes('node_modules'))
    .map((name) => relative(repoRoot, join(dir, name)).split('\\').join('/'));
}

const read = (file: string) => readFileSync(join(repoRoot, file), 'utf8');

/** Files whose text matches `pattern`. */
function mentioning(files: string[], pattern: RegExp): string[] {
  return files.filter((file) => pattern.test(read(file)));
}

describe('a self-contained repository', () => {
  const code = /\.(ts|tsx|mjs|js|cjs)$/;

  it('has one test module that knows where the corpus outside the repository is', () => {
    const testFiles = [
      ...filesUnder(join(repoRoot, 'tests'), code),
      ...filesUnder(join(repoRoot, 'bench'), code),
    ].filter((file) => file !== 'tests/unit/self-contained.test.ts');
    expect(testFiles.length).toBeGreaterThan(50);
    expect(mentioning(testFiles, /shared[\\/]corpus|MATPREP_CORPUS|\.\.[\\/]shared\b/)).toEqual([CORPUS_MODULE]);
  });

  it('points readers at docs/, not at notes beside the repository', () => {
    const files = [
      ...filesUnder(join(repoRoot, 'src'), /\.(ts|tsx|md)$/),
      ...filesUnder(join(repoRoot, 'docs'), /\.md$/),
      ...filesUnder(join(repoRoot, 'scripts'), code),
      ...filesUnder(join(repoRoot, 'bench'), code),
      ...filesUnder(join(repoRoot, 'bin'), code),
      'README.md',
    ];
    // The notes' own names, in capitals (docs/domain/licences.md is this repository's own page).
    expect(mentioning(files, /\.\.\/shared\/(design|domain)|\bLICENCES\.md\b|\bPORTALS\.md\b/)).toEqual([]);
    expect(mentioning(files, /\bseed \d{3}\b/i)).toEqual([]);
  });

  it('has the documents those pointers lead to', () => {
    for (const doc of [
      'docs/CLI.md',
      'docs/domain/README.md',
      'docs/domain/identifiers.md',
      'docs/domain/licences.md',
    ]) {
      expect(existsSync(join(repoRoot, doc)), doc).toBe(true);
    }
  });
});
