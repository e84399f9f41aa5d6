/**
 * Decompression bombs are refused on import, from headers and by counting inflated bytes, before any
 * of them is decoded for real; and refused again before pdf.js draws a file that reached the vault
 * before the limits existed. Bombs are generated (tests/fixtures/bombs.ts), smaller than the bench's
 * but past each limit. Time and memory per bomb are measured by `bench/bombs.ts`, not here.
 */
import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProject, materialEntry, updateProject } from '../../src/core/project/store';
import { MAX_TIFF_PAGES } from '../../src/core/images/convert';
import { runInProcess } from '../support/cli';
import { contentBombPdf, imageBombPdf, singleFlateBombPdf, tiffBomb } from '../fixtures/bombs';

async function project(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'matprep-bomb-'));
  await createProject(dir, { ruleId: 'icp-filing-enterprise', ruleVersion: '1', name: '炸弹' });
  return dir;
}

const cases: [string, string, () => Promise<Buffer> | Buffer, string][] = [
  ['content stream inflated twice', 'twice.pdf', () => contentBombPdf(128 * 2 ** 20), '重复压缩'],
  ['content stream past 64 MB', 'once.pdf', () => singleFlateBombPdf(100 * 2 ** 20), '超过 64 MB'],
  ['60 000 × 60 000 image', 'image.pdf', () => imageBombPdf(), '3600 百万像素'],
  ['TIFF with too many pages', 'pages.tif', () => tiffBomb(MAX_TIFF_PAGES + 1, 64), `上限 ${MAX_TIFF_PAGES} 页`],
  ['TIFF whose pages share one 100 MP strip', 'strip.tif', () => tiffBomb(11, 10_000), '合计超过 1000 百万像素'],
];

describe('decompression bombs', () => {
  for (const [label, name, make, words] of cases) {
    it(`${label}: matprep add refuses it in one line, project unchanged`, { timeout: 60_000 }, async () => {
      const dir = await project();
      const file = join(await mkdtemp(join(tmpdir(), 'matprep-bomb-in-')), name);
      await writeFile(file, await make());
      const before = await readFile(join(dir, 'matprep.json'), 'utf8');
      const run = await runInProcess('add', dir, 'business-licence', file);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain(name);
      expect(run.stderr).toContain(words);
      expect(await readFile(join(dir, 'matprep.json'), 'utf8')).toBe(before);
      expect(await readdir(join(dir, 'vault'))).toEqual([]);
    });
  }

  it('a bomb already in the vault (imported before the limits) is refused before pdf.js draws it', async () => {
    const dir = await project();
    const bytes = imageBombPdf();
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await writeFile(join(dir, 'vault', sha256), bytes);
    await updateProject(dir, (doc) => {
      materialEntry(doc, 'business-licence').files.push({
        id: 'old',
        sha256,
        name: 'old.pdf',
        size: bytes.length,
        mediaType: 'application/pdf',
        addedAt: '2026-01-01T00:00:00Z',
        pages: 1,
        rotate: 0,
      });
    });
    const run = await runInProcess('--lang', 'en', 'export', dir, '-o', join(dir, 'out', 'x.zip'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"old.pdf" holds an image with too many pixels');
    expect(await readdir(join(dir, 'out'))).toEqual([]);
  });
});
