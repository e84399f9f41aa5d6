/**
 * PDF pages as pictures in plain Node, for exports to upload portals that take only JPG/PNG.
 * pdf.js (legacy build, the one meant for Node) draws into an @napi-rs/canvas; in Node it has no
 * worker and parses in the calling thread, which is fine because exports already run in a job
 * worker (`../jobs`). Files are read through `loadPdf` first, so encrypted and damaged inputs are
 * decrypted or repaired exactly as for binding, and page numbers mean the same pages.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { UserError } from '../errors';
import { DamagedPdfError } from './damage';
import { MAX_IMAGE_PIXELS } from '../images/prepare';
import type { Quarter } from '../model/packet/page-choice';
import { loadPdf, type LoadedPdf } from './load';
import { assertNoBombs } from './bombs';
import { scanResolution } from './scanned';

// Not named `require`: see qpdf.ts (electron-vite's ESM shim declares its own).
const requireHere = createRequire(import.meta.url);

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type Canvas = typeof import('@napi-rs/canvas');

let modules: Promise<{ pdfjs: PdfJs; canvas: Canvas; assets: Record<string, string> }> | undefined;

/** Loaded on first use: most commands never render, and pdf.js is large. */
function loadModules() {
  modules ??= Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('@napi-rs/canvas')]).then(
    ([pdfjs, canvas]) => {
      // pdf.js reads these folders with fs in Node; a folder path must end with a separator.
      const root = path.dirname(requireHere.resolve('pdfjs-dist/package.json'));
      const folder = (name: string) => path.join(root, name) + path.sep;
      const assets = {
        cMapUrl: folder('cmaps'),
        standardFontDataUrl: folder('standard_fonts'),
        wasmUrl: folder('wasm'),
        iccUrl: folder('iccs'),
      };
      return { pdfjs, canvas, assets };
    },
  );
  return modules;
}

export interface RenderPageOptions {
  /** Pixels per inch of the page at its printed size. */
  dpi: number;
  /** Extra clockwise rotation on top of the page's own /Rotate. */
  rotate?: Quarter;
  /**
   * The largest size (points) the page may stand for, given its upright size in points: a bigger
   * page is rendered as if scaled down to fit (like a page placed on A4), a smaller one is not enlarged.
   */
  fit?: (width: number, height: number) => { width: number; height: number };
  /**
   * A page that is one full-page image (a scan, `scanResolution`) is rendered at most at that
   * image's own resolution: more pixels would only upsample the scan.
   */
  notFinerThanScan?: boolean;
}

export interface RenderedPage {
  /** The page, upright, on white: raw RGBA pixels, row by row, every pixel opaque. */
  pixels: Uint8Array;
  width: number;
  height: number;
  /** The page's upright size in points (/UserUnit applied), as shown before `fit`. */
  size: { width: number; height: number };
}

export interface RenderablePdf {
  readonly pages: number;
  /** Render source page `index` (0-based). */
  renderPage(index: number, options: RenderPageOptions): Promise<RenderedPage>;
  close(): Promise<void>;
}

/**
 * Open `bytes` (named `name` in messages) for rendering. Throws a UserError for anything a user must
 * fix. `loaded`: the same bytes already read by `loadPdf`, which then need not be read again.
 */
export async function openForRendering(
  bytes: Uint8Array,
  name: string,
  options: { password?: string; loaded?: LoadedPdf } = {},
): Promise<RenderablePdf> {
  const loaded = options.loaded ?? (await loadPdf(bytes, name, options));
  // Again here, for vault files imported before the limits existed.
  assertNoBombs(loaded.doc, name);
  const { pdfjs, canvas, assets } = await loadModules();
  const open = async (data: Uint8Array) => {
    try {
      // pdf.js transfers `data` to its (in-thread) worker, detaching it: give it a copy.
      return await pdfjs.getDocument({
        data: data.slice(),
        isEvalSupported: false,
        verbosity: 0,
        // pdf.js's own limits, behind assertNoBombs: images past 100 MP are skipped, and no
        // intermediate canvas (soft masks, patterns, groups) may be larger than a drawn page.
        maxImageSize: MAX_IMAGE_PIXELS,
        canvasMaxAreaInBytes: MAX_IMAGE_PIXELS * 4,
        ...assets,
      }).promise;
    } catch (error) {
      throw damaged(name, error);
    }
  };
  type Doc = Awaited<ReturnType<typeof open>>;
  const pages = loaded.pageRefs.length;
  // The fallback is pdf-lib's re-serialisation: the objects the binder copies (decrypted, repaired,
  // same page tree). Plain files skip it, as saving costs time; pdf.js gets the original bytes
  // first and the fallback only when it trips over damage that pdf-lib got past.
  let reread = loaded.encryption !== 'none' || loaded.repaired;
  const fallback = async (): Promise<Doc> => {
    reread = true;
    return open(await loaded.doc.save({ useObjectStreams: false }));
  };
  const first = reread ? await fallback() : await open(bytes).catch(() => undefined);
  if (first && first.numPages !== pages) await first.destroy();
  let doc: Doc = first?.numPages === pages ? first : await fallback();

  const draw = async (current: Doc, index: number, options: RenderPageOptions): Promise<RenderedPage> => {
    const page = await current.getPage(index + 1);
    const rotation = (page.rotate + (options.rotate ?? 0)) % 360;
    const natural = page.getViewport({ scale: 1, rotation });
    const box = options.fit?.(natural.width, natural.height);
    let scale = (options.dpi / 72) * (box ? Math.min(1, box.width / natural.width, box.height / natural.height) : 1);
    const scan = options.notFinerThanScan ? scanResolution(loaded, index) : undefined;
    if (scan !== undefined) scale = Math.min(scale, scan / 72);
    // Decompression-bomb guard, as for images: a huge MediaBox must not allocate gigabytes.
    const pixels = natural.width * natural.height * scale * scale;
    if (pixels > MAX_IMAGE_PIXELS) scale *= Math.sqrt(MAX_IMAGE_PIXELS / pixels);
    const viewport = page.getViewport({ scale, rotation });
    // The epsilon keeps a scan capped at its own resolution at its own pixel size (1240 × 595.28 /
    // 595.28 may come out as 1239.9999…).
    const width = Math.max(1, Math.floor(viewport.width + 1e-6));
    const height = Math.max(1, Math.floor(viewport.height + 1e-6));
    const surface = canvas.createCanvas(width, height);
    const context = surface.getContext('2d');
    // Pages without a background are transparent; on paper (and in JPEG) they are white.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    // The Node canvas stands in for the DOM one pdf.js is typed against.
    const target = { canvas: surface, canvasContext: context } as unknown as Pick<
      Parameters<typeof page.render>[0],
      'canvas' | 'canvasContext'
    >;
    // 'print': annotations as the packet shows them (the binder flattens only printable ones).
    await page.render({ ...target, viewport, intent: 'print' }).promise;
    page.cleanup();
    // data() lends the canvas's own memory, valid only while the canvas lives: copy it. Raw pixels,
    // not a PNG: encoding one cost a third of the render, and every caller re-encodes anyway.
    // The canvas is premultiplied RGBA; on the opaque white fill that equals plain RGBA.
    const rgba = new Uint8Array(surface.data());
    return {
      pixels: rgba,
      width,
      height,
      size: { width: natural.width, height: natural.height },
    };
  };

  return {
    pages,
    async renderPage(index, options) {
      if (!Number.isInteger(index) || index < 0 || index >= pages) {
        throw new UserError('project.pageOutOfRange', { file: name, page: index + 1, pages });
      }
      try {
        return await draw(doc, index, options);
      } catch (error) {
        if (reread) throw damaged(name, error);
      }
      await doc.destroy();
      doc = await fallback();
      try {
        return await draw(doc, index, options);
      } catch (error) {
        throw damaged(name, error);
      }
    },
    close: () => doc.destroy(),
  };
}

function damaged(name: string, error: unknown): unknown {
  if (error instanceof UserError) return error;
  const detail = (error instanceof Error ? error.message : String(error)).slice(0, 200);
  return new DamagedPdfError(name, detail, { cause: error });
}
