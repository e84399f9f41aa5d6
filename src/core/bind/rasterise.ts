/**
 * The export's fallback for scanned PDFs over a size cap: the file rebuilt from its rendered pages,
 * which is what a clerk would do by hand (print to image, or scan again at a lower setting). Each
 * bound page is rendered upright (its /Rotate baked in) and stored as one JPEG on a page of the
 * original's upright size, so the rebuilt file has the same pages in the same places: the binder
 * places it exactly like the original, and the file's page choice and rotations still apply.
 * Text in such a page, an OCR layer included, is no longer selectable or searchable; for a scan
 * that is acceptable, and born-digital files are never rebuilt (`../pdf/scanned.ts`).
 */
import { PDFDocument } from 'pdf-lib';
import { UserError } from '../errors';
import { prepareImage } from '../images/prepare';
import { loadPdf } from '../pdf/load';
import { openForRendering, type RenderablePdf } from '../pdf/render';
import { looksScanned } from '../pdf/scanned';
import { sniff } from '../pdf/sniff';
import { boundPages } from '../project/pages';
import type { FileRef } from '../project/schema';

export interface RasteriseStep {
  dpi: number;
  quality: number;
}

/** A scanned input, open for rebuilding at any step of the size ladder. */
export interface ScannedInput {
  file: FileRef;
  /** The file rebuilt from its pages rendered at `step`, or the original bytes when those are smaller. */
  rebuild(step: RasteriseStep, signal?: AbortSignal): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** The box (points) a page stands for once bound, given its upright size: its DPI is counted there. */
export type PageBox = (width: number, height: number) => { width: number; height: number };

/**
 * The PDF inputs among `inputs` whose bound pages are scans, opened for rendering. Close them all
 * when done, also when this is not the last call that fails.
 */
export async function openScannedInputs(
  inputs: { file: FileRef; bytes: Uint8Array }[],
  box: PageBox,
): Promise<ScannedInput[]> {
  const scans: ScannedInput[] = [];
  try {
    for (const { file, bytes } of inputs) {
      const s = sniff(bytes);
      if (s.kind !== 'supported' || s.mediaType !== 'application/pdf') continue;
      const loaded = await loadPdf(bytes, file.name, { password: file.password });
      const pages = boundPages(file, loaded.pageRefs.length);
      if (!looksScanned(loaded, pages)) continue;
      const pdf = await openForRendering(bytes, file.name, { password: file.password, loaded });
      scans.push(scannedInput(file, bytes, pdf, pages, box));
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
  box: PageBox,
): ScannedInput {
  const bound = new Set(pages);
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
        const rendered = await pdf.renderPage(index, { dpi: step.dpi, fit: box });
        const image = await prepareImage(rendered.png, file.name, { dpi: step.dpi, quality: step.quality, box });
        const page = out.addPage([rendered.size.width, rendered.size.height]);
        page.drawImage(await out.embedJpg(image.jpeg), {
          x: 0,
          y: 0,
          width: rendered.size.width,
          height: rendered.size.height,
        });
      }
      const bytes = await out.save({ useObjectStreams: false });
      // A well-compressed scan (1-bit CCITT or JBIG2) can be smaller than any JPEG of it.
      return bytes.length < original.length ? bytes : original;
    },
    close: () => pdf.close(),
  };
}
