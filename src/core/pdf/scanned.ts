/**
 * Whether a PDF is a scan, judged by what its bytes are: when most of what each bound page draws
 * with (content streams, fonts, images, nested forms) is image data, the file is a scan or photo
 * wrapped in a PDF. The export uses this to decide which inputs it may rebuild from rendered pages
 * when a material is over its size cap: a scan loses nothing by that, a born-digital file would
 * lose its selectable text and, being mostly text and vectors, would not even get smaller.
 * `scanResolution` reads what a page paints, to render a scanned page no finer than the scan is.
 */
import {
  PDFArray,
  PDFDict,
  PDFFlateStream,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFStream,
  decodePDFRawStream,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';
import { operations, type Operand } from './content';
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

/** A page's images must cover this share of what is shown of it for the page to be one scan. */
const FULL_PAGE = 0.9;
/** Below this an image is a stretched background or a placeholder, not a scan of the page. */
const MIN_SCAN_DPI = 72;
/** What is read of one page: a scan's content is a few operators (plus an OCR layer's text). */
const MAX_CONTENT_BYTES = 4 * 1024 * 1024;
const MAX_OPERATIONS = 200_000;
const MAX_FORM_DEPTH = 4;
/** Text render modes that paint nothing (3: invisible, an OCR layer; 7: clip only). */
const INVISIBLE_TEXT = new Set([3, 7]);
const SHOW_TEXT = new Set(['Tj', 'TJ', "'", '"']);
/** Operators that paint something other than an image XObject; BI (an inline image) ends the walk. */
const PAINT = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'sh', 'BI']);

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
type Box = { x1: number; y1: number; x2: number; y2: number };

interface Walk {
  context: PDFContext;
  images: { area: number; pixelsPerUnit: number }[];
  view: Box;
  bytes: number;
  operations: number;
}

/**
 * The resolution (pixels per inch of the page as shown) of page `index` when it is one full-page
 * image, i.e. a scan: it paints images and nothing else visible (an OCR layer's invisible text is
 * fine), they cover the page, and no annotation draws over it. Rendering such a page finer only
 * upsamples the scan. Undefined for any other page, and when that cannot be told cheaply.
 */
export function scanResolution(pdf: LoadedPdf, index: number): number | undefined {
  const { context } = pdf.doc;
  const page = context.lookup(pdf.pageRefs[index]);
  if (!(page instanceof PDFDict)) return undefined;
  const annots = page.lookup(PDFName.of('Annots'));
  if (annots instanceof PDFArray && !annots.asArray().every((a) => drawsNothing(context.lookup(a)))) return undefined;
  const view = shownBox(context, page);
  if (!view) return undefined;
  const walk: Walk = { context, images: [], view, bytes: 0, operations: 0 };
  const resources = context.lookup(inherited(page, PDFName.of('Resources')) ?? PDFDict.withContext(context));
  const content = contentBytes(walk, page.get(PDFName.of('Contents')));
  if (!content || !(resources instanceof PDFDict)) return undefined;
  if (!paintsOnlyImages(walk, content, resources, { ctm: IDENTITY, textMode: 0 }, 0)) return undefined;
  const covered = walk.images.reduce((sum, image) => sum + image.area, 0);
  if (covered < FULL_PAGE * (view.x2 - view.x1) * (view.y2 - view.y1)) return undefined;
  const userUnit = page.lookup(PDFName.of('UserUnit'));
  const unit = userUnit instanceof PDFNumber && userUnit.asNumber() > 0 ? userUnit.asNumber() : 1;
  // The sharpest image sets it: strips of one scan share a resolution, and a small logo on top
  // must not be blurred by a coarser background.
  const dpi = (Math.max(...walk.images.map((image) => image.pixelsPerUnit)) * 72) / unit;
  return dpi >= MIN_SCAN_DPI ? dpi : undefined;
}

interface GraphicsState {
  ctm: Matrix;
  textMode: number;
}

function paintsOnlyImages(walk: Walk, content: Uint8Array, resources: PDFDict, start: GraphicsState, depth: number) {
  let state = { ...start };
  const saved: GraphicsState[] = [];
  for (const { operator, operands } of operations(content)) {
    if (++walk.operations > MAX_OPERATIONS || PAINT.has(operator)) return false;
    if (operator === 'q') saved.push({ ...state });
    else if (operator === 'Q') state = saved.pop() ?? state;
    else if (operator === 'cm') {
      const m = operands.slice(-6);
      if (m.length !== 6 || !m.every((v): v is number => typeof v === 'number')) return false;
      state.ctm = multiply(m as Matrix, state.ctm);
    } else if (operator === 'Tr') {
      const mode = operands.at(-1);
      if (typeof mode === 'number') state.textMode = mode;
    } else if (SHOW_TEXT.has(operator)) {
      if (!INVISIBLE_TEXT.has(state.textMode)) return false;
    } else if (operator === 'Do') {
      const xobject = xObject(resources, operands.at(-1));
      const subtype = xobject?.dict.lookup(PDFName.of('Subtype'));
      if (subtype === PDFName.of('Image')) {
        walk.images.push(paintedImage(xobject!.dict, state.ctm, walk.view));
      } else if (subtype === PDFName.of('Form') && depth < MAX_FORM_DEPTH) {
        const inner = contentBytes(walk, xobject);
        const own = xobject!.dict.lookup(PDFName.of('Resources'));
        const matrix = numbers(xobject!.dict.lookup(PDFName.of('Matrix'))) ?? IDENTITY;
        const formState = { ctm: multiply(matrix, state.ctm), textMode: state.textMode };
        if (!inner || !paintsOnlyImages(walk, inner, own instanceof PDFDict ? own : resources, formState, depth + 1)) {
          return false;
        }
      } else return false;
    }
  }
  return true;
}

function xObject(resources: PDFDict, name: Operand | undefined): PDFStream | undefined {
  if (!name || typeof name !== 'object') return undefined;
  const xobjects = resources.lookup(PDFName.of('XObject'));
  const xobject = xobjects instanceof PDFDict ? xobjects.lookup(PDFName.of(name.name)) : undefined;
  return xobject instanceof PDFStream ? xobject : undefined;
}

/** The image's unit square as placed by `ctm`: its area on the shown page and its pixels per unit. */
function paintedImage(dict: PDFDict, [a, b, c, d, e, f]: Matrix, view: Box) {
  const width = dict.lookup(PDFName.of('Width'));
  const height = dict.lookup(PDFName.of('Height'));
  const across = Math.hypot(a, b);
  const down = Math.hypot(c, d);
  if (!(width instanceof PDFNumber && height instanceof PDFNumber) || across === 0 || down === 0) {
    return { area: 0, pixelsPerUnit: 0 };
  }
  const xs = [e, a + e, c + e, a + c + e];
  const ys = [f, b + f, d + f, b + d + f];
  const w = Math.min(view.x2, Math.max(...xs)) - Math.max(view.x1, Math.min(...xs));
  const h = Math.min(view.y2, Math.max(...ys)) - Math.max(view.y1, Math.min(...ys));
  return {
    area: w > 0 && h > 0 ? w * h : 0,
    pixelsPerUnit: Math.max(width.asNumber() / across, height.asNumber() / down),
  };
}

/** `m` then `ctm`: the matrix a `cm` operator leaves. */
function multiply(m: Matrix, ctm: Matrix): Matrix {
  const [a, b, c, d, e, f] = m;
  const [A, B, C, D, E, F] = ctm;
  return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F];
}

function numbers(object: PDFObject | undefined): Matrix | undefined {
  if (!(object instanceof PDFArray) || object.size() !== 6) return undefined;
  const values = object.asArray().map((item) => (item instanceof PDFNumber ? item.asNumber() : NaN));
  return values.every(Number.isFinite) ? (values as Matrix) : undefined;
}

/** Links and pop-ups have no appearance on the rendered page; any other annotation may draw over it. */
function drawsNothing(annotation: PDFObject | undefined): boolean {
  const subtype = annotation instanceof PDFDict ? annotation.lookup(PDFName.of('Subtype')) : undefined;
  return subtype === PDFName.of('Link') || subtype === PDFName.of('Popup');
}

/** What a renderer shows of the page: its CropBox within its MediaBox (both inheritable). */
function shownBox(context: PDFContext, page: PDFDict): Box | undefined {
  const box = (key: string) => {
    const value = inherited(page, PDFName.of(key));
    const array = value instanceof PDFRef ? context.lookup(value) : value;
    if (!(array instanceof PDFArray) || array.size() !== 4) return undefined;
    const [x1, y1, x2, y2] = array.asArray().map((item) => {
      const n = item instanceof PDFRef ? context.lookup(item) : item;
      return n instanceof PDFNumber ? n.asNumber() : NaN;
    });
    if (![x1, y1, x2, y2].every(Number.isFinite)) return undefined;
    return { x1: Math.min(x1, x2), y1: Math.min(y1, y2), x2: Math.max(x1, x2), y2: Math.max(y1, y2) };
  };
  const media = box('MediaBox');
  const crop = box('CropBox') ?? media;
  if (!media || !crop) return undefined;
  const shown = {
    x1: Math.max(media.x1, crop.x1),
    y1: Math.max(media.y1, crop.y1),
    x2: Math.min(media.x2, crop.x2),
    y2: Math.min(media.y2, crop.y2),
  };
  // As pdf.js does: a CropBox outside the MediaBox is ignored.
  const valid = shown.x2 > shown.x1 && shown.y2 > shown.y1;
  return valid ? shown : media.x2 > media.x1 && media.y2 > media.y1 ? media : undefined;
}

/** The decoded bytes of a content stream, or of an array of them joined; undefined past the budget. */
function contentBytes(walk: Walk, contents: PDFObject | undefined): Uint8Array | undefined {
  const object = contents instanceof PDFRef ? walk.context.lookup(contents) : contents;
  const streams = object instanceof PDFArray ? object.asArray().map((item) => walk.context.lookup(item)) : [object];
  const parts: Uint8Array[] = [];
  for (const stream of streams) {
    const left = MAX_CONTENT_BYTES - walk.bytes;
    let bytes: Uint8Array;
    try {
      if (stream instanceof PDFRawStream) {
        const decoded = decodePDFRawStream(stream).getBytes(left + 1);
        bytes = new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.byteLength);
      } else if (stream instanceof PDFFlateStream) bytes = stream.getUnencodedContents();
      else return undefined;
    } catch {
      return undefined;
    }
    walk.bytes += bytes.length + 1;
    if (walk.bytes > MAX_CONTENT_BYTES) return undefined;
    // Operators never span streams, but a token may end at a stream's end: keep them apart.
    parts.push(bytes, NEWLINE);
  }
  return Buffer.concat(parts);
}

const NEWLINE = new Uint8Array([0x0a]);
