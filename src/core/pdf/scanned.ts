/**
 * Whether a PDF is a scan, judged by what its bytes are: when most of what each bound page draws
 * with (content streams, fonts, images, nested forms) is image data, the file is a scan or photo
 * wrapped in a PDF. The export uses this to decide which inputs it may rebuild from rendered pages
 * when a material is over its size cap: a scan loses nothing by that, a born-digital file would
 * lose its selectable text and, being mostly text and vectors, would not even get smaller.
 */
import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, PDFStream, type PDFObject } from 'pdf-lib';
import type { LoadedPdf } from './load';

/** A page whose image bytes are at least this share of its bytes is a scanned page. */
const SCAN_SHARE = 0.5;
/** Objects looked at per file: a page's resources are a few dozen; a hostile file gets no further. */
const MAX_OBJECTS = 100_000;
/** /Resources inherited from at most this many /Pages levels up (load.ts refuses deeper trees too). */
const MAX_DEPTH = 64;

/**
 * True when every given page (0-based) that draws anything is mostly image data. Judged page by
 * page: a text document with one big picture on one page is not a scan, and a scan with a
 * typed cover sheet keeps its cover as text (the whole file stays as it is).
 */
export function looksScanned(pdf: LoadedPdf, pages: number[]): boolean {
  const budget = { objects: MAX_OBJECTS };
  let scanned = 0;
  for (const index of pages) {
    const { image, total } = pageBytes(pdf, index, budget);
    if (total === 0) continue; // a blank page says nothing either way
    if (image < total * SCAN_SHARE) return false;
    scanned++;
  }
  return scanned > 0;
}

/**
 * Bytes of the streams page `index` draws with (reachable from its /Contents and /Resources, shared
 * fonts counted for every page that uses them), and how many of them are images.
 */
export function pageBytes(pdf: LoadedPdf, index: number, budget = { objects: MAX_OBJECTS }): PageBytes {
  const { context } = pdf.doc;
  const page = context.lookup(pdf.pageRefs[index]);
  if (!(page instanceof PDFDict)) return { image: 0, total: 0 };
  const queue = [page.get(PDFName.of('Contents')), inherited(page, PDFName.of('Resources'))].filter(
    (item): item is PDFObject => item !== undefined,
  );
  const seen = new Set<PDFObject>();
  let image = 0;
  let total = 0;
  while (queue.length > 0 && budget.objects > 0) {
    const item = queue.pop()!;
    const object = item instanceof PDFRef ? context.lookup(item) : item;
    if (!object || seen.has(object)) continue;
    seen.add(object);
    budget.objects--;
    if (object instanceof PDFStream) {
      const size = object instanceof PDFRawStream ? object.contents.length : object.getContentsSize();
      total += size;
      if (object.dict.get(PDFName.of('Subtype')) === PDFName.of('Image')) image += size;
      queue.push(object.dict);
    } else if (object instanceof PDFDict) {
      // Only downwards: /Parent (and annotations' /P) would lead to every other page.
      for (const [key, value] of object.entries()) {
        if (key !== PDFName.of('Parent') && key !== PDFName.of('P')) queue.push(value);
      }
    } else if (object instanceof PDFArray) {
      queue.push(...object.asArray());
    }
  }
  return { image, total };
}

export interface PageBytes {
  image: number;
  total: number;
}

function inherited(page: PDFDict, key: PDFName): PDFObject | undefined {
  let node: PDFDict | undefined = page;
  for (let depth = 0; node && depth <= MAX_DEPTH; depth++) {
    const value = node.get(key);
    if (value) return value;
    const parent: PDFObject | undefined = node.lookup(PDFName.of('Parent'));
    node = parent instanceof PDFDict ? parent : undefined;
  }
  return undefined;
}
