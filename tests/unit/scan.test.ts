/**
 * Photos made into scans, on generated photos (tests/support/photos.ts, 1600×1200 to keep the test
 * quick): the page's corners found within tolerance, the flattened page in the document's shape,
 * each flaw raised on its own photo and none on a clean one, and the input never changed.
 */
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanFlaws } from '../../src/core/model/scan/result';
import { flatSize, homography, applyHomography, type Quad } from '../../src/core/scan/geometry';
import { scanImage, type ScanOutput } from '../../src/core/scan/scan';
import * as docs from '../support/documents';
import { photograph, type Flaw, type Photo } from '../support/photos';

const SIZE = { width: 1600, height: 1200 };
let licence: Buffer;
let idCard: Buffer;

beforeAll(async () => {
  licence = await docs.renderLicence(docs.licenceTruth(3));
  idCard = await docs.renderIdFront(docs.idFrontTruth(4));
});

async function shot(
  doc: 'licence' | 'id',
  flaw: Flaw,
  seed = 5,
  size = SIZE,
): Promise<{ photo: Photo; out: ScanOutput }> {
  const photo = await photograph(doc === 'licence' ? licence : idCard, flaw, seed, size);
  const copy = Buffer.from(photo.jpeg);
  const out = await scanImage(photo.jpeg, `${doc}-${flaw}.jpg`);
  expect(photo.jpeg.equals(copy)).toBe(true);
  return { photo, out };
}

const worstCorner = (found: Quad, truth: Quad) =>
  Math.max(...found.map((c, i) => Math.hypot(c[0] - truth[i][0], c[1] - truth[i][1]))) /
  Math.hypot(SIZE.width, SIZE.height);

describe('geometry', () => {
  it('maps four corners onto four corners', () => {
    const from: Quad = [
      [10, 20],
      [300, 5],
      [320, 200],
      [0, 180],
    ];
    const to: Quad = [
      [0, 0],
      [100, 0],
      [100, 60],
      [0, 60],
    ];
    const h = homography(from, to);
    from.forEach((p, i) => {
      const [x, y] = applyHomography(h, p);
      expect(x).toBeCloseTo(to[i][0], 6);
      expect(y).toBeCloseTo(to[i][1], 6);
    });
  });

  it('takes a page within 7 % of an ID card or A4 to be one, and leaves other shapes alone', () => {
    const rect = (w: number, h: number): Quad => [
      [0, 0],
      [w, 0],
      [w, h],
      [0, h],
    ];
    expect(flatSize(rect(1000, 660))).toEqual({ width: 1000, height: 631 });
    expect(flatSize(rect(700, 1000))).toEqual({ width: 707, height: 1000 });
    expect(flatSize(rect(1000, 1000))).toEqual({ width: 1000, height: 1000 });
  });
});

describe('a photo of a licence on a desk', () => {
  it('is found, flattened to the licence shape and raises nothing', { timeout: 60_000 }, async () => {
    const { photo, out } = await shot('licence', 'clean');
    expect(out.result.corners).toBeDefined();
    expect(worstCorner(out.result.corners!, photo.corners)).toBeLessThan(0.01);
    expect(out.width / out.height).toBeCloseTo(photo.aspect, 1);
    expect(scanFlaws(out.result, {})).toEqual([]);
    const meta = await sharp(out.jpeg!).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', out.width, out.height]);
    // Even light: the paper comes out near-white whatever the desk lamp's tint.
    const { channels } = await sharp(out.jpeg!).stats();
    for (const c of channels) expect(c.max).toBeGreaterThan(240);
  });

  it('of an ID card with a shadow across it is found and raises nothing', { timeout: 60_000 }, async () => {
    const { photo, out } = await shot('id', 'shadow');
    expect(worstCorner(out.result.corners!, photo.corners)).toBeLessThan(0.01);
    expect(out.width / out.height).toBeCloseTo(85.6 / 54, 1);
    expect(scanFlaws(out.result, {})).toEqual([]);
  });
});

describe('each flaw is raised on its own photo', () => {
  it.each([
    ['licence', 'blur', 'blur'],
    ['id', 'glare', 'glare'],
    ['licence', 'cropped', 'cropped'],
  ] as const)('%s photo with %s → image.%s', { timeout: 60_000 }, async (doc, flaw, code) => {
    const { out } = await shot(doc, flaw);
    expect(scanFlaws(out.result, {})).toEqual([code]);
  });

  it(
    'a 12-MP photo of a screen → image.screen (its pixel grid resolved, ~4 photo pixels a cell)',
    { timeout: 120_000 },
    async () => {
      const { out } = await shot('licence', 'screen', 5, { width: 4000, height: 3000 });
      expect(scanFlaws(out.result, {})).toEqual(['screen']);
    },
  );

  it('a small page raises image.background only when the original is kept', { timeout: 60_000 }, async () => {
    const { out } = await shot('id', 'background');
    expect(out.result.fill).toBeLessThan(0.3);
    expect(scanFlaws(out.result, {})).toEqual([]);
    expect(scanFlaws(out.result, { off: true })).toEqual(['background']);
  });
});

describe('what is no photo', () => {
  it('refuses a PDF and a text file with one clear reason', async () => {
    await expect(scanImage(Buffer.from('%PDF-1.7\n'), 'a.pdf')).rejects.toMatchObject({ code: 'scan.notImage' });
    await expect(scanImage(Buffer.from('hello'), 'a.txt')).rejects.toMatchObject({ code: 'file.unsupported.text' });
  });

  it('leaves a page that fills the frame (a flatbed scan) as it is', { timeout: 60_000 }, async () => {
    const out = await scanImage(await sharp(licence).jpeg().toBuffer(), 'scan.jpg');
    expect(out.result.corners).toBeUndefined();
    expect(out.jpeg).toBeUndefined();
    expect(scanFlaws(out.result, {})).toEqual([]);
  });
});
