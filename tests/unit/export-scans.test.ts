/**
 * A PDF material over its size cap: scanned PDF inputs are rebuilt from their rendered pages down
 * the quality ladder (same pages, sizes, page choice and rotations), born-digital ones are kept.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { beforeAll, expect, it } from 'vitest';
import { exportMaterials } from '../../src/core/bind/export';
import { loadPdf } from '../../src/core/pdf/load';
import { looksScanned } from '../../src/core/pdf/scanned';
import type { RulePack } from '../../src/core/model/schemas/rules';
import { testProject, testReport, testRulePack, type TestProject } from '../fixtures/packet';

import { pageImages, pageTexts } from '../fixtures/pdf-read';
import { writeScanPdf, type ScanPage } from '../fixtures/scan-pdf';
import { corpus, describeCorpus } from '../support/corpus';

const dir = mkdtempSync(path.join(tmpdir(), 'matprep-export-scans-'));

/** A 150-dpi scan in this test's folder (see `writeScanPdf`). */
const scanPdf = (name: string, pages: ScanPage[]) => writeScanPdf(path.join(dir, name), pages);

async function exportPdf(name: string, project: TestProject, pack: RulePack): Promise<Uint8Array> {
  const result = await exportMaterials({
    doc: project.doc,
    rulePack: pack,
    report: testReport(pack, project.doc),
    options: { watermark: false },
    output: path.join(dir, `${name}.zip`),
    loadFile: project.loadFile,
  });
  const files = unzipSync(readFileSync(result.output));
  expect(Object.keys(files)).toEqual(['营业执照.pdf']);
  writeFileSync(path.join(dir, `${name}.pdf`), files['营业执照.pdf']);
  return files['营业执照.pdf'];
}

/** The test pack with the 营业执照's cap set (undefined: no cap). */
function packWithCap(kb: number | undefined): RulePack {
  const pack = testRulePack();
  pack.materials[0] = { ...pack.materials[0], maxFileSizeKB: kb };
  return pack;
}

/** Which corner of page `n` (1-based) is darkest, as poppler draws it. */
async function darkCorner(name: string, n: number): Promise<string> {
  const png = execFileSync('pdftoppm', ['-r', '20', '-gray', '-png', '-f', `${n}`, '-l', `${n}`, path.join(dir, name)]);
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  const mean = (left: number, top: number) => {
    let sum = 0;
    let count = 0;
    for (let y = Math.floor(top * info.height); y < Math.floor((top + 0.1) * info.height); y++) {
      for (let x = Math.floor(left * info.width); x < Math.floor((left + 0.1) * info.width); x++) {
        sum += data[y * info.width + x];
        count++;
      }
    }
    return sum / count;
  };
  const corners = {
    'top-left': mean(0.1, 0.1),
    'top-right': mean(0.8, 0.1),
    'bottom-left': mean(0.1, 0.8),
    'bottom-right': mean(0.8, 0.8),
  };
  return Object.entries(corners).sort((a, b) => a[1] - b[1])[0][0];
}

describeCorpus('scanned PDFs over the cap', () => {
  let scan: string;

  beforeAll(async () => {
    scan = await scanPdf('scan-a4.pdf', [{ size: [595.28, 841.89] }]);
  });

  it('exports a one-page scan within the cap, as a PDF of the same page count and size', async () => {
    const original = readFileSync(scan);
    expect(original.length).toBeGreaterThan(1024 * 1024);
    const project = testProject({ 'business-licence': [{ file: scan }] });
    const bytes = await exportPdf('scan-tight', project, packWithCap(700));
    expect(bytes.length).toBeLessThanOrEqual(700 * 1024);
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect(width).toBeCloseTo(595.28, 1);
    expect(height).toBeCloseTo(841.89, 1);
    // The page is now one picture of the scan at a ladder step (200 down to 100 dpi within A4's
    // margins, some 7 in at least, but never finer than the scan's own 1240 px), the right way up.
    const images = await pageImages(bytes, 1);
    expect(images).toHaveLength(1);
    expect(images[0].width).toBeLessThanOrEqual(1240);
    expect(images[0].width).toBeGreaterThan(650);
    expect(await darkCorner('scan-tight.pdf', 1)).toBe('top-left');
  });

  it("keeps the file's page choice, the pages' own /Rotate and the user's rotation", async () => {
    const file = await scanPdf('scan-rotated.pdf', [
      // Stored landscape with /Rotate 90: shown portrait, block at the top right.
      { size: [841.89, 595.28], rotate: 90 },
      { size: [595.28, 841.89] },
      { size: [595.28, 841.89] },
    ]);
    const project = () => {
      const p = testProject({ 'business-licence': [{ file }] });
      const ref = p.doc.materials['business-licence'].files[0];
      ref.pages = 3;
      ref.pageOrder = [2, 0];
      ref.pageRotate = { '2': 90 };
      return p;
    };
    const asIs = await exportPdf('rotated-as-is', project(), packWithCap(undefined));
    expect(asIs.length).toBeGreaterThan(1400 * 1024);
    const tight = await exportPdf('rotated-tight', project(), packWithCap(1400));
    expect(tight.length).toBeLessThanOrEqual(1400 * 1024);
    const [before, after] = await Promise.all([PDFDocument.load(asIs), PDFDocument.load(tight)]);
    expect(after.getPageCount()).toBe(2);
    for (let i = 0; i < 2; i++) {
      const a = before.getPage(i);
      const b = after.getPage(i);
      expect([b.getWidth(), b.getHeight(), b.getRotation().angle]).toEqual([a.getWidth(), a.getHeight(), 0]);
      expect(await darkCorner('rotated-tight.pdf', i + 1)).toBe(await darkCorner('rotated-as-is.pdf', i + 1));
    }
    // Page 3 turned a quarter clockwise: landscape, block at the top right; page 1 upright portrait.
    expect(after.getPage(0).getWidth()).toBeGreaterThan(after.getPage(0).getHeight());
    expect(await darkCorner('rotated-tight.pdf', 1)).toBe('top-right');
    expect(after.getPage(1).getHeight()).toBeGreaterThan(after.getPage(1).getWidth());
    expect(await darkCorner('rotated-tight.pdf', 2)).toBe('top-right');
  });

  it('rebuilds the scan and keeps a born-digital PDF of the same material as text', async () => {
    const project = testProject({ 'business-licence': [{ file: scan }, { file: corpus('links-internal-4p.pdf') }] });
    const bytes = await exportPdf('mixed', project, packWithCap(700));
    expect(bytes.length).toBeLessThanOrEqual(700 * 1024);
    const texts = pageTexts(path.join(dir, 'mixed.pdf'));
    expect(texts).toHaveLength(5);
    expect(texts[0].trim()).toBe('');
    const digital = execFileSync('pdftotext', ['-layout', corpus('links-internal-4p.pdf'), '-'], { encoding: 'utf8' });
    expect(digital.trim().length).toBeGreaterThan(0);
    for (const line of digital
      .split('\n')
      .filter((l) => l.trim() !== '')
      .slice(0, 3)) {
      expect(texts.slice(1).join('\n')).toContain(line.trim());
    }
  });
});

describeCorpus('looksScanned', () => {
  const scanned = async (file: string) => {
    const pdf = await loadPdf(new Uint8Array(readFileSync(file)), path.basename(file));
    return looksScanned(
      pdf,
      pdf.pageRefs.map((_, i) => i),
    );
  };

  it('tells scans from born-digital files, page by page', async () => {
    expect(await scanned(await scanPdf('scan-2p.pdf', [{ size: [595, 842] }, { size: [595, 842] }]))).toBe(true);
    // A 1-bit CCITT scan from pdf.js's test files.
    expect(await scanned(corpus('rotated-270-a5-landscape.pdf'))).toBe(true);
    // Most of its bytes are one picture, on one page of nineteen pages of text.
    expect(await scanned(corpus('plain-us_constitution-19p.pdf'))).toBe(false);
    expect(await scanned(corpus('cjk-ja-embedded-cid.pdf'))).toBe(false);
    expect(await scanned(corpus('forms-pdflib-sample_form.pdf'))).toBe(false);
  });
});
