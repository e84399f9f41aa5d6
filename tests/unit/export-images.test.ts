/**
 * `exportAs: images`: every page a material contributes to the packet leaves as one JPEG — photos as
 * they are, PDF pages rendered with their page choice, rotation and watermark — for upload portals
 * that take only JPG/PNG.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import sharp from 'sharp';
import { beforeAll, expect, it } from 'vitest';
import type { BindOptions } from '../../src/core/model/schemas/bind-options';
import { builtInRulesDir, listRulePacks } from '../../src/core/rules/loader';
import type { RulePack } from '../../src/core/model/schemas/rules';
import { exportProjectZip, testProject, testRulePack, type TestFile, type TestProject } from '../fixtures/packet';
import { corpus, describeCorpus } from '../support/corpus';

const dir = mkdtempSync(path.join(tmpdir(), 'matprep-export-images-'));

/**
 * A 3-page A4 PDF (595×842 pt): each page has its number as big text in the top-left corner and a
 * black bar along its top edge, so which page it is and which way up it is show in the pixels.
 */
async function numberedPdf(): Promise<string> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.HelveticaBold);
  for (const label of ['PAGE 1', 'PAGE 2', 'PAGE 3']) {
    const page = doc.addPage([595, 842]);
    page.drawText(label, { x: 60, y: 700, size: 72, font, color: rgb(0, 0, 0) });
    page.drawRectangle({ x: 0, y: 822, width: 595, height: 20, color: rgb(0, 0, 0) });
  }
  const file = path.join(dir, 'scan.pdf');
  writeFileSync(file, await doc.save());
  return file;
}

/** The test pack with `exportAs: images` on the 营业执照 and 身份证 rules; the watermark on 营业执照 too. */
function imagesPack(): RulePack {
  const pack = testRulePack();
  pack.materials = pack.materials.map((m) =>
    m.id === 'business-licence'
      ? { ...m, exportAs: 'images', watermark: '仅供{purpose}使用' }
      : m.id === 'legal-rep-id'
        ? { ...m, exportAs: 'images' }
        : m,
  );
  return pack;
}

async function exportZip(
  name: string,
  project: TestProject,
  pack: RulePack,
  options: Partial<BindOptions> = {},
): Promise<Record<string, Uint8Array>> {
  const { result, files } = await exportProjectZip(project, pack, options, path.join(dir, name));
  expect(result.files.map((f) => f.name).sort()).toEqual(Object.keys(files).sort());
  return files;
}

/** Darkest grey level and mean in a region given as fractions of the image. */
async function region(
  jpeg: Uint8Array,
  box: { left: number; top: number; width: number; height: number },
): Promise<{ min: number; mean: number }> {
  const { width = 1, height = 1 } = await sharp(jpeg).metadata();
  // Raw pixels, not sharp's stats(): those describe the input, before extract.
  const pixels = await sharp(jpeg)
    .extract({
      left: Math.round(box.left * width),
      top: Math.round(box.top * height),
      width: Math.round(box.width * width),
      height: Math.round(box.height * height),
    })
    .greyscale()
    .raw()
    .toBuffer();
  let min = 255;
  let sum = 0;
  for (const value of pixels) {
    min = Math.min(min, value);
    sum += value;
  }
  return { min, mean: sum / pixels.length };
}

/** A project with the numbered PDF (page 2 removed, page 3 first and turned 90°) and two ID photos with parts. */
async function projectWithChoice(extra: Record<string, TestFile[]> = {}): Promise<TestProject> {
  const project = testProject({
    'business-licence': [{ file: await numberedPdf() }],
    'legal-rep-id': [
      { file: corpus('img-exif-landscape-o3.jpg'), part: 'front' },
      { file: corpus('img-exif-portrait-o6.jpg'), part: 'back' },
    ],
    ...extra,
  });
  const pdf = project.doc.materials['business-licence'].files[0];
  pdf.pages = 3;
  pdf.pageOrder = [2, 0];
  pdf.pageRotate = { '2': 90 };
  return project;
}

describeCorpus('exportAs: images', () => {
  let files: Record<string, Uint8Array>;
  let unmarked: Record<string, Uint8Array>;

  beforeAll(async () => {
    const pack = imagesPack();
    const extra = { commitment: [{ file: corpus('links-internal-4p.pdf') }] };
    files = await exportZip('images.zip', await projectWithChoice(extra), pack);
    unmarked = await exportZip('unmarked.zip', await projectWithChoice(), pack, { watermark: false });
  });

  it('names one JPEG per bound page: numbered, or by part; other materials unchanged', () => {
    expect(Object.keys(files).sort()).toEqual(
      [
        '营业执照-1.jpg',
        '营业执照-2.jpg',
        '法人身份证-正面.jpg',
        '法人身份证-反面.jpg',
        // No exportAs: a PDF stays a PDF, as before.
        '网站备案信息真实性承诺书.pdf',
      ].sort(),
    );
  });

  it('writes JPEGs within the caps that decode', async () => {
    for (const [name, bytes] of Object.entries(files)) {
      if (!name.endsWith('.jpg')) continue;
      const meta = await sharp(bytes).metadata();
      expect(meta.format, name).toBe('jpeg');
      const cap = name.startsWith('营业执照') ? 2048 : 1024;
      expect(bytes.length, name).toBeLessThanOrEqual(cap * 1024);
    }
  });

  it('renders the chosen pages in the chosen order, turned as chosen', async () => {
    // Page 3 turned a quarter clockwise: landscape, its top bar now down the right edge.
    const first = await sharp(files['营业执照-1.jpg']).metadata();
    expect(first.width!).toBeGreaterThan(first.height!);
    expect(
      (await region(files['营业执照-1.jpg'], { left: 0.985, top: 0.1, width: 0.01, height: 0.8 })).mean,
    ).toBeLessThan(40);
    // Page 1 as it is: portrait, 200 dpi (A4 fits the content box, so it is scaled a little), bar on top.
    const second = await sharp(files['营业执照-2.jpg']).metadata();
    expect(second.height!).toBeGreaterThan(second.width!);
    expect(second.width!).toBeGreaterThan(1300);
    expect(second.width!).toBeLessThanOrEqual(Math.round((595 / 72) * 200));
    expect(
      (await region(files['营业执照-2.jpg'], { left: 0.1, top: 0.003, width: 0.8, height: 0.01 })).mean,
    ).toBeLessThan(40);
  });

  it('draws the page: dark text where the text is, white where nothing is', async () => {
    // "PAGE 1" at x 60-400 pt, baseline 700 pt of 842: the upper left of the page.
    const text = await region(unmarked['营业执照-2.jpg'], { left: 0.1, top: 0.1, width: 0.55, height: 0.08 });
    expect(text.min).toBeLessThan(40);
    expect(text.mean).toBeLessThan(200);
    const empty = await region(unmarked['营业执照-2.jpg'], { left: 0.1, top: 0.4, width: 0.8, height: 0.5 });
    expect(empty.min).toBeGreaterThan(245);
  });

  it("draws the material's watermark into rendered pages", async () => {
    const empty = await region(files['营业执照-2.jpg'], { left: 0.1, top: 0.4, width: 0.8, height: 0.5 });
    expect(empty.min).toBeLessThan(235);
    expect(empty.mean).toBeGreaterThan(200);
  });

  it('keeps ID photos upright in their own orientation', async () => {
    const front = await sharp(files['法人身份证-正面.jpg']).metadata();
    expect(front.width!).toBeGreaterThan(front.height!);
    const back = await sharp(files['法人身份证-反面.jpg']).metadata();
    const source = await sharp(readFileSync(corpus('img-exif-portrait-o6.jpg'))).metadata();
    const swap = (source.orientation ?? 1) >= 5;
    const uprightLandscape = swap ? source.height! > source.width! : source.width! > source.height!;
    expect(back.width! > back.height!).toBe(uprightLandscape);
  });
});

describeCorpus('exportAs: images with other inputs', () => {
  it('renders a page of an owner-password PDF', async () => {
    const project = testProject({ 'business-licence': [{ file: corpus('enc-owner-aes256-r6-30p.pdf') }] });
    const file = project.doc.materials['business-licence'].files[0];
    file.pages = 30;
    file.pageOrder = [0];
    const files = await exportZip('owner.zip', project, imagesPack(), { watermark: false });
    expect(Object.keys(files)).toEqual(['营业执照.jpg']);
    const stats = await sharp(files['营业执照.jpg']).greyscale().stats();
    // Ink on paper: some near-black pixels, mostly white.
    expect(stats.channels[0].min).toBeLessThan(60);
    expect(stats.channels[0].mean).toBeGreaterThan(180);
  });

  it('shrinks a rendered page to a tight cap', async () => {
    const pack = imagesPack();
    const project = testProject({ 'business-licence': [{ file: corpus('cjk-ja-embedded-cid.pdf') }] });
    const loose = await exportZip('loose.zip', project, pack, { watermark: false });
    // A page of dense text needs the ladder to fit 60 KB.
    expect(loose['营业执照.jpg'].length).toBeGreaterThan(60 * 1024);
    pack.materials[0] = { ...pack.materials[0], maxFileSizeKB: 60 };
    const files = await exportZip('tight.zip', project, pack, { watermark: false });
    expect(files['营业执照.jpg'].length).toBeLessThanOrEqual(60 * 1024);
    expect((await sharp(files['营业执照.jpg']).metadata()).format).toBe('jpeg');
  });

  it('names the part even of a lone ID photo, and numbers the pages of a file with a part', async () => {
    const project = testProject({
      'legal-rep-id': [{ file: corpus('img-exif-landscape-o1.jpg'), part: 'front' }],
      'business-licence': [{ file: corpus('rotated-90-5p.pdf'), part: 'front' }],
    });
    const file = project.doc.materials['business-licence'].files[0];
    file.pages = 5;
    file.pageOrder = [3, 4];
    const pack = imagesPack();
    pack.materials[0] = { ...pack.materials[0], parts: [{ id: 'front', title: '正本' }] };
    const files = await exportZip('parts.zip', project, pack, { watermark: false });
    expect(Object.keys(files).sort()).toEqual(
      ['法人身份证-正面.jpg', '营业执照-正本-1.jpg', '营业执照-正本-2.jpg'].sort(),
    );
  });

  it('exportAs: pdf keeps even a single photo a PDF', async () => {
    const pack = testRulePack();
    pack.materials[0] = { ...pack.materials[0], exportAs: 'pdf' };
    const project = testProject({ 'business-licence': [{ file: corpus('img-exif-landscape-o6.jpg') }] });
    const files = await exportZip('as-pdf.zip', project, pack);
    expect(Object.keys(files)).toEqual(['营业执照.pdf']);
    expect((await PDFDocument.load(files['营业执照.pdf'])).getPageCount()).toBe(1);
  });

  it('the built-in ICP备案 pack exports a scanned 营业执照 PDF and ID card sides as JPEGs', async () => {
    const { packs } = await listRulePacks({ builtIn: builtInRulesDir() });
    const pack = packs.find((p) => p.id === 'icp-filing-enterprise')!;
    const project = testProject({
      'business-licence': [{ file: corpus('rotated-90-5p.pdf') }],
      'legal-rep-id-card': [
        { file: corpus('img-exif-landscape-o1.jpg'), part: 'front' },
        { file: corpus('img-exif-landscape-o3.jpg'), part: 'back' },
      ],
    });
    const licence = project.doc.materials['business-licence'].files[0];
    licence.pages = 5;
    licence.pageOrder = [0];
    const files = await exportZip('icp.zip', project, pack);
    expect(Object.keys(files).sort()).toEqual(
      ['01-营业执照.jpg', '02-主体负责人身份证-正面（人像面）.jpg', '02-主体负责人身份证-反面（国徽面）.jpg'].sort(),
    );
    for (const bytes of Object.values(files)) expect(bytes.length).toBeLessThan(2048 * 1024);
  });
});
