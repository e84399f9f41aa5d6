/**
 * The export's fallback for scanned PDFs over a size cap: the file rebuilt from its rendered pages,
 * which is what a clerk would do by hand (print to image, or scan again at a lower setting). Each
 * bound page is rendered upright (its /Rotate baked in) and stored as one JPEG on a page of the
 * original's upright size, so the rebuilt file has the same pages in the same places: the binder
 * places it exactly like the original, and the file's page choice and rotations still apply.
 * Text in such a page, an OCR layer included, is no longer selectable or searchable; for a scan
 * that is acceptable, and born-digital files are never rebuilt (`../pdf/scanned.ts`).
 *
 * Rendering is the slow part (a 300-dpi scan takes pdf.js about a second), so each page is rendered
 * once, at the ladder's highest DPI but never finer than the scan itself, and every step is derived
 * from those pixels by `pageJpeg` (a sharp resize and JPEG encode, tens of milliseconds).
 */
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { UserError } from '../errors';
import { MAX_IMAGE_PIXELS } from '../images/prepare';
import { loadPdf } from '../pdf/load';
import { openForRendering, type RenderablePdf } from '../pdf/render';
import { looksScanned } from '../pdf/scanned';
import { sniff } from '../fs/sniff';
import { boundPages } from '../project/pages';
import type { FileRef } from '../model/schemas/project';

export interface RasteriseStep {
  dpi: number;
  quality: number;
}

/** A scanned input, open for rebuilding at any step of the size ladder. */
export interface ScannedInput {
  file: FileRef;
  /** The file rebuilt from its pages rendered at `step`, or the original bytes when those are smaller. */
  rebuild(step: RasteriseStep, signal?: AbortSignal): Promise<Uint8Array>;
  /** Frees the rendered pages and the renderer. */
  close(): Promise<void>;
}

/** The box (points) a page stands for once bound, given its upright size: its DPI is counted there. */
export type PageBox = (width: number, height: number) => { width: number; height: number };

/**
 * A rendered page kept for the ladder: its raw RGBA pixels (`../pdf/render.ts`), or, past the
 * memory budget, a q95 JPEG of them (a few hundred KB to a few MB instead of ~15 MB).
 */
export type PagePicture = { width: number; height: number } & ({ pixels: Uint8Array } | { jpeg: Uint8Array });

/**
 * Raw pixels kept per export of one material; pages past it are kept as JPEGs at this quality.
 * 160 MB is ten A4 pages at 200 dpi: a typical scan is rebuilt from raw pixels, a long one still
 * fits the job worker.
 */
const RAW_BUDGET_BYTES = 160 * 1024 * 1024;
const KEPT_JPEG_QUALITY = 95;

/**
 * `page` as an upright JPEG sized for its box at `step.dpi` (never enlarged), at `step.quality`:
 * Mitchell and the JPEG settings of `prepareImage`, so a rendered page leaves like a photo.
 */
export async function pageJpeg(page: PagePicture, step: RasteriseStep, box: PageBox): Promise<Uint8Array> {
  const target = box(page.width, page.height);
  const maxWidth = Math.max(1, Math.round((target.width / 72) * step.dpi));
  const maxHeight = Math.max(1, Math.round((target.height / 72) * step.dpi));
  const input =
    'pixels' in page
      ? sharp(page.pixels, {
          raw: { width: page.width, height: page.height, channels: 4 },
          limitInputPixels: MAX_IMAGE_PIXELS,
        }).removeAlpha()
      : sharp(page.jpeg, { limitInputPixels: MAX_IMAGE_PIXELS });
  const out = await input
    .resize(maxWidth, maxHeight, { fit: 'inside', withoutEnlargement: true, kernel: 'mitchell' })
    .jpeg({ quality: step.quality, chromaSubsampling: '4:2:0', optimiseCoding: false })
    .toBuffer();
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/**
 * The PDF inputs among `inputs` whose bound pages are scans, opened for rendering at most at `dpi`
 * (the highest step of the ladder). Close them all when done, also when this is not the last call
 * that fails. `rawBytes`: how many bytes of raw pixels they may keep together.
 */
export async function openScannedInputs(
  inputs: { file: FileRef; bytes: Uint8Array }[],
  box: PageBox,
  dpi: number,
  rawBytes = RAW_BUDGET_BYTES,
): Promise<ScannedInput[]> {
  const scans: ScannedInput[] = [];
  const budget = { bytes: rawBytes };
  try {
    for (const { file, bytes } of inputs) {
      const s = sniff(bytes);
      if (s.kind !== 'supported' || s.mediaType !== 'application/pdf') continue;
      const loaded = await loadPdf(bytes, file.name, { password: file.password });
      const pages = boundPages(file, loaded.pageRefs.length);
      if (!looksScanned(loaded, pages)) continue;
      const pdf = await openForRendering(bytes, file.name, { password: file.password, loaded });
      scans.push(scannedInput(file, bytes, pdf, pages, { box, dpi, budget }));
    }
    return scans;
  } catch (error) {
    await Promise.all(scans.map((scan) => scan.close()));
    throw error;
  }
}

function scannedInput(
  file: FileRef,
  original: Uint8Array,
  pdf: RenderablePdf,
  pages: number[],
  render: { box: PageBox; dpi: number; budget: { bytes: number } },
): ScannedInput {
  const bound = new Set(pages);
  const kept = new Map<number, PagePicture & { size: { width: number; height: number } }>();
  const keep = async (index: number) => {
    const done = kept.get(index);
    if (done) return done;
    const { pixels, width, height, size } = await pdf.renderPage(index, {
      dpi: render.dpi,
      fit: render.box,
      notFinerThanScan: true,
    });
    let page: PagePicture = { pixels, width, height };
    if (pixels.length <= render.budget.bytes) {
      render.budget.bytes -= pixels.length;
    } else {
      const jpeg = await pageJpeg(page, { dpi: render.dpi, quality: KEPT_JPEG_QUALITY }, render.box);
      page = { jpeg, width, height };
    }
    const entry = { ...page, size };
    kept.set(index, entry);
    return entry;
  };
  return {
    file,
    async rebuild(step, signal) {
      const out = await PDFDocument.create({ updateMetadata: false });
      for (let index = 0; index < pdf.pages; index++) {
        if (signal?.aborted) throw new UserError('bind.cancelled');
        // Pages that are not bound keep their place (page numbers in the choice stay valid) but
        // are never drawn, so they need neither rendering nor their real size.
        if (!bound.has(index)) {
          out.addPage([72, 72]);
          continue;
        }
        const page = await keep(index);
        const jpeg = await pageJpeg(page, step, render.box);
        const placed = out.addPage([page.size.width, page.size.height]);
        placed.drawImage(await out.embedJpg(jpeg), { x: 0, y: 0, width: page.size.width, height: page.size.height });
      }
      const bytes = await out.save({ useObjectStreams: false });
      // A well-compressed scan (1-bit CCITT or JBIG2) can be smaller than any JPEG of it.
      return bytes.length < original.length ? bytes : original;
    },
    async close() {
      kept.clear();
      await pdf.close();
    },
  };
}
