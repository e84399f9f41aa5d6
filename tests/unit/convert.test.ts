/**
 * WebP, TIFF (single and multi-page) and GIF are converted on import: the vault keeps JPEG, PNG or
 * PDF as designed, photos are upright, scans keep their paper size, and files sharp cannot read
 * still get one clear message with the project unchanged.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { PDFDocument } from 'pdf-lib';
import { convertForImport, isLosslessWebp, renamed } from '../../src/core/images/convert';
import { sniff } from '../../src/core/fs/sniff';
import { addFiles, createProject, openProject, readVaultFile } from '../../src/core/project/store';
import { storeLibraryDocument, type ProfileStore } from '../../src/core/profiles/store';
import { bindProject } from '../../src/core/workspace/workspace';
import { builtInRulesDir } from '../../src/core/rules/loader';
import { UserError } from '../../src/core/errors';
import { runInProcess } from '../support/cli';
import * as bad from '../fixtures/bad-inputs';
import { createElement, type Context, type FunctionComponent } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { FileRef } from '../../src/core/model/schemas/project';
import type { ProjectView } from '../../src/shared/ipc';
import type { MaterialRule } from '../../src/core/model/schemas/rules';

const MATERIAL = 'business-licence';
const A4 = { width: 595.28, height: 841.89 };
const CJK = /[\u4e00-\u9fff]/;

let work: string;
const inputs = {} as Record<
  'photoWebp' | 'alphaWebp' | 'scanTiff' | 'grayTiff' | 'gif' | 'corruptWebp' | 'bmp' | 'hugeTiff',
  Uint8Array
>;

/** Deterministic noise: a photo-like image that a lossless coder cannot shrink. */
function noise(width: number, height: number, channels: number, seed = 7): Buffer {
  const data = Buffer.alloc(width * height * channels);
  for (let i = 0; i < data.length; i++) data[i] = (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff;
  return data;
}

/** 400 × 300 grey pixels, a horizontal ramp. */
function gradientPixels(): Buffer {
  const gradient = Buffer.alloc(400 * 300);
  for (let i = 0; i < gradient.length; i++) gradient[i] = (i % 400) >> 1;
  return gradient;
}

/** A 300-dpi A4 page, white, with a black bar whose height marks the page number. */
function scanPage(number: number): Buffer {
  const [width, height] = [2480, 3508];
  const data = Buffer.alloc(width * height, 255);
  for (let y = 300; y < 300 + 100 * number; y++) data.fill(0, y * width + 200, y * width + 1200);
  return data;
}

/** A TIFF header claiming 100 000 × 100 000 pixels in a few hundred bytes. */
function gigapixelTiff(): Uint8Array {
  const entries: Array<[number, number, number]> = [
    [256, 4, 100_000], // ImageWidth (LONG)
    [257, 4, 100_000], // ImageLength
    [258, 3, 1], // BitsPerSample (SHORT)
    [259, 3, 1], // Compression: none
    [262, 3, 0], // Photometric: white is zero
    [273, 4, 200], // StripOffsets
    [278, 4, 100_000], // RowsPerStrip
    [279, 4, 16], // StripByteCounts
  ];
  const out = Buffer.alloc(256);
  out.write('II*\0', 0, 'latin1');
  out.writeUInt32LE(8, 4);
  out.writeUInt16LE(entries.length, 8);
  entries.forEach(([tag, type, value], i) => {
    const at = 10 + i * 12;
    out.writeUInt16LE(tag, at);
    out.writeUInt16LE(type, at + 2);
    out.writeUInt32LE(1, at + 4);
    if (type === 3) out.writeUInt16LE(value, at + 8);
    else out.writeUInt32LE(value, at + 8);
  });
  return new Uint8Array(out);
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const ctx = { rulesDirs: { builtIn: builtInRulesDir() }, today: '2026-11-23', locale: 'zh-CN' as const };

async function newProject(name: string): Promise<string> {
  const dir = join(await mkdtemp(join(work, 'p-')), name);
  await createProject(dir, { ruleId: 'icp-filing-enterprise', ruleVersion: '1', name });
  return dir;
}

async function input(name: string, bytes: Uint8Array): Promise<string> {
  const file = join(work, name);
  await writeFile(file, bytes);
  return file;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'matprep-convert-'));
  // A landscape phone photo whose EXIF says "turn 90° clockwise" (orientation 6).
  inputs.photoWebp = await sharp(noise(300, 200, 3), { raw: { width: 300, height: 200, channels: 3 } })
    .webp({ quality: 80 })
    .withMetadata({ orientation: 6 })
    .toBuffer();
  inputs.alphaWebp = await sharp(noise(120, 80, 4, 11), { raw: { width: 120, height: 80, channels: 4 } })
    .webp({ lossless: true })
    .toBuffer();
  const pages = Buffer.concat([scanPage(1), scanPage(2), scanPage(3)]);
  inputs.scanTiff = await sharp(pages, { raw: { width: 2480, height: 3508 * 3, channels: 1, pageHeight: 3508 } })
    .toColourspace('b-w')
    .tiff({ compression: 'ccittfax4', bitdepth: 1, xres: 300 / 25.4, yres: 300 / 25.4, resolutionUnit: 'inch' })
    .toBuffer();
  inputs.grayTiff = await sharp(gradientPixels(), { raw: { width: 400, height: 300, channels: 1 } })
    .toColourspace('b-w')
    .tiff({ compression: 'lzw' })
    .toBuffer();
  // Two frames: dark red, then blue.
  const frames = Buffer.concat([Buffer.alloc(100 * 50 * 3), Buffer.alloc(100 * 50 * 3)]);
  for (let i = 0; i < 100 * 50; i++) frames.set([200, 0, 0], i * 3);
  for (let i = 100 * 50; i < 2 * 100 * 50; i++) frames.set([0, 0, 220], i * 3);
  inputs.gif = await sharp(frames, { raw: { width: 100, height: 100, channels: 3, pageHeight: 50 } })
    .gif()
    .toBuffer();
  // A WebP whose image data is overwritten after its headers (a broken download).
  const broken = Buffer.from(inputs.photoWebp);
  broken.fill(0x5a, 64);
  inputs.corruptWebp = broken;
  inputs.bmp = new Uint8Array(Buffer.concat([Buffer.from('BM'), Buffer.alloc(120, 1)]));
  inputs.hugeTiff = gigapixelTiff();
});

describe('convertForImport', () => {
  it('PDF, JPEG and PNG pass through untouched', async () => {
    const png = await bad.png();
    const out = await convertForImport(png, '执照.png');
    expect(out).toEqual({ bytes: png, name: '执照.png', mediaType: 'image/png' });
  });

  it('a lossy WebP photo becomes an upright JPEG', async () => {
    const out = await convertForImport(inputs.photoWebp, '微信图片.webp');
    expect(sniff(out.bytes)).toEqual({ kind: 'supported', mediaType: 'image/jpeg' });
    expect(out).toMatchObject({ name: '微信图片.jpg', mediaType: 'image/jpeg', convertedFrom: 'webp' });
    const meta = await sharp(out.bytes).metadata();
    // Orientation 6 turns 300×200 into 200×300, and the pixels are turned, not tagged.
    expect([meta.width, meta.height]).toEqual([200, 300]);
    expect(meta.orientation ?? 1).toBe(1);
    expect(meta.chromaSubsampling).toBe('4:4:4');
  });

  it('a lossless WebP with alpha becomes a PNG with the same pixels', async () => {
    const out = await convertForImport(inputs.alphaWebp, 'logo.webp');
    expect(out).toMatchObject({ name: 'logo.png', mediaType: 'image/png', convertedFrom: 'webp' });
    const [before, after] = await Promise.all(
      [inputs.alphaWebp, out.bytes].map((b) => sharp(b).ensureAlpha().raw().toBuffer()),
    );
    expect(after.equals(before)).toBe(true);
  });

  it('a 3-page bilevel TIFF at 300 dpi becomes one A4 PDF, a 1-bit image per page', async () => {
    const out = await convertForImport(inputs.scanTiff, '扫描件.tif');
    expect(out).toMatchObject({ name: '扫描件.pdf', mediaType: 'application/pdf', convertedFrom: 'tiff' });
    expect(sniff(out.bytes)).toEqual({ kind: 'supported', mediaType: 'application/pdf' });
    const pdf = await PDFDocument.load(out.bytes);
    expect(pdf.getPageCount()).toBe(3);
    for (const page of pdf.getPages()) {
      expect(page.getWidth()).toBeCloseTo(A4.width, 0);
      expect(page.getHeight()).toBeCloseTo(A4.height, 0);
    }
    const file = await input('scan.pdf', out.bytes);
    const list = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(list).toHaveLength(3);
    // page num type width height color comp bpc
    for (const row of list) expect(row.trim().split(/\s+/).slice(3, 8)).toEqual(['2480', '3508', 'gray', '1', '1']);
    // Pages in order: page 3's bar (300 px tall at 300 dpi) is 3× page 1's; rendered at 72 dpi, 72 vs 24 rows.
    const dark = async (n: number) => {
      const png = execFileSync('pdftoppm', ['-png', '-r', '72', '-f', `${n}`, '-l', `${n}`, file]);
      const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
      let rows = 0;
      for (let y = 0; y < info.height; y++) if (data[y * info.width + 120] < 128) rows++;
      return rows;
    };
    expect(await dark(1)).toBeCloseTo(24, -1);
    expect(await dark(3)).toBeCloseTo(72, -1);
  });

  it('the converted PDF is the same bytes every time (no dates), so a re-import is stored once', async () => {
    const [a, b] = await Promise.all([1, 2].map(() => convertForImport(inputs.scanTiff, 'a.tif')));
    expect(sha(a.bytes)).toBe(sha(b.bytes));
  });

  it('multi-page TIFFs without a recorded resolution are read at 200 dpi; grey stays 8-bit grey, colour is JPEG', async () => {
    const gray = await sharp(Buffer.concat([gradientPixels(), gradientPixels()]), {
      raw: { width: 400, height: 600, channels: 1, pageHeight: 300 },
    })
      .toColourspace('b-w')
      .tiff({ compression: 'lzw' })
      .toBuffer();
    const colour = await sharp(noise(400, 600, 3), { raw: { width: 400, height: 600, channels: 3, pageHeight: 300 } })
      .tiff({ compression: 'jpeg' })
      .toBuffer();
    for (const [bytes, kind] of [
      [gray, ['gray', '1', '8', 'image']],
      [colour, ['rgb', '3', '8', 'jpeg']],
    ] as const) {
      const out = await convertForImport(bytes, 'x.tif');
      const pdf = await PDFDocument.load(out.bytes);
      expect(pdf.getPageCount()).toBe(2);
      // 400 × 300 px at 200 dpi: 144 × 108 pt.
      expect([pdf.getPage(1).getWidth(), pdf.getPage(1).getHeight()]).toEqual([144, 108]);
      const file = await input('x.pdf', out.bytes);
      const rows = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
      expect(rows).toHaveLength(2);
      for (const row of rows) expect(row.trim().split(/\s+/).slice(5, 9)).toEqual(kind);
    }
  });

  it('a TIFF cut off halfway: image.convertFailed naming the file and the format', async () => {
    const cut = inputs.grayTiff.subarray(0, inputs.grayTiff.length >> 1);
    const error = await convertForImport(cut, '扫描.tif').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'image.convertFailed', params: { file: '扫描.tif', format: 'TIFF' } });
    expect((error as UserError).format('zh-CN')).toContain('“扫描.tif”是 TIFF 图片');
  });

  it('a single-page grey TIFF becomes a grey PNG', async () => {
    const out = await convertForImport(inputs.grayTiff, '盖章页.TIFF');
    expect(out).toMatchObject({ name: '盖章页.png', mediaType: 'image/png', convertedFrom: 'tiff' });
    const meta = await sharp(out.bytes).metadata();
    expect([meta.width, meta.height, meta.channels]).toEqual([400, 300, 1]);
  });

  it('an animated GIF becomes a PNG of its first frame', async () => {
    const out = await convertForImport(inputs.gif, '动图.gif');
    expect(out).toMatchObject({ name: '动图.png', mediaType: 'image/png', convertedFrom: 'gif' });
    const { data, info } = await sharp(out.bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([100, 50]);
    expect([...data.subarray(0, 3)]).toEqual([200, 0, 0]);
  });

  it('a gigapixel TIFF is refused from its header like a gigapixel PNG', async () => {
    const error = await convertForImport(inputs.hugeTiff, 'bomb.tif').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'image.tooLarge', params: { file: 'bomb.tif' } });
  });

  it('names: the extension is replaced, or added when there is none', () => {
    expect(renamed('扫描件.tif', 'pdf')).toBe('扫描件.pdf');
    expect(renamed('IMG.2026.01.webp', 'jpg')).toBe('IMG.2026.01.jpg');
    expect(renamed('scan', 'pdf')).toBe('scan.pdf');
  });

  it('lossless WebP is told from lossy by its chunks, including extended (EXIF) files', () => {
    expect(isLosslessWebp(inputs.alphaWebp)).toBe(true);
    expect(isLosslessWebp(inputs.photoWebp)).toBe(false);
    expect(Buffer.from(inputs.photoWebp.subarray(12, 16)).toString('latin1')).toBe('VP8X');
  });
});

describe('import converts (addFiles, the profile library, the CLI)', () => {
  it('stores converted bytes, records the conversion, leaves the original alone and binds', async () => {
    const dir = await newProject('转换测试');
    const photo = await input('照片.webp', inputs.photoWebp);
    const scan = await input('营业执照扫描.tiff', inputs.scanTiff);
    const project = await addFiles(dir, MATERIAL, [{ path: photo }, { path: scan }]);
    const [jpeg, pdf] = project.doc.materials[MATERIAL].files;
    expect(jpeg).toMatchObject({
      name: '照片.jpg',
      originalName: '照片.webp',
      convertedFrom: 'webp',
      mediaType: 'image/jpeg',
      width: 200,
      height: 300,
    });
    expect(pdf).toMatchObject({
      name: '营业执照扫描.pdf',
      originalName: '营业执照扫描.tiff',
      convertedFrom: 'tiff',
      mediaType: 'application/pdf',
      pages: 3,
    });
    const stored = await readVaultFile(dir, jpeg);
    expect(sniff(stored)).toEqual({ kind: 'supported', mediaType: 'image/jpeg' });
    expect(jpeg.size).toBe(stored.byteLength);
    expect(sniff(await readVaultFile(dir, pdf))).toEqual({ kind: 'supported', mediaType: 'application/pdf' });
    expect(sha(await readFile(photo))).toBe(sha(inputs.photoWebp));
    // The document on disk round-trips the new fields.
    expect((await openProject(dir)).doc.materials[MATERIAL].files[1].convertedFrom).toBe('tiff');

    const bound = await bindProject(dir, ctx, { output: join(dir, 'out', 'packet.pdf'), allowIncomplete: true });
    expect(bound.kind).toBe('written');
    if (bound.kind !== 'written') return;
    const packet = await PDFDocument.load(await readFile(bound.result.output));
    // Cover and 目录, the photo, then the three scan pages at A4.
    expect(packet.getPageCount()).toBe(2 + 1 + 3);
    for (const page of packet.getPages().slice(3)) {
      expect(page.getWidth()).toBeCloseTo(A4.width, 0);
      expect(page.getHeight()).toBeCloseTo(A4.height, 0);
    }
  }, 60_000);

  it('a library document converts too, and keeps the conversion when copied from a project', async () => {
    const libraryDir = await mkdtemp(join(work, 'lib-'));
    const ps = { libraryDir } as ProfileStore;
    const doc = await storeLibraryDocument(ps, MATERIAL, { name: '执照.gif', bytes: inputs.gif });
    expect(doc).toMatchObject({
      name: '执照.png',
      originalName: '执照.gif',
      convertedFrom: 'gif',
      mediaType: 'image/png',
    });
    const stored = new Uint8Array(await readFile(join(libraryDir, 'vault', doc.sha256)));
    expect(sniff(stored)).toEqual({ kind: 'supported', mediaType: 'image/png' });
    // Already-converted bytes (from a project's vault) keep what the first import recorded.
    const copy = await storeLibraryDocument(ps, MATERIAL, {
      name: doc.name,
      bytes: stored,
      convertedFrom: 'gif',
      originalName: '执照.gif',
    });
    expect(copy).toMatchObject({ sha256: doc.sha256, convertedFrom: 'gif', originalName: '执照.gif' });
  });

  const refused = [
    {
      what: 'a corrupt WebP',
      name: '损坏的截图.webp',
      make: () => inputs.corruptWebp,
      code: 'image.convertFailed',
      says: 'WebP',
    },
    {
      what: 'a BMP',
      name: '旧扫描.bmp',
      make: () => inputs.bmp,
      code: 'file.unsupported.bmp',
      says: '另存为 PNG 或 JPG',
    },
    { what: 'a HEIC photo', name: 'IMG_0001.HEIC', make: bad.heic, code: 'file.unsupported.heic', says: '兼容性最佳' },
  ];
  for (const c of refused) {
    it(`${c.what}: ${c.code}, one line naming the file, matprep.json byte-identical`, async () => {
      const dir = await newProject('拒绝测试');
      const before = await readFile(join(dir, 'matprep.json'), 'utf8');
      const vault = await readdir(join(dir, 'vault'));
      const error = await addFiles(dir, MATERIAL, [{ path: await input(c.name, c.make()) }]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).code).toBe(c.code);
      const message = (error as UserError).format('zh-CN');
      expect(message.split('\n')).toHaveLength(1);
      expect(message).toContain(c.name);
      expect(message).toContain(c.says);
      expect(message).toMatch(CJK);
      expect(await readFile(join(dir, 'matprep.json'), 'utf8')).toBe(before);
      expect(await readdir(join(dir, 'vault'))).toEqual(vault);
    });
  }

  it('matprep add converts a multi-page TIFF', async () => {
    const dir = await newProject('命令行');
    const run = await runInProcess('add', dir, MATERIAL, await input('多页扫描.tif', inputs.scanTiff));
    expect(run.code).toBe(0);
    const doc = JSON.parse(await readFile(join(dir, 'matprep.json'), 'utf8'));
    expect(doc.materials[MATERIAL].files[0]).toMatchObject({
      name: '多页扫描.pdf',
      convertedFrom: 'tiff',
      mediaType: 'application/pdf',
      pages: 3,
    });
  }, 30_000);
});

describe('the file list says a file was converted', () => {
  // .tsx modules: vitest compiles them, but this tsconfig has no JSX, so they are imported by a computed path.
  const renderer = '../../src/renderer/src';
  let FileList: FunctionComponent<Record<string, unknown>>;
  let LocaleContext: Context<string>;
  beforeAll(async () => {
    ({ FileList } = await import(`${renderer}/components/FileList.tsx`));
    ({ LocaleContext } = await import(`${renderer}/lib/i18n.tsx`));
  });
  const file = (over: Partial<FileRef>): FileRef => ({
    id: 'f1',
    sha256: 'a'.repeat(64),
    name: '照片.jpg',
    size: 2048,
    mediaType: 'image/jpeg',
    addedAt: '2026-11-23T00:00:00.000Z',
    rotate: 0,
    ...over,
  });
  const render = (locale: 'zh-CN' | 'en', files: FileRef[]) =>
    renderToStaticMarkup(
      createElement(
        LocaleContext.Provider,
        { value: locale },
        createElement(FileList, {
          view: { dir: '/p', report: { materials: [] } } as unknown as ProjectView,
          material: { id: MATERIAL, title: '营业执照' } as MaterialRule,
          files,
          mutate: async () => {},
          onView: () => {},
        }),
      ),
    );

  it('names both formats in either language, and nothing for an unconverted file', () => {
    const converted = file({ convertedFrom: 'webp', originalName: '照片.webp' });
    expect(render('zh-CN', [converted])).toContain('已由 WebP 转换为 JPG');
    expect(render('en', [converted])).toContain('Converted from WebP to JPG');
    expect(render('zh-CN', [file({ convertedFrom: 'gif', mediaType: 'image/png' })])).toContain('只保留第一帧');
    expect(render('zh-CN', [file({})])).not.toContain('转换');
  });

  it('counts pages in the language’s plural forms', () => {
    const pdf = (pages: number) => file({ name: 'a.pdf', mediaType: 'application/pdf', pages });
    expect(render('en', [pdf(1)])).toContain('>1 page ·');
    expect(render('en', [pdf(3)])).toContain('3 pages');
    expect(render('zh-CN', [pdf(1)])).toContain('1 页');
  });
});
