/**
 * Images on their way into a packet: upright (EXIF orientation plus the user's own rotation),
 * no bigger than the target DPI needs, alpha flattened on white, CMYK and 16-bit turned into
 * plain 8-bit sRGB (grey stays grey), and re-encoded as JPEG, which pdf-lib embeds without
 * re-decoding.
 */
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { UserError } from '../errors';

/** Decompression-bomb guard: more pixels than any scan or phone photo has. */
export const MAX_IMAGE_PIXELS = 100_000_000;

export interface ImageInfo {
  format: 'jpeg' | 'png';
  /** Size as displayed, i.e. after EXIF orientation. */
  width: number;
  height: number;
  gray: boolean;
}

export interface PreparedImage {
  jpeg: Uint8Array;
  width: number;
  height: number;
  gray: boolean;
}

export interface PrepareImageOptions {
  dpi: number;
  quality: number;
  /** Extra clockwise rotation chosen by the user. */
  rotate?: 0 | 90 | 180 | 270;
  /**
   * Turn an image that is landscape (after `rotate`) a quarter anticlockwise, like the binder's
   * `landscape: 'rotate'` does to PDF pages: it then fills a portrait page, top at the binding edge.
   */
  turnLandscape?: boolean;
  /** The box (in points) the image will fill, given its upright size in pixels. */
  box: (width: number, height: number) => { width: number; height: number };
}

/**
 * Every image is decoded once, so libvips' operation cache only holds memory; turning it off keeps
 * a bind of many photos within its memory budget. Idempotent; called by the binder and exporter.
 */
export function limitImageMemory(): void {
  sharp.cache(false);
}

function open(input: Uint8Array | string) {
  return sharp(input, { failOn: 'truncated', limitInputPixels: MAX_IMAGE_PIXELS });
}

/**
 * The largest JPEG DCT scale (1, 2, 4 or 8) at which the decoded image still has at least the
 * output's pixels (`width`×`height` fitted inside `maxWidth`×`maxHeight`): decoding at 1/2 costs
 * about half a full decode and loses nothing. libjpeg may round a scaled size down, hence floor.
 */
export function dctShrinkFor(width: number, height: number, maxWidth: number, maxHeight: number): 1 | 2 | 4 | 8 {
  const scale = Math.min(1, maxWidth / width, maxHeight / height);
  const outWidth = Math.round(width * scale);
  const outHeight = Math.round(height * scale);
  for (const shrink of [8, 4, 2] as const) {
    if (Math.floor(width / shrink) >= outWidth && Math.floor(height / shrink) >= outHeight) return shrink;
  }
  return 1;
}

/**
 * Run `work` on a sharp pipeline that decodes the JPEG at 1/`shrink` scale. sharp only shrinks on
 * load when the whole reduction is at least 3× (pipeline.cc guards against libjpeg rounding), and a
 * phone photo on A4 at 200 dpi needs about 2.1×; libvips' own `jpegload` `shrink` option is only
 * reachable through a file name ("photo.jpg[shrink=2]"), so the bytes go to a scratch file first.
 * A scratch file is a private copy in the temp folder, never an output, so no rename is needed.
 */
async function withDecodeShrink<T>(bytes: Uint8Array, shrink: number, work: (image: Sharp) => Promise<T>): Promise<T> {
  const base = tmpdir();
  await sweepStaleScratch(base);
  // A bracket in the path would be read as libvips options; such systems decode at full size.
  if (shrink === 1 || /[[\]]/.test(base)) return work(open(bytes));
  let dir: string | undefined;
  let file: string;
  try {
    dir = await mkdtemp(path.join(base, SCRATCH_PREFIX));
    file = path.join(dir, 'in.jpg');
    await writeFile(file, bytes);
  } catch {
    // A full or read-only temp folder costs speed, not the image.
    if (dir) await rm(dir, { recursive: true, force: true });
    return work(open(bytes));
  }
  try {
    return await work(open(`${file}[shrink=${shrink}]`));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const SCRATCH_PREFIX = 'matprep-img-';
/** A scratch folder lives for one image (well under a minute); anything older was left by a killed process. */
const STALE_SCRATCH_MS = 60 * 60 * 1000;
let swept = false;

/**
 * Scratch copies may be ID-card photos: remove those a killed process left behind, once per process.
 */
async function sweepStaleScratch(base: string): Promise<void> {
  if (swept) return;
  swept = true;
  const names = await readdir(base).catch(() => [] as string[]);
  const now = Date.now();
  for (const name of names.filter((n) => n.startsWith(SCRATCH_PREFIX))) {
    const dir = path.join(base, name);
    const info = await stat(dir).catch(() => undefined);
    if (info?.isDirectory() && now - info.mtimeMs > STALE_SCRATCH_MS) await rm(dir, { recursive: true, force: true });
  }
}

/** Translate sharp's failures into messages naming the file. */
export function imageError(error: unknown, name: string): unknown {
  if (error instanceof UserError) return error;
  const text = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(text))
    return new UserError('image.tooLarge', { file: name, megapixels: MAX_IMAGE_PIXELS / 1e6 });
  if (/unsupported image format/i.test(text)) return new UserError('image.unreadable', { file: name });
  return new UserError('image.damaged', { file: name }, { cause: error });
}

/** Format, upright size and colour from the header alone (cheap; does not prove the data is complete). */
async function readHeader(bytes: Uint8Array, name: string): Promise<ImageInfo & { alpha: boolean; srgb: boolean }> {
  const meta = await open(bytes).metadata();
  if (meta.format !== 'jpeg' && meta.format !== 'png') throw new UserError('image.unreadable', { file: name });
  if (!meta.width || !meta.height) throw new UserError('image.damaged', { file: name });
  if (meta.width * meta.height > MAX_IMAGE_PIXELS) {
    throw new UserError('image.tooLarge', { file: name, megapixels: MAX_IMAGE_PIXELS / 1e6 });
  }
  const swap = (meta.orientation ?? 1) >= 5;
  return {
    format: meta.format,
    width: swap ? meta.height : meta.width,
    height: swap ? meta.width : meta.height,
    gray: isGray(meta),
    alpha: meta.hasAlpha === true,
    srgb: meta.space === 'srgb' && !meta.icc && (meta.depth === undefined || meta.depth === 'uchar'),
  };
}

/** Format, upright size and colour of an image, after checking it decodes completely. */
export async function readImageInfo(bytes: Uint8Array, name: string): Promise<ImageInfo> {
  try {
    const { format, width, height, gray } = await readHeader(bytes, name);
    // A small decode reads every byte (JPEG shrinks on load), which is what finds truncation. A JPEG
    // that ends in its end-of-image marker is not truncated: sharp's `failOn: 'truncated'` fails on
    // nothing else a decode would find, and the decode costs ~55 ms of a phone photo's import. The
    // preparation for binding decodes it in full (failing the same way) right after the import.
    if (format !== 'jpeg' || !endsWithEoi(bytes)) await open(bytes).resize(64, 64, { fit: 'inside' }).raw().toBuffer();
    return { format, width, height, gray };
  } catch (error) {
    throw imageError(error, name);
  }
}

/** The JPEG's last marker is EOI (FF D9), allowing the zero or newline padding some writers add. */
export function endsWithEoi(bytes: Uint8Array): boolean {
  let end = bytes.length;
  while (
    end > 2 &&
    bytes.length - end < 64 &&
    (bytes[end - 1] === 0 || bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d)
  )
    end--;
  return end >= 4 && bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9;
}

function isGray(meta: Metadata): boolean {
  return (
    meta.space === 'b-w' || meta.space === 'grey16' || (!meta.isPalette && (meta.channels === 1 || meta.channels === 2))
  );
}

/** The image as an upright JPEG sized for its box at `dpi`. */
export async function prepareImage(
  bytes: Uint8Array,
  name: string,
  options: PrepareImageOptions,
): Promise<PreparedImage> {
  try {
    // The real decode below fails on truncation (failOn), so the header is enough here.
    const info = await readHeader(bytes, name);
    const chosen = options.rotate ?? 0;
    const landscape = chosen === 90 || chosen === 270 ? info.height > info.width : info.width > info.height;
    const rotate = options.turnLandscape && landscape ? (chosen + 270) % 360 : chosen;
    const quarter = rotate === 90 || rotate === 270;
    const upright = quarter ? { width: info.height, height: info.width } : { width: info.width, height: info.height };
    const box = options.box(upright.width, upright.height);
    const maxWidth = Math.max(1, Math.round((box.width / 72) * options.dpi));
    const maxHeight = Math.max(1, Math.round((box.height / 72) * options.dpi));

    const shrink = info.format === 'jpeg' ? dctShrinkFor(upright.width, upright.height, maxWidth, maxHeight) : 1;

    const { data, info: out } = await withDecodeShrink(bytes, shrink, (image) => {
      let pipeline = image.autoOrient();
      if (rotate) pipeline = pipeline.rotate(rotate);
      // Mitchell keeps scanned text crisp at about half Lanczos' cost.
      pipeline = pipeline.resize(maxWidth, maxHeight, { fit: 'inside', withoutEnlargement: true, kernel: 'mitchell' });
      if (info.alpha) pipeline = pipeline.flatten({ background: '#ffffff' });
      if (info.gray) pipeline = pipeline.toColourspace('b-w');
      else if (!info.srgb) pipeline = pipeline.toColourspace('srgb');
      // Plain Huffman tables: optimised ones save ~15 % of bytes but cost a second pass per photo.
      pipeline = pipeline.jpeg({ quality: options.quality, chromaSubsampling: '4:2:0', optimiseCoding: false });
      return pipeline.toBuffer({ resolveWithObject: true });
    });
    return {
      jpeg: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      width: out.width,
      height: out.height,
      gray: info.gray,
    };
  } catch (error) {
    throw imageError(error, name);
  }
}
