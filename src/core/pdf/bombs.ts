/**
 * Decompression-bomb limits for PDFs, checked on import (and again before pdf.js draws pages): a few
 * KB of Flate can stand for gigabytes, and an image's /Width × /Height tells a decoder how much to
 * allocate whatever the data holds. Every stream is measured by inflating it in small steps and
 * counting (nothing is kept), so measuring a bomb costs no more memory than a page of output.
 */
import { Unzlib } from 'fflate';
import { PDFArray, PDFName, PDFNumber, PDFRawStream, type PDFDocument } from 'pdf-lib';
import { UserError } from '../errors';
import { MAX_IMAGE_PIXELS } from '../images/prepare';

/** Inflated bytes of one stream that is not an image (content streams, fonts, forms): CJK fonts reach ~20 MB. */
export const MAX_STREAM_BYTES = 64 * 1024 * 1024;
/** Inflated bytes of one image: 100 megapixels at 4 bytes (CMYK, 8 bits), as for images. */
export const MAX_IMAGE_STREAM_BYTES = 4 * MAX_IMAGE_PIXELS;
/** Inflated bytes of all streams of one file. */
export const MAX_FILE_INFLATED_BYTES = 2 * 1024 * 1024 * 1024;
/** Pixels of all images of one file: about 570 A4 pages scanned at 300 dpi. */
export const MAX_FILE_PIXELS = 5_000_000_000;

/** Filters that expand data; ASCII hex/85 shrink it, image codecs are bounded by the pixel checks. */
const EXPANDING = new Set(['FlateDecode', 'Fl', 'LZWDecode', 'LZW', 'RunLengthDecode', 'RL']);
const FLATE = new Set(['FlateDecode', 'Fl']);
/** Input handed to the inflater per step: at most ~1 MB of output each (Flate's ratio is ≤ 1032). */
const STEP = 1024;

function filtersOf(stream: PDFRawStream): string[] {
  const filter = stream.dict.lookup(PDFName.of('Filter'));
  if (filter instanceof PDFName) return [filter.decodeText()];
  if (filter instanceof PDFArray) {
    return filter.asArray().flatMap((f) => {
      const item = stream.dict.context.lookup(f);
      return item instanceof PDFName ? [item.decodeText()] : [];
    });
  }
  return [];
}

function numberIn(stream: PDFRawStream, key: string): number {
  const value = stream.dict.lookup(PDFName.of(key));
  return value instanceof PDFNumber ? value.asNumber() : 0;
}

/** Inflated size of `data`, or `undefined` if it is not zlib data; stops counting past `limit`. */
function inflatedSize(data: Uint8Array, limit: number): number | undefined {
  let total = 0;
  const inflater = new Unzlib((chunk) => {
    total += chunk.length;
    if (total > limit) throw new RangeError('limit');
  });
  try {
    for (let at = 0; at < data.length; at += STEP) {
      inflater.push(data.subarray(at, at + STEP), at + STEP >= data.length);
    }
  } catch (error) {
    if (error instanceof RangeError && error.message === 'limit') return total;
    // Damaged Flate: pdf.js and the binder deal with damage; only size is judged here.
    return total > 0 ? total : undefined;
  }
  return total;
}

/** Refuse `doc` (named `name`) if any stream or image is past the limits above. */
export function assertNoBombs(doc: PDFDocument, name: string): void {
  let pixels = 0;
  let inflated = 0;
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const filters = filtersOf(object);
    const expanding = filters.filter((f) => EXPANDING.has(f));
    // No producer compresses twice; a chain of them is how a few KB become gigabytes.
    if (expanding.length > 1)
      throw new UserError('pdf.nestedCompression', { file: name, filters: expanding.join(' + ') });
    const image = object.dict.lookup(PDFName.of('Subtype')) === PDFName.of('Image');
    if (image) {
      const size = numberIn(object, 'Width') * numberIn(object, 'Height');
      if (size > MAX_IMAGE_PIXELS) {
        throw new UserError('pdf.imageTooLarge', {
          file: name,
          megapixels: Math.round(size / 1e6),
          limit: MAX_IMAGE_PIXELS / 1e6,
        });
      }
      pixels += size;
      if (pixels > MAX_FILE_PIXELS)
        throw new UserError('pdf.tooManyPixels', { file: name, limit: MAX_FILE_PIXELS / 1e6 });
    }
    // Measured when Flate is the first filter (the usual case); LZW/RunLength alone expand far less.
    if (!FLATE.has(filters[0] ?? '')) continue;
    const limit = Math.min(image ? MAX_IMAGE_STREAM_BYTES : MAX_STREAM_BYTES, MAX_FILE_INFLATED_BYTES - inflated);
    const size = inflatedSize(object.contents, limit) ?? 0;
    if (size > limit) {
      const whole = limit < (image ? MAX_IMAGE_STREAM_BYTES : MAX_STREAM_BYTES);
      throw new UserError('pdf.streamTooLarge', {
        file: name,
        limitMB: Math.round((whole ? MAX_FILE_INFLATED_BYTES : limit) / 1024 / 1024),
      });
    }
    inflated += size;
  }
}
