/**
 * The shape of src/ (docs/ARCHITECTURE.md): imports run one way, so there is no cycle between files
 * or between folders, and no source file grows past 400 lines. The direction of the layers
 * themselves is held by lint (import-x/no-restricted-paths in eslint.config.mjs).
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, folderGraph, importGraph, repoRoot, sourceFiles } from '../support/source-graph';

describe('architecture', () => {
  const graph = importGraph();

  it('has no import cycle between files', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('has no import cycle between folders', () => {
    expect(cycles(folderGraph(graph))).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself works)', () => {
    const looped = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(looped)).toEqual([['a', 'b', 'c']]);
    expect(graph.size).toBeGreaterThan(100);
  });

  it('keeps every source file under 400 lines', () => {
    const long = sourceFiles()
      .map((file) => ({ file: relative(repoRoot, file), lines: readFileSync(file, 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > 400);
    expect(long).toEqual([]);
  });
});
