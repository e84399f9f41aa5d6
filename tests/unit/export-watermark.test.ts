import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { frameFor } from '../../src/core/bind/geometry';
import type { BindOptions } from '../../src/core/model/schemas/bind-options';
import { WATERMARK_ANGLE, WATERMARK_GRAY, WATERMARK_OPACITY } from '../../src/core/bind/stamp';
import type { RulePack } from '../../src/core/model/schemas/rules';
import { outlineFont, watermarkImage, watermarkSvg } from '../../src/core/bind/watermark-image';
import { exportProjectZip, testProject, testRulePack, type TestFile } from '../fixtures/packet';

import { pageTexts } from '../fixtures/pdf-read';
import { corpus, describeCorpus } from '../support/corpus';

const dir = mkdtempSync(path.join(tmpdir(), 'matprep-export-wm-'));
/** What the test pack's 身份证 rule (`仅供{purpose}使用，他用无效`) becomes for its short title. */
const TEXT = '仅供ICP备案使用，他用无效';
const HOSTILE = '</svg><script>alert(1)</script><svg onload="x()">&amp;\'"';
const portraitBox = frameFor({ landscape: false, header: false, bindingMargin: false }).content;

async function grey(jpeg: Uint8Array): Promise<{ data: Uint8Array; width: number; height: number }> {
  const { data, info } = await sharp(jpeg).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

async function exportZip(
  name: string,
  options: Partial<BindOptions>,
  materials: Record<string, TestFile[]>,
  pack: RulePack = testRulePack(),
): Promise<Record<string, Uint8Array>> {
  return (await exportProjectZip(testProject(materials), pack, options, path.join(dir, name))).files;
}

/**
 * How clearly ink lies in rows at `degrees` (counter-clockwise, as on the page): ink pixels are
 * binned by their distance across such rows. Tiled rows of text leave the gaps between them empty;
 * at a wrong angle the rows smear over every bin. Returns the share of empty bins.
 */
function emptyShareAcrossRows(ink: boolean[], width: number, height: number, degrees: number, bin: number): number {
  const a = (degrees * Math.PI) / 180;
  const counts = new Map<number, number>();
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!ink[y * width + x]) continue;
      // Image y points down, so "across a row rising at a" is x·sin a + y·cos a.
      const k = Math.floor((x * Math.sin(a) + y * Math.cos(a)) / bin);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  const keys = [...counts.keys()];
  const lo = Math.min(...keys);
  const hi = Math.max(...keys);
  let empty = 0;
  for (let k = lo; k <= hi; k++) if (!counts.has(k)) empty++;
  return empty / (hi - lo + 1);
}

describeCorpus('per-file export watermarks photos that stay photos', () => {
  const materials = {
    // One photo: exported as a JPEG; the rule asks for a watermark.
    'legal-rep-id': [{ file: corpus('img-exif-portrait-o6.jpg'), part: 'front' }],
    // One photo of a material without a watermark.
    'business-licence': [{ file: corpus('img-exif-landscape-o6.jpg') }],
  };
  let marked: Record<string, Uint8Array>;
  let plain: Record<string, Uint8Array>;

  beforeAll(async () => {
    marked = await exportZip('marked.zip', {}, materials);
    plain = await exportZip('plain.zip', { watermark: false }, materials);
    // For looking at by eye.
    writeFileSync(path.join(dir, '法人身份证.jpg'), marked['法人身份证.jpg']);
  });

  it('marks the photo where the text goes, in diagonal rows, and only lightly', async () => {
    const a = await grey(marked['法人身份证.jpg']);
    const b = await grey(plain['法人身份证.jpg']);
    expect([a.width, a.height]).toEqual([b.width, b.height]);
    expect(a.height).toBeGreaterThan(a.width); // still upright (EXIF 6 applied)

    // Where the text is: the exporter's SVG for this size, rendered on its own.
    const pxPerPt = Math.max(a.width / portraitBox.width, a.height / portraitBox.height);
    const svg = watermarkSvg(await outlineFont(), TEXT, a.width, a.height, pxPerPt);
    const alpha = await sharp(Buffer.from(svg)).extractChannel(3).raw().toBuffer();

    let inText = 0;
    let inTextN = 0;
    let outside = 0;
    let outsideN = 0;
    let drop = 0;
    let worst = -Infinity;
    for (let i = 0; i < a.data.length; i++) {
      const d = b.data[i] - a.data[i];
      if (alpha[i] > 64) {
        inText += Math.abs(d);
        inTextN++;
      } else if (alpha[i] === 0) {
        outside += Math.abs(d);
        outsideN++;
      }
      drop += d;
      // A grey g at opacity α moves a pixel p by at most α·|p − g|. 24 levels allow for JPEG
      // ringing at glyph edges (the marked file is encoded twice); an opaque or dark mark exceeds it.
      worst = Math.max(worst, Math.abs(d) - WATERMARK_OPACITY * Math.abs(b.data[i] - WATERMARK_GRAY * 255));
    }
    // Under the glyphs a photo of mid-to-light tones moves by α·|p − g| ≈ 0.3 × 40 ≈ 12 levels; away
    // from them only re-encoding noise (well under 2 levels) differs.
    expect(inText / inTextN).toBeGreaterThan(5);
    expect(outside / outsideN).toBeLessThan(2);
    expect(inText / inTextN).toBeGreaterThan(5 * (outside / outsideN));
    // Light: thin text over a few per cent of the photo, the mean luminance barely moves.
    expect(inTextN / a.data.length).toBeGreaterThan(0.005);
    expect(inTextN / a.data.length).toBeLessThan(0.1);
    expect(Math.abs(drop / a.data.length)).toBeLessThan(1.5);
    expect(worst).toBeLessThan(24);

    // The changed pixels form rows at the packet's angle, not at its mirror image.
    const ink = Array.from(a.data, (v, i) => Math.abs(b.data[i] - v) > 8);
    const bin = 4 * pxPerPt;
    expect(emptyShareAcrossRows(ink, a.width, a.height, WATERMARK_ANGLE, bin)).toBeGreaterThan(0.3);
    expect(emptyShareAcrossRows(ink, a.width, a.height, -WATERMARK_ANGLE, bin)).toBeLessThan(0.1);
  });

  it('leaves the other photo byte for byte as it was', () => {
    expect(marked['营业执照.jpg'].length).toBeGreaterThan(1000);
    expect(Buffer.from(marked['营业执照.jpg']).equals(Buffer.from(plain['营业执照.jpg']))).toBe(true);
  });

  it('fits the watermarked photo into the size cap', async () => {
    expect(marked['法人身份证.jpg'].length).toBeLessThanOrEqual(1024 * 1024);
    const pack = testRulePack();
    const rule = pack.materials.findIndex((m) => m.id === 'legal-rep-id');
    pack.materials[rule] = { ...pack.materials[rule], maxFileSizeKB: 100 };
    const only = { 'legal-rep-id': materials['legal-rep-id'] };
    const tight = await exportZip('tight.zip', {}, only, pack);
    const tightPlain = await exportZip('tight-plain.zip', { watermark: false }, only, pack);
    expect(tight['法人身份证.jpg'].length).toBeLessThanOrEqual(100 * 1024);
    // The ladder ran on the marked image: it was not the plain one that was measured and shipped.
    expect(Buffer.from(tight['法人身份证.jpg']).equals(Buffer.from(tightPlain['法人身份证.jpg']))).toBe(false);
  });

  it('watermarks the PDF of a material that is exported as a PDF', () => {
    // Two photos of a rule that accepts PDF become one PDF, through the packet's assembly.
    return Promise.all([
      exportZip(
        'pdf.zip',
        {},
        {
          'legal-rep-id': [
            { file: corpus('img-exif-landscape-o3.jpg'), part: 'front' },
            { file: corpus('img-exif-portrait-o6.jpg'), part: 'back' },
          ],
        },
      ),
      exportZip(
        'pdf-plain.zip',
        { watermark: false },
        {
          'legal-rep-id': [
            { file: corpus('img-exif-landscape-o3.jpg'), part: 'front' },
            { file: corpus('img-exif-portrait-o6.jpg'), part: 'back' },
          ],
        },
      ),
    ]).then(([withMark, without]) => {
      const text = (files: Record<string, Uint8Array>) => {
        const file = path.join(mkdtempSync(path.join(dir, 'pdf-')), 'x.pdf');
        writeFileSync(file, files['法人身份证.pdf']);
        return pageTexts(file, 'raw').map((t) => t.replace(/\s+/g, ''));
      };
      expect(text(withMark).map((t) => t.includes(TEXT))).toEqual([true, true]);
      expect(text(without).some((t) => t.includes('仅供'))).toBe(false);
    });
  });
});

describe('watermarkImage', () => {
  it('draws the text as outlines only, so hostile text cannot become markup', async () => {
    const svg = watermarkSvg(await outlineFont(), HOSTILE, 800, 1200, 1.5);
    expect(svg).not.toMatch(/script|onload|alert|&amp;|'/i);
    // Only the elements the mark is made of, and no text at all between tags.
    const elements = new Set([...svg.matchAll(/<\/?([a-zA-Z]+)/g)].map((m) => m[1]));
    expect([...elements].sort()).toEqual(['defs', 'g', 'path', 'svg', 'use']);
    expect(svg.replace(/<[^>]*>/g, '')).toBe('');
    // Every attribute value is numbers, path commands, or a fixed name.
    for (const [, name, value] of svg.matchAll(/ ([a-z-]+)="([^"]*)"/g)) {
      if (name === 'xmlns') continue;
      expect(value, name).toMatch(
        /^(#m|m|rgb\([\d,]+\)|[-\d. ]+|[a-z]+\([-\d. ]+\)( [a-z]+\([-\d. ]+\))*|[MLHVCSQTAZ\d.,\s+\-e]*)$/i,
      );
    }
    // And the image still gets its (harmless) mark.
    const white = await sharp({ create: { width: 800, height: 1200, channels: 3, background: '#fff' } })
      .jpeg()
      .toBuffer();
    const out = await grey(await watermarkImage(white, HOSTILE, { quality: 85, box: () => portraitBox }));
    expect(out.data.some((v) => v < 240)).toBe(true);
  });

  it('on white: light grey, never darker than the grey overlay, and a grey image stays grey', async () => {
    const white = await sharp({ create: { width: 1000, height: 1460, channels: 3, background: '#fff' } })
      .toColourspace('b-w')
      .jpeg()
      .toBuffer();
    expect((await sharp(white).metadata()).channels).toBe(1);
    // Quality 100, so JPEG ringing does not blur what the overlay itself does.
    const jpeg = await watermarkImage(white, TEXT, { quality: 100, box: () => portraitBox });
    expect((await sharp(jpeg).metadata()).channels).toBe(1);
    const { data } = await grey(jpeg);
    // Full cover gives 255 − α·(255 − g) ≈ 217, and overlapping copies would go darker.
    const floor = 255 - WATERMARK_OPACITY * (255 - WATERMARK_GRAY * 255);
    expect(data.reduce((m, v) => Math.min(m, v), 255)).toBeGreaterThanOrEqual(Math.floor(floor) - 3);
    const marked = data.filter((v) => v < 245).length / data.length;
    expect(marked).toBeGreaterThan(0.01);
    expect(marked).toBeLessThan(0.15);
  });
});
