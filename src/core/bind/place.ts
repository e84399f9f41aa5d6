/**
 * Placing source pages on A4. Pages are copied (not embedded as XObjects) so links survive; each
 * copied page gets a new A4 MediaBox and its content is wrapped in a matrix that bakes in /Rotate,
 * /UserUnit and the user's rotation, scales it into the frame's content box and clips to the
 * source's visible area. Annotations follow the same matrix: links are kept (retargeted to the
 * copied pages), form fields and printable annotations are flattened (or kept, by option), and
 * anything carrying JavaScript or launch actions is dropped.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFPage,
  PDFPageLeaf,
  PDFRef,
  PDFStream,
  PDFNull,
  type PDFObject,
} from 'pdf-lib';
import type { LoadedPdf } from '../pdf/load';
import { targetOf, textOf } from '../pdf/actions';
import type { PreparedImage } from '../images/prepare';
import {
  type Box,
  type Frame,
  type Matrix,
  type Quarter,
  normaliseRotation,
  placementMatrix,
  rotatedSize,
  transformRect,
} from './geometry';

export interface PlacedPage {
  page: PDFPage;
  frame: Frame;
}

export interface SourceOutlineItem {
  title: string;
  /** Index into the placed pages (undefined: the target page is not bound, or there is none). */
  pageIndex?: number;
  children: SourceOutlineItem[];
}

export interface PlaceOptions {
  /** The source pages to place, 0-based, in this order; default every page as in the file. */
  pages?: number[];
  /** Extra clockwise rotation chosen by the user for source page `index`. */
  rotate: (index: number) => Quarter;
  landscape: 'keep' | 'rotate';
  forms: 'flatten' | 'keep';
  /** The frame for the next page, given whether it is shown landscape. Called once per page, in order. */
  frame: (landscape: boolean) => Frame;
}

export interface PlacedPdf {
  pages: PlacedPage[];
  outline: SourceOutlineItem[];
  /** Root form fields kept on the pages (forms: 'keep'), for the packet's /AcroForm. */
  fields: PDFRef[];
}

const ANNOT_HIDDEN = 2;
const ANNOT_PRINT = 4;
const ANNOT_NOVIEW = 32;
const MAX_OUTLINE_ITEMS = 5_000;

const num = (n: number) => (Math.abs(n) < 1e-6 ? '0' : n.toFixed(4).replace(/\.?0+$/, ''));
const cm = (m: Matrix) => `${m.map(num).join(' ')} cm`;

/** Append the chosen pages of `source` (default all) to `out`, placed on A4. */
export function appendPdf(out: PDFDocument, source: LoadedPdf, options: PlaceOptions): PlacedPdf {
  const src = source.doc;
  const order = options.pages ?? source.pageRefs.map((_, i) => i);
  const keptRefs = order.map((i) => source.pageRefs[i]);
  // Where each bound source page ends up among the placed pages: links and bookmarks that point
  // at a page left out are dropped, the rest follow their page to its new place.
  const placedIndex = new Map(keptRefs.map((ref, k) => [ref.toString(), k]));
  sanitiseSource(src, source.pageRefs, placedIndex);

  // Map the source's page objects to the output's before copying, so every reference to a page
  // (link destinations, annotations' /P) lands on the copied page instead of dragging a duplicate along.
  const copier = PDFObjectCopier.for(src.context, out.context);
  const traversed = (copier as unknown as { traversedObjects: Map<PDFObject, PDFObject> }).traversedObjects;
  const outRefs = keptRefs.map((ref) => {
    const outRef = out.context.nextRef();
    traversed.set(ref, outRef);
    return outRef;
  });

  const pages: PlacedPage[] = [];
  const fields = new Set<PDFRef>();
  keptRefs.forEach((ref, k) => {
    const node = src.context.lookup(ref);
    if (!(node instanceof PDFPageLeaf)) throw new Error(`page ${order[k] + 1} is not a page object`);
    const copied = copier.copy(node) as PDFPageLeaf;
    out.context.assign(outRefs[k], copied);
    const page = PDFPage.of(copied, outRefs[k], out);
    out.addPage(page);
    pages.push(placeCopiedPage(page, options.rotate(order[k]), options, fields));
  });

  return { pages, outline: readOutline(src, placedIndex), fields: [...fields] };
}

/**
 * Drop what must not travel (page and annotation actions, article beads) and pin links to explicit
 * pages; links to a page not in `placedIndex` (absent or left out) go.
 */
function sanitiseSource(src: PDFDocument, pageRefs: PDFRef[], placedIndex: Map<string, number>): void {
  const { context } = src;
  for (const ref of pageRefs) {
    const page = context.lookup(ref) as PDFDict;
    page.delete(PDFName.of('AA'));
    page.delete(PDFName.of('B'));
    const annots = page.lookup(PDFName.of('Annots'));
    if (!(annots instanceof PDFArray)) {
      page.delete(PDFName.of('Annots'));
      continue;
    }
    const kept: PDFObject[] = [];
    for (let i = 0; i < annots.size(); i++) {
      const annot = annots.lookup(i);
      if (!(annot instanceof PDFDict)) continue;
      annot.delete(PDFName.of('AA'));
      annot.delete(PDFName.of('P'));
      const subtype = annot.get(PDFName.of('Subtype'));
      if (subtype === PDFName.of('Popup')) continue;
      if (subtype === PDFName.of('Link')) {
        const target = targetOf(src, annot);
        annot.delete(PDFName.of('A'));
        annot.delete(PDFName.of('Dest'));
        if (target.kind === 'none' || (target.kind === 'page' && !placedIndex.has(target.page.toString()))) continue;
        if (target.kind === 'page')
          annot.set(PDFName.of('Dest'), context.obj([target.page, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]));
        else annot.set(PDFName.of('A'), context.obj({ S: PDFName.of('URI'), URI: target.uri }));
      } else {
        // Widgets and others keep only their appearance; actions (often JavaScript) go.
        annot.delete(PDFName.of('A'));
        stripFieldActions(annot);
      }
      kept.push(annots.get(i));
    }
    page.set(PDFName.of('Annots'), context.obj(kept));
  }
}

function stripFieldActions(widget: PDFDict): void {
  const seen = new Set<PDFDict>();
  let node: PDFObject | undefined = widget.lookup(PDFName.of('Parent'));
  while (node instanceof PDFDict && !seen.has(node) && seen.size < 64) {
    seen.add(node);
    node.delete(PDFName.of('AA'));
    node.delete(PDFName.of('A'));
    node = node.lookup(PDFName.of('Parent'));
  }
}

function boxOf(page: PDFPage): Box {
  const media = page.getMediaBox();
  const crop = page.getCropBox();
  const x = Math.max(media.x, crop.x);
  const y = Math.max(media.y, crop.y);
  const width = Math.min(media.x + media.width, crop.x + crop.width) - x;
  const height = Math.min(media.y + media.height, crop.y + crop.height) - y;
  return width > 0 && height > 0 ? { x, y, width, height } : media;
}

function placeCopiedPage(page: PDFPage, rotate: Quarter, options: PlaceOptions, fields: Set<PDFRef>): PlacedPage {
  const node = page.node;
  const { context } = page.doc;
  const box = boxOf(page);
  const unitObj = node.lookup(PDFName.of('UserUnit'));
  const unit = unitObj instanceof PDFNumber && unitObj.asNumber() > 0 ? unitObj.asNumber() : 1;
  let rotation = normaliseRotation(page.getRotation().angle + rotate);
  let shown = rotatedSize(box.width, box.height, rotation);
  if (options.landscape === 'rotate' && shown.width > shown.height) {
    // Turn landscape pages a quarter anticlockwise: their top ends up at the binding edge.
    rotation = normaliseRotation(rotation + 270);
    shown = rotatedSize(box.width, box.height, rotation);
  }
  const frame = options.frame(shown.width > shown.height);
  const matrix = placementMatrix(box, rotation, frame.content, { unit });

  const resources = isolateResources(page);
  const flatten: string[] = [];
  const annots = node.lookup(PDFName.of('Annots'));
  const kept: PDFObject[] = [];
  if (annots instanceof PDFArray) {
    for (let i = 0; i < annots.size(); i++) {
      const annot = annots.lookup(i);
      if (!(annot instanceof PDFDict)) continue;
      const subtype = annot.get(PDFName.of('Subtype'));
      const flags = annot.lookup(PDFName.of('F'));
      const f = flags instanceof PDFNumber ? flags.asNumber() : 0;
      const keep = subtype === PDFName.of('Link') || (subtype === PDFName.of('Widget') && options.forms === 'keep');
      if (keep) {
        transformAnnot(annot, matrix);
        kept.push(annots.get(i));
        if (subtype === PDFName.of('Widget')) fields.add(rootField(annots.get(i), annot));
        continue;
      }
      const visible =
        subtype === PDFName.of('Widget')
          ? (f & (ANNOT_HIDDEN | ANNOT_NOVIEW)) === 0
          : (f & ANNOT_PRINT) !== 0 && (f & ANNOT_HIDDEN) === 0;
      if (visible) {
        const op = flattenOp(page, annot, resources);
        if (op) flatten.push(op);
      }
    }
  }
  if (kept.length > 0) node.set(PDFName.of('Annots'), context.obj(kept));
  else node.delete(PDFName.of('Annots'));

  // A few dozen bytes each: stored plainly, since every pako deflate sets up (and zeroes) ~300 KB of state.
  const pre = context.register(
    context.stream(`q ${cm(matrix)} ${num(box.x)} ${num(box.y)} ${num(box.width)} ${num(box.height)} re W n q\n`),
  );
  const post = context.register(context.stream(`\nQ\n${flatten.join('\n')}\nQ\n`));
  const contents = node.get(PDFName.of('Contents'));
  const existing = context.lookup(contents);
  const streams: PDFObject[] = existing instanceof PDFArray ? existing.asArray() : contents ? [contents] : [];
  node.set(PDFName.of('Contents'), context.obj([pre, ...streams, post]));
  for (const key of ['CropBox', 'BleedBox', 'TrimBox', 'ArtBox', 'Rotate', 'UserUnit']) node.delete(PDFName.of(key));
  node.set(PDFName.of('MediaBox'), context.obj([0, 0, frame.width, frame.height]));
  return { page, frame };
}

function rootField(ref: PDFObject, widget: PDFDict): PDFRef {
  let rootRef = ref;
  let node: PDFDict = widget;
  const seen = new Set<PDFDict>();
  while (!seen.has(node) && seen.size < 64) {
    seen.add(node);
    const parentRef = node.get(PDFName.of('Parent'));
    const parent = node.lookup(PDFName.of('Parent'));
    if (!(parentRef instanceof PDFRef) || !(parent instanceof PDFDict)) break;
    rootRef = parentRef;
    node = parent;
  }
  return rootRef as PDFRef;
}

function numbers(array: PDFObject | undefined): number[] | undefined {
  if (!(array instanceof PDFArray)) return undefined;
  const values = array.asArray().map((v) => (v instanceof PDFNumber ? v.asNumber() : NaN));
  return values.every(Number.isFinite) ? values : undefined;
}

function transformAnnot(annot: PDFDict, matrix: Matrix): void {
  const rect = numbers(annot.lookup(PDFName.of('Rect')));
  if (rect && rect.length === 4) {
    annot.set(PDFName.of('Rect'), annot.context.obj(transformRect(matrix, [rect[0], rect[1], rect[2], rect[3]])));
  }
  annot.delete(PDFName.of('QuadPoints'));
}

/** Drawing the annotation's normal appearance into the page, per the PDF appearance algorithm. */
function flattenOp(page: PDFPage, annot: PDFDict, resources: PDFDict): string | undefined {
  const ap = annot.lookup(PDFName.of('AP'));
  if (!(ap instanceof PDFDict)) return undefined;
  let normalRef = ap.get(PDFName.of('N'));
  let normal = ap.lookup(PDFName.of('N'));
  if (normal instanceof PDFDict && !(normal instanceof PDFStream)) {
    const state = annot.get(PDFName.of('AS'));
    if (!(state instanceof PDFName)) return undefined;
    normalRef = normal.get(state);
    normal = normal.lookup(state);
  }
  if (!(normal instanceof PDFStream)) return undefined;
  // Some writers omit these on appearance streams; a Do needs them.
  normal.dict.set(PDFName.of('Type'), PDFName.of('XObject'));
  normal.dict.set(PDFName.of('Subtype'), PDFName.of('Form'));
  const rect = numbers(annot.lookup(PDFName.of('Rect')));
  const bbox = numbers(normal.dict.lookup(PDFName.of('BBox')));
  if (!rect || rect.length !== 4 || !bbox || bbox.length !== 4) return undefined;
  const formMatrix = (numbers(normal.dict.lookup(PDFName.of('Matrix'))) ?? [1, 0, 0, 1, 0, 0]) as Matrix;
  const [bx0, by0, bx1, by1] = transformRect(formMatrix, [bbox[0], bbox[1], bbox[2], bbox[3]]);
  const [rx0, ry0, rx1, ry1] = [
    Math.min(rect[0], rect[2]),
    Math.min(rect[1], rect[3]),
    Math.max(rect[0], rect[2]),
    Math.max(rect[1], rect[3]),
  ];
  if (bx1 - bx0 <= 0 || by1 - by0 <= 0) return undefined;
  const sx = (rx1 - rx0) / (bx1 - bx0);
  const sy = (ry1 - ry0) / (by1 - by0);
  const ref = normalRef instanceof PDFRef ? normalRef : page.doc.context.register(normal);
  const xobjects = resources.lookup(PDFName.of('XObject'), PDFDict);
  const name = xobjects.uniqueKey('MpAnnot');
  xobjects.set(name, ref);
  return `q ${cm([sx, 0, 0, sy, rx0 - bx0 * sx, ry0 - by0 * sy])} ${name.toString()} Do Q`;
}

/**
 * Give the page its own Resources (and Font/XObject/ExtGState) dictionaries, so adding a font or
 * an XObject for this page does not touch dictionaries other pages share.
 */
export function isolateResources(page: PDFPage): PDFDict {
  const { context } = page.doc;
  const inherited = page.node.Resources();
  const own = inherited ? (inherited.clone(context) as PDFDict) : context.obj({});
  for (const key of ['Font', 'XObject', 'ExtGState']) {
    const sub = own.lookup(PDFName.of(key));
    own.set(PDFName.of(key), sub instanceof PDFDict ? sub.clone(context) : context.obj({}));
  }
  page.node.set(PDFName.of('Resources'), own);
  return own;
}

/** An image on its own A4 page, filling the content box (a photo of an A4 page fills the page). */
export async function appendImage(out: PDFDocument, image: PreparedImage, frame: Frame): Promise<PlacedPage> {
  const page = out.addPage([frame.width, frame.height]);
  const embedded = await out.embedJpg(image.jpeg);
  const { content } = frame;
  const scale = Math.min(content.width / image.width, content.height / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  page.drawImage(embedded, {
    x: content.x + (content.width - width) / 2,
    y: content.y + (content.height - height) / 2,
    width,
    height,
  });
  return { page, frame };
}

/** The source's own bookmarks, as a tree of titles and placed-page indexes (loops and junk skipped). */
function readOutline(src: PDFDocument, placedIndex: Map<string, number>): SourceOutlineItem[] {
  const outlines = src.catalog.lookup(PDFName.of('Outlines'));
  if (!(outlines instanceof PDFDict)) return [];
  const seen = new Set<PDFDict>();
  const root: SourceOutlineItem[] = [];
  const queue: { first: PDFObject | undefined; into: SourceOutlineItem[]; depth: number }[] = [
    { first: outlines.lookup(PDFName.of('First')), into: root, depth: 0 },
  ];
  while (queue.length > 0) {
    const { first, into, depth } = queue.shift()!;
    let item = first;
    while (item instanceof PDFDict && !seen.has(item) && seen.size < MAX_OUTLINE_ITEMS) {
      seen.add(item);
      const target = targetOf(src, item);
      const index = target.kind === 'page' ? placedIndex.get(target.page.toString()) : undefined;
      const entry: SourceOutlineItem = {
        title: textOf(item.lookup(PDFName.of('Title'))) ?? '',
        pageIndex: index,
        children: [],
      };
      into.push(entry);
      if (depth < 16) queue.push({ first: item.lookup(PDFName.of('First')), into: entry.children, depth: depth + 1 });
      item = item.lookup(PDFName.of('Next'));
    }
  }
  return root;
}
