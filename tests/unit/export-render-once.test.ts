/**
 * Export renders each bound PDF page once, at the highest DPI the size ladder may need but never
 * finer than a scan's own resolution, and derives every lower step of the ladder from those pixels.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportMaterials } from '../../src/core/bind/export';
import { openScannedInputs } from '../../src/core/bind/rasterise';
import type { RenderedPage } from '../../src/core/pdf/render';
import type { RulePack } from '../../src/core/model/schemas/rules';
import { testProject, testReport, testRulePack } from '../fixtures/packet';
import { pageImages } from '../fixtures/pdf-read';
import { writeScanPdf } from '../fixtures/scan-pdf';

/** Every page the export had pdf.js render, in order: the real renderer, watched. */
const rendered = vi.hoisted(() => [] as { index: number; width: number; height: number }[]);

vi.mock('../../src/core/pdf/render', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/core/pdf/render')>();
  return {
    ...original,
    openForRendering: async (...args: Parameters<typeof original.openForRendering>) => {
      const pdf = await original.openForRendering(...args);
      return {
        pages: pdf.pages,
        close: () => pdf.close(),
        async renderPage(index: number, options: Parameters<typeof pdf.renderPage>[1]): Promise<RenderedPage> {
          const page = await pdf.renderPage(index, options);
          rendered.push({ index, width: page.width, height: page.height });
          return page;
        },
      };
    },
  };
});

const dir = mkdtempSync(path.join(tmpdir(), 'matprep-export-once-'));
const A4: [number, number] = [595.28, 841.89];
/** The pixel size of the A4 pages of `writeScanPdf` at 150 dpi. */
const SCAN_150 = { width: 1240, height: 1754 };

/** The test pack with the 营业执照's cap in KB and, optionally, `exportAs: images`. */
function pack(kb: number, exportAs?: 'images'): RulePack {
  const p = testRulePack();
  p.materials[0] = { ...p.materials[0], maxFileSizeKB: kb, exportAs };
  return p;
}

async function exportScan(name: string, file: string, rulePack: RulePack): Promise<Record<string, Uint8Array>> {
  const project = testProject({ 'business-licence': [{ file }] });
  const result = await exportMaterials({
    doc: project.doc,
    rulePack,
    report: testReport(rulePack, project.doc),
    options: { watermark: false },
    output: path.join(dir, `${name}.zip`),
    loadFile: project.loadFile,
  });
  return unzipSync(readFileSync(result.output));
}

describe('pages rendered once, never finer than the scan', () => {
  let onePage: string;
  let twoPages: string;

  beforeAll(async () => {
    onePage = await writeScanPdf(path.join(dir, 'scan-1p.pdf'), [{ size: A4 }]);
    twoPages = await writeScanPdf(path.join(dir, 'scan-2p.pdf'), [{ size: A4 }, { size: A4 }]);
  });

  beforeEach(() => {
    rendered.length = 0;
  });

  it("exports a 150-dpi scan as a JPEG of the scan's own pixel size, not of 200 dpi", async () => {
    const files = await exportScan('as-image', onePage, pack(2048, 'images'));
    expect(Object.keys(files)).toEqual(['营业执照.jpg']);
    const meta = await sharp(files['营业执照.jpg']).metadata();
    // At 200 dpi within A4's margins the page would be some 1430 px wide.
    expect([meta.width, meta.height]).toEqual([SCAN_150.width, SCAN_150.height]);
    expect(rendered).toEqual([{ index: 0, ...SCAN_150 }]);
  });

  it('takes a rendered page down the ladder to a small cap from one rendering', async () => {
    const loose = await exportScan('image-loose', onePage, pack(2048, 'images'));
    expect(loose['营业执照.jpg'].length).toBeGreaterThan(400 * 1024);
    rendered.length = 0;
    const files = await exportScan('image-tight', onePage, pack(100, 'images'));
    const jpeg = files['营业执照.jpg'];
    expect(jpeg.length).toBeLessThanOrEqual(100 * 1024);
    // A lower step than the rendering: fewer pixels, same shape.
    const meta = await sharp(jpeg).metadata();
    expect(meta.width!).toBeLessThan(SCAN_150.width * 0.75);
    expect(meta.height! / meta.width!).toBeCloseTo(SCAN_150.height / SCAN_150.width, 1);
    expect(rendered).toHaveLength(1);
  });

  it('rebuilds a scanned PDF down the ladder to a small cap, each page rendered once', async () => {
    expect(readFileSync(twoPages).length).toBeGreaterThan(2 * 1024 * 1024);
    const files = await exportScan('pdf-tight', twoPages, pack(300));
    const bytes = files['营业执照.pdf'];
    expect(bytes.length).toBeLessThanOrEqual(300 * 1024);
    for (const n of [1, 2]) {
      const [image] = await pageImages(bytes, n);
      expect(image.width).toBeLessThan(SCAN_150.width * 0.75);
    }
    // Once per page at the scan's own resolution, although several steps of the ladder were tried.
    expect(rendered).toEqual([
      { index: 0, ...SCAN_150 },
      { index: 1, ...SCAN_150 },
    ]);
  });
});

describe('openScannedInputs past its memory budget', () => {
  it('keeps rendered pages as JPEGs and still rebuilds every step from one rendering', async () => {
    const file = await writeScanPdf(path.join(dir, 'budget.pdf'), [{ size: A4 }, { size: A4 }]);
    const project = testProject({ 'business-licence': [{ file }] });
    const ref = project.doc.materials['business-licence'].files[0];
    const bytes = new Uint8Array(readFileSync(file));
    rendered.length = 0;
    // No room for raw pixels at all: every page is kept as a JPEG.
    const [scan, ...others] = await openScannedInputs(
      [{ file: ref, bytes }],
      () => ({ width: A4[0], height: A4[1] }),
      200,
      0,
    );
    expect(others).toEqual([]);
    try {
      for (const [step, width] of [
        [{ dpi: 200, quality: 85 }, SCAN_150.width],
        [{ dpi: 100, quality: 50 }, Math.round((A4[0] / 72) * 100)],
      ] as const) {
        const rebuilt = await scan.rebuild(step);
        const doc = await PDFDocument.load(rebuilt);
        expect(doc.getPages().map((p) => [p.getWidth(), p.getHeight()])).toEqual([[...A4], [...A4]]);
        // Fitted inside the step's box: the width may lose a pixel to rounding.
        for (const n of [1, 2])
          expect(Math.abs((await pageImages(rebuilt, n))[0].width - width)).toBeLessThanOrEqual(1);
      }
    } finally {
      await scan.close();
    }
    expect(rendered.map((r) => r.index)).toEqual([0, 1]);
  });
});
