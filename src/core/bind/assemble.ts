/**
 * Assembling a packet in memory: material pages in rule order (with dividers, duplex blanks and
 * watermarks), then cover and 目录 inserted in front, then numbers, header, bookmarks and page
 * labels. The 目录's size is fixed before any material page exists, so every printed number is
 * known when it is drawn and equals the footer on that page.
 */
import { availableParallelism } from 'node:os';
import { PDFDocument, PDFName, PDFNumber, type PDFPage } from 'pdf-lib';
import { UserError } from '../errors';
import type { FileRef, ProjectDoc } from '../model/schemas/project';
import { assertPageChoice, boundPages, pageRotation } from '../project/pages';
import type { RulePack } from '../model/schemas/rules';
import type { Translate } from '../../i18n';
import { loadPdf, type LoadedPdf } from '../pdf/load';
import type { PreparedImage } from '../images/prepare';
import type { BlobCache } from '../cache/store';
import { sniff } from '../fs/sniff';
import { checkedBytes, isImageFile, originOfBytes, prepareFileImage, type ImageOriginOf } from './prepared';
import type { BindOptions, BindProgress, Section } from '../model/schemas/bind-options';
import { embedCjkFont } from './cjk';
import { frameFor, type Frame } from './geometry';
import { appendImage, appendPdf, type PlacedPage, type SourceOutlineItem } from './place';
import { drawBlank, drawCover, drawDivider, drawTocPage, frontMatterText, layoutToc, type CoverInfo } from './front';
import { Watermarks, drawFooter, drawHeader } from './stamp';
import { footerText } from '../model/packet/stamp-text';
import { writeOutline, type OutlineNode } from './outline';
import { drawChangesPage, layoutChangesPage, type ChangeLine } from './changes-page';
import { materialLabels, watermarkOf, type PacketMaterial } from '../model/packet/select';

export interface AssembleInput {
  doc: ProjectDoc;
  rulePack: RulePack;
  materials: PacketMaterial[];
  options: BindOptions;
  /** For the generated pages. */
  tr: Translate;
  /** For warnings. */
  trMessages: Translate;
  cover: CoverInfo;
  /** Cover, 目录 and page numbers; off for single-material exports. */
  frontMatter: boolean;
  /** The 补正说明 page's lines (./changes-page.ts), placed after the 目录; absent: no such page. */
  changesPage?: ChangeLine[];
  loadFile: (ref: FileRef) => Promise<Uint8Array>;
  /** Where images come from, named without reading them; absent: read through loadFile and hashed. */
  imageOrigin?: ImageOriginOf;
  /** Prepared images and font subsets from earlier runs (the project's cache); absent: nothing kept. */
  cache?: BlobCache;
  onProgress?: (progress: BindProgress) => void;
  signal?: AbortSignal;
}

export interface Assembled {
  doc: PDFDocument;
  sections: Section[];
  pages: number;
  warnings: string[];
}

type Loaded = { kind: 'pdf'; pdf: LoadedPdf } | { kind: 'image'; image: PreparedImage };

/** Files read and prepared ahead of placement, so image work overlaps the copying of PDF pages. */
const PREFETCH = 8;

/** At most `limit` tasks at a time (image decodes: each holds a decoded photo in memory). */
function limiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

function checkCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new UserError('bind.cancelled');
}

/**
 * Everything the generated pages may draw: cover, 目录, material labels, watermarks, page numbers,
 * part titles, the 补正说明 page. The font is subset to it, here and ahead of time (prepareGeneratedFont).
 */
export function generatedText(
  input: Pick<AssembleInput, 'options' | 'tr' | 'materials' | 'cover' | 'doc' | 'rulePack' | 'changesPage'>,
): string {
  const { options, tr, materials } = input;
  const labels = materialLabels(materials, (n) => tr('bind.appendix.label', { n }));
  const watermarks = materials.map((m) => watermarkOf(m.rule, options, input.doc, input.rulePack));
  const partTitles = materials.flatMap((m) => m.rule.parts?.map((p) => p.title) ?? []);
  return (
    frontMatterText(tr, input.cover, labels) +
    watermarks.join('') +
    options.pageNumberFormat +
    partTitles.join('') +
    tr('bind.changes.title') +
    (input.changesPage ?? []).map((l) => l.text).join('')
  );
}

export async function assemble(input: AssembleInput): Promise<Assembled> {
  const { options, tr, materials, signal } = input;
  const out = await PDFDocument.create({ updateMetadata: false });
  const labels = materialLabels(materials, (n) => tr('bind.appendix.label', { n }));
  const watermarks = materials.map((m) => watermarkOf(m.rule, options, input.doc, input.rulePack));
  const cjk = await embedCjkFont(out, generatedText(input), { cache: input.cache });
  const frameAt = (landscape: boolean, index: number): Frame =>
    frameFor({
      landscape,
      header: options.header,
      bindingMargin: options.bindingMargin,
      bindingOnRight: options.duplex && index % 2 === 1,
    });

  const tocLines = input.frontMatter ? layoutToc(cjk, labels, frameAt(false, 0)) : [];
  const coverBlank = input.frontMatter && options.duplex;
  const tocPad = input.frontMatter && options.duplex && tocLines.length % 2 === 1;
  const changesLines =
    input.frontMatter && input.changesPage ? layoutChangesPage(cjk, input.changesPage, frameAt(false, 0)) : [];
  const changesPad = options.duplex && changesLines.length % 2 === 1;
  const front = input.frontMatter
    ? 1 + (coverBlank ? 1 : 0) + tocLines.length + (tocPad ? 1 : 0) + changesLines.length + (changesPad ? 1 : 0)
    : 0;

  const body: { placed: PlacedPage; watermark?: string }[] = [];
  let next = front; // physical index of the next page
  const sectionStarts: number[] = [];
  const sectionEnds: number[] = [];
  const materialNodes: { children: OutlineNode[] }[] = [];
  const warnings: string[] = [];
  const fieldRefs: ReturnType<typeof appendPdf>['fields'] = [];

  const jobs = materials.flatMap((m) => m.files.map((file) => ({ material: m, file })));
  const started: Promise<Loaded>[] = [];
  const imageSlot = limiter(Math.max(2, availableParallelism()));
  const start = (i: number) => {
    if (i < jobs.length && !started[i]) {
      started[i] = loadOne(jobs[i].file, input, options, imageSlot);
      started[i].catch(() => undefined); // awaited in order below; this only avoids an unhandled rejection
    }
  };
  input.onProgress?.({ phase: 'materials', done: 0, total: jobs.length });

  let job = 0;
  for (const [m, material] of materials.entries()) {
    if (options.duplex && next % 2 === 1) {
      body.push({ placed: drawBlank(out, frameAt(false, next), cjk, tr) });
      next++;
    }
    sectionStarts.push(next);
    if (options.dividers && input.frontMatter) {
      const caption = material.appendix
        ? labels[m].slice(0, labels[m].length - material.rule.title.length)
        : tr('bind.divider.number', { n: m + 1 });
      body.push({
        placed: drawDivider(out, frameAt(false, next), cjk, caption.replace(/[：:]\s*$/, ''), material.rule.title),
      });
      next++;
    }
    const children: OutlineNode[] = [];
    for (const file of material.files) {
      checkCancelled(signal);
      for (let k = job; k <= job + PREFETCH; k++) start(k);
      const loaded = await started[job];
      delete started[job];
      job++;
      let placed: PlacedPage[];
      if (loaded.kind === 'pdf') {
        if (loaded.pdf.repaired) warnings.push(input.trMessages('bind.repaired', { file: file.name }));
        const pages = boundPages(file, loaded.pdf.pageRefs.length);
        // The choice was checked when made; this catches a hand-edited project file or a changed count.
        if (file.pageOrder) assertPageChoice(file, pages, loaded.pdf.pageRefs.length);
        const result = appendPdf(out, loaded.pdf, {
          pages,
          rotate: (index) => pageRotation(file, index),
          landscape: options.landscape,
          forms: options.forms,
          frame: (landscape) => frameAt(landscape, next++),
        });
        placed = result.pages;
        fieldRefs.push(...result.fields);
        if (options.sourceOutlines === 'keep') children.push(...outlineFrom(result.outline, placed));
      } else {
        const landscape = options.landscape === 'keep' && loaded.image.width > loaded.image.height;
        placed = [await appendImage(out, loaded.image, frameAt(landscape, next++))];
      }
      if (file.part) {
        const title = material.rule.parts?.find((p) => p.id === file.part)?.title ?? file.part;
        children.push({ title, page: placed[0].page.ref, top: placed[0].frame.height, children: [] });
      }
      for (const p of placed) body.push({ placed: p, watermark: watermarks[m] });
      input.onProgress?.({ phase: 'materials', done: job, total: jobs.length, label: file.name });
    }
    sectionEnds.push(next - 1);
    materialNodes.push({ children });
  }
  checkCancelled(signal);
  input.onProgress?.({ phase: 'front-matter', done: 0, total: 1 });

  // Front matter goes in front of the material pages.
  const frontPages: PlacedPage[] = [];
  if (input.frontMatter) {
    let index = 0;
    frontPages.push(drawCover(out, frameAt(false, index), cjk, tr, input.cover, index++));
    if (coverBlank) frontPages.push(drawBlank(out, frameAt(false, index), cjk, tr, index++));
    for (let i = 0; i < tocLines.length; i++) {
      const frame = frameAt(false, index);
      frontPages.push({ page: out.insertPage(index++, [frame.width, frame.height]), frame });
    }
    if (tocPad) frontPages.push(drawBlank(out, frameAt(false, index), cjk, tr, index++));
    changesLines.forEach((lines, i) => {
      const frame = frameAt(false, index);
      const placed = { page: out.insertPage(index++, [frame.width, frame.height]), frame };
      drawChangesPage(placed, cjk, tr('bind.changes.title'), lines, i === 0);
      frontPages.push(placed);
    });
    if (changesPad) frontPages.push(drawBlank(out, frameAt(false, index), cjk, tr, index++));
  }
  const all = [...frontPages.map((placed) => ({ placed, watermark: undefined as string | undefined })), ...body];
  const firstNumbered = options.numberFrontMatter ? 0 : front;
  const total = all.length - firstNumbered;
  const numberOf = (physical: number) => physical - firstNumbered + 1;

  const sections: Section[] = materials.map((material, i) => ({
    materialId: material.rule.id,
    title: material.rule.title,
    firstPage: numberOf(sectionStarts[i]),
    lastPage: numberOf(sectionEnds[i]),
  }));
  const pageAt = (physical: number): PDFPage => all[physical].placed.page;

  if (input.frontMatter) {
    const tocStart = 1 + (coverBlank ? 1 : 0);
    const targets = sections.map((s, i) => ({
      firstPage: s.firstPage,
      lastPage: s.lastPage,
      page: pageAt(sectionStarts[i]).ref,
      pageHeight: all[sectionStarts[i]].placed.frame.height,
    }));
    tocLines.forEach((lines, i) => drawTocPage(frontPages[tocStart + i], cjk, tr, lines, targets));
  }

  const watermarker = new Watermarks(out, cjk);
  all.forEach(({ placed, watermark }, physical) => {
    if (watermark) watermarker.draw(placed, watermark);
    if (options.header && physical > 0) drawHeader(placed, cjk, input.cover.applicant);
    if (input.frontMatter && physical >= firstNumbered)
      drawFooter(placed, cjk, footerText(options.pageNumberFormat, numberOf(physical), total));
  });

  const outline: OutlineNode[] = [];
  if (input.frontMatter) {
    const tocPage = frontPages[1 + (coverBlank ? 1 : 0)];
    outline.push({
      title: tr('bind.cover.bookmark'),
      page: frontPages[0].page.ref,
      top: frontPages[0].frame.height,
      children: [],
    });
    if (tocPage)
      outline.push({ title: tr('bind.toc.bookmark'), page: tocPage.page.ref, top: tocPage.frame.height, children: [] });
    if (changesLines.length > 0) {
      const first = frontPages[1 + (coverBlank ? 1 : 0) + tocLines.length + (tocPad ? 1 : 0)];
      outline.push({ title: tr('bind.changes.bookmark'), page: first.page.ref, top: first.frame.height, children: [] });
    }
  }
  materials.forEach((material, i) => {
    const first = all[sectionStarts[i]].placed;
    const children = materialNodes[i].children;
    outline.push({
      title: material.appendix ? labels[i] : material.rule.title,
      page: first.page.ref,
      top: first.frame.height,
      children,
      open: children.length <= 10,
    });
  });
  writeOutline(out, outline);
  if (input.frontMatter) setPageLabels(out, firstNumbered);
  if (fieldRefs.length > 0) out.catalog.set(PDFName.of('AcroForm'), out.context.obj({ Fields: fieldRefs }));
  return { doc: out, sections, pages: all.length, warnings };
}

/** Read one file and get it ready to place: a loaded PDF, or an image already sized for its page. */
async function loadOne(
  file: FileRef,
  { loadFile, imageOrigin, cache }: Pick<AssembleInput, 'loadFile' | 'imageOrigin' | 'cache'>,
  options: BindOptions,
  imageSlot: <T>(task: () => Promise<T>) => Promise<T>,
): Promise<Loaded> {
  // Images by the type sniffed on import: a prepared one is taken from the cache without reading the vault.
  if (isImageFile(file)) {
    const origin = imageOrigin ?? originOfBytes(loadFile, cache !== undefined);
    return { kind: 'image', image: await imageSlot(() => prepareFileImage(file, options, origin, cache)) };
  }
  const bytes = await checkedBytes(file, loadFile)();
  // A file recorded as a PDF whose bytes are an image (a hand-edited record): placed as the image it is.
  const sniffed = sniff(bytes);
  if (sniffed.kind === 'supported' && sniffed.mediaType !== 'application/pdf') {
    const origin = originOfBytes(async () => bytes, false);
    return { kind: 'image', image: await imageSlot(() => prepareFileImage(file, options, origin)) };
  }
  return { kind: 'pdf', pdf: await loadPdf(bytes, file.name, { password: file.password }) };
}

/** Source bookmarks re-pointed at the placed pages; items pointing nowhere keep only their children. */
function outlineFrom(items: SourceOutlineItem[], placed: PlacedPage[]): OutlineNode[] {
  return items.flatMap((item) => {
    const children = outlineFrom(item.children, placed);
    const target = item.pageIndex !== undefined ? placed[item.pageIndex] : undefined;
    if (!target) return children;
    return [{ title: item.title, page: target.page.ref, top: target.frame.height, children }];
  });
}

/** Viewer page labels equal the printed numbers; unnumbered front matter gets roman labels. */
function setPageLabels(doc: PDFDocument, firstNumbered: number): void {
  const { context } = doc;
  const nums =
    firstNumbered > 0
      ? [PDFNumber.of(0), context.obj({ S: 'r' }), PDFNumber.of(firstNumbered), context.obj({ S: 'D', St: 1 })]
      : [PDFNumber.of(0), context.obj({ S: 'D', St: 1 })];
  doc.catalog.set(PDFName.of('PageLabels'), context.obj({ Nums: nums }));
}
