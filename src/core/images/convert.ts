/**
 * Formats the binder cannot take but sharp can read — WebP (WeChat and web screenshots), TIFF
 * (office scanners, often several pages) and GIF — are converted once, on import, into PNG, JPEG
 * or PDF. The user's original is only read; the converted bytes are what the vault keeps, and the
 * file reference records `convertedFrom` so the file list can say so. HEIC and BMP stay refused:
 * the bundled libvips has no HEVC decoder and no BMP loader.
 */
import { deflateSync } from 'node:zlib';
import sharp, { type Metadata, type Sharp } from 'sharp';
import {
  PDFDocument,
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
  type PDFPage,
} from 'pdf-lib';
import { UserError } from '../errors';
import { foreignError, sniff, type ForeignType, type SupportedType } from '../fs/sniff';
import type { ConvertedFrom } from '../model/schemas/project';
import { MAX_IMAGE_PIXELS, imageError, limitImageMemory } from './prepare';

export interface ImportBytes {
  bytes: Uint8Array;
  /** The original name, or for a converted file the same base name with the new extension. */
  name: string;
  mediaType: SupportedType;
  convertedFrom?: ConvertedFrom;
}

/** JPEG quality for converted photos: high enough that a second encode at bind time shows nothing. */
const JPEG_QUALITY = 92;

/**
 * Scanners that record no resolution are usually set to 200 dpi (the common default for office
 * MFPs and what Chinese portals ask for); reading such a page at 72 dpi would make an A4 scan a
 * metre tall. Values below 50 dpi are placeholders (libtiff's "1 pixel per mm"), not scans.
 */
const ASSUMED_DPI = 200;
const MIN_PLAUSIBLE_DPI = 50;

const FORMAT_LABEL: Record<ConvertedFrom, string> = { webp: 'WebP', tiff: 'TIFF', gif: 'GIF' };

function isConvertible(type: ForeignType): type is ConvertedFrom {
  return type === 'webp' || type === 'tiff' || type === 'gif';
}

function open(bytes: Uint8Array, page = 0): Sharp {
  return sharp(bytes, { failOn: 'truncated', limitInputPixels: MAX_IMAGE_PIXELS, page });
}

/**
 * PDF/JPEG/PNG unchanged; WebP, TIFF and GIF converted (a GIF or animated WebP keeps only its first
 * frame: a document has no animation); anything else refused with its how-to-convert message.
 */
export async function convertForImport(bytes: Uint8Array, name: string): Promise<ImportBytes> {
  if (bytes.length === 0) throw new UserError('file.empty', { file: name });
  const sniffed = sniff(bytes);
  if (sniffed.kind === 'supported') return { bytes, name, mediaType: sniffed.mediaType };
  if (!isConvertible(sniffed.type)) throw foreignError(sniffed.type, name);
  const from = sniffed.type;
  limitImageMemory();
  try {
    const meta = await open(bytes).metadata();
    checkSize(meta, name);
    if (from === 'tiff' && (meta.pages ?? 1) > 1) {
      checkTiffTotals(meta, name);
      const pdf = await tiffToPdf(bytes, meta.pages!, name);
      return { bytes: pdf, name: renamed(name, 'pdf'), mediaType: 'application/pdf', convertedFrom: from };
    }
    const lossless = from === 'gif' || isDocumentLike(meta) || (from === 'webp' && isLosslessWebp(bytes));
    // autoOrient turns the pixels; the output carries no EXIF, so the stored image is upright as is.
    const image = open(bytes).autoOrient();
    if (lossless) {
      // sharp writes sRGB unless told otherwise; a grey scan stays one channel (a third of the pixels).
      const png = await (isGray(meta) ? image.toColourspace('b-w') : image).png().toBuffer();
      return { bytes: asBytes(png), name: renamed(name, 'png'), mediaType: 'image/png', convertedFrom: from };
    }
    const jpeg = await image
      .toColourspace('srgb')
      .jpeg({ quality: JPEG_QUALITY, chromaSubsampling: '4:4:4' })
      .toBuffer();
    return { bytes: asBytes(jpeg), name: renamed(name, 'jpg'), mediaType: 'image/jpeg', convertedFrom: from };
  } catch (error) {
    throw conversionError(error, name, from);
  }
}

/** `扫描件.tif` → `扫描件.pdf`; a name without an extension gets one. */
export function renamed(name: string, extension: string): string {
  return `${name.replace(/\.[A-Za-z0-9]{1,5}$/, '')}.${extension}`;
}

function asBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** Refuse from the header, before decoding, like a gigapixel PNG (see prepare.ts). */
function checkSize(meta: Metadata, name: string): void {
  const height = meta.pageHeight ?? meta.height;
  if (!meta.width || !height) throw new UserError('image.damaged', { file: name });
  if (meta.width * height > MAX_IMAGE_PIXELS) {
    throw new UserError('image.tooLarge', { file: name, megapixels: MAX_IMAGE_PIXELS / 1e6 });
  }
}

function isGray(meta: Metadata): boolean {
  return meta.space === 'b-w' || meta.space === 'grey16' || meta.channels === 1 || meta.channels === 2;
}

/** Alpha, palette, bilevel or grey: a document or diagram that a lossless format keeps crisp. */
function isDocumentLike(meta: Metadata): boolean {
  return meta.hasAlpha === true || meta.isPalette === true || isGray(meta);
}

/**
 * Whether a WebP holds lossless (VP8L) data. sharp does not say, so the RIFF chunks are read: a
 * simple file has VP8L or "VP8 " first; an extended one (VP8X) lists ICC/EXIF/ALPH chunks before it,
 * and an animated one nests it in its first ANMF frame (after the 16-byte frame header).
 */
export function isLosslessWebp(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fourcc = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  let at = 12;
  while (at + 8 <= bytes.length) {
    const id = fourcc(at);
    if (id === 'VP8L') return true;
    if (id === 'VP8 ') return false;
    if (id === 'ANMF') return fourcc(at + 8 + 16) === 'VP8L';
    at += 8 + view.getUint32(at + 4, true) + (view.getUint32(at + 4, true) % 2);
  }
  return false;
}

/** Pages of one TIFF: a few hundred scanned pages is a whole file cabinet. */
export const MAX_TIFF_PAGES = 300;
/**
 * Pixels of all pages of one TIFF (each page is decoded and re-encoded on import): ten pages at the
 * 100-megapixel limit, or about 115 A4 pages at 300 dpi. Pages may share one strip, so a small file
 * can stand for any number of full-size pages; this is what bounds the time an import takes.
 */
export const MAX_TIFF_PIXELS = 1_000_000_000;

function refuseTiffPixels(name: string): UserError {
  return new UserError('image.tooManyPixels', { file: name, limit: MAX_TIFF_PIXELS / 1e6 });
}

/** From the header: page count, and pages × the first page's pixels (pages of a scan share a size). */
function checkTiffTotals(meta: Metadata, name: string): void {
  const pages = meta.pages ?? 1;
  if (pages > MAX_TIFF_PAGES) throw new UserError('image.tooManyPages', { file: name, pages, limit: MAX_TIFF_PAGES });
  if (pages * (meta.width ?? 0) * (meta.pageHeight ?? meta.height ?? 0) > MAX_TIFF_PIXELS) throw refuseTiffPixels(name);
}

/** One PDF page per TIFF page, sized from the page's resolution, so an A4 scan stays A4. */
async function tiffToPdf(bytes: Uint8Array, pages: number, name: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  let pixels = 0;
  for (let index = 0; index < pages; index++) {
    const meta = await open(bytes, index).metadata();
    checkSize(meta, name);
    // Pages after the first may be larger than it: count each before decoding it.
    pixels += meta.width! * meta.height!;
    if (pixels > MAX_TIFF_PIXELS) throw refuseTiffPixels(name);
    // sharp reports the horizontal resolution only; square pixels are assumed (fax modes are rare now).
    const dpi = meta.density && meta.density >= MIN_PLAUSIBLE_DPI ? meta.density : ASSUMED_DPI;
    const upright = meta.autoOrient ?? { width: meta.width!, height: meta.height! };
    const page = pdf.addPage([(upright.width / dpi) * 72, (upright.height / dpi) * 72]);
    const image = open(bytes, index).autoOrient();
    if (isDocumentLike(meta)) await drawLossless(pdf, page, image, meta);
    else {
      const jpeg = await image
        .toColourspace('srgb')
        .jpeg({ quality: JPEG_QUALITY, chromaSubsampling: '4:4:4' })
        .toBuffer();
      const embedded = await pdf.embedJpg(jpeg);
      page.drawImage(embedded, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
    }
  }
  // Same writer settings as the binder (bind/write.ts); no dates, so one scan always gives the same bytes.
  return pdf.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false });
}

/**
 * A grey, bilevel or palette page as a Flate-compressed image (what a PNG holds, without pdf-lib's
 * PNG path, which would expand a grey scan to RGB and deflate it in JavaScript). A page whose grey
 * pixels are all black or white is stored at 1 bit per pixel: a 300-dpi A4 fax-style scan then
 * costs about 1 MB before compression instead of 8.
 */
async function drawLossless(pdf: PDFDocument, page: PDFPage, image: Sharp, meta: Metadata): Promise<void> {
  const colour = !isGray(meta);
  const flat = image.flatten({ background: '#ffffff' }).toColourspace(colour ? 'srgb' : 'b-w');
  const { data, info } = await flat.raw().toBuffer({ resolveWithObject: true });
  const channels = colour ? 3 : 1;
  // toColourspace leaves an extra band on some inputs; keep only the ones the PDF image declares.
  const pixels = info.channels === channels ? data : keepBands(data, info.channels, channels);
  const bilevel = !colour && pixels.every((v) => v === 0 || v === 255);
  const samples = bilevel ? packBits(pixels, info.width, info.height) : pixels;
  const stream = pdf.context.stream(deflateSync(samples), {
    Type: 'XObject',
    Subtype: 'Image',
    Width: info.width,
    Height: info.height,
    BitsPerComponent: bilevel ? 1 : 8,
    ColorSpace: colour ? 'DeviceRGB' : 'DeviceGray',
    Filter: 'FlateDecode',
  });
  const name = page.node.newXObject('Scan', pdf.context.register(stream));
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(page.getWidth(), 0, 0, page.getHeight(), 0, 0),
    drawObject(name),
    popGraphicsState(),
  );
}

function keepBands(data: Buffer, from: number, to: number): Buffer {
  const out = Buffer.alloc((data.length / from) * to);
  for (let i = 0, j = 0; i < data.length; i += from, j += to) data.copy(out, j, i, i + to);
  return out;
}

/** 8-bit black/white samples to PDF 1-bit DeviceGray (1 = white), rows padded to whole bytes. */
function packBits(pixels: Uint8Array, width: number, height: number): Uint8Array {
  const rowBytes = Math.ceil(width / 8);
  const out = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (pixels[y * width + x] !== 0) out[y * rowBytes + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  return out;
}

/** Too many pixels keeps its own message; anything else sharp cannot decode is a damaged file. */
function conversionError(error: unknown, name: string, from: ConvertedFrom): unknown {
  const mapped = imageError(error, name);
  if (mapped instanceof UserError && /^image\.too/.test(mapped.code)) return mapped;
  return new UserError('image.convertFailed', { file: name, format: FORMAT_LABEL[from] }, { cause: error });
}
