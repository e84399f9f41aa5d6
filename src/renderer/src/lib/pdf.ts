/**
 * pdf.js, loaded on first use. Its worker is a local asset emitted by Vite (`?url`), never a CDN,
 * so previews work offline and under the strict CSP.
 */
type PdfJs = typeof import('pdfjs-dist');
let loading: Promise<PdfJs> | null = null;

function pdfjs(): Promise<PdfJs> {
  loading ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(
    ([lib, worker]) => {
      lib.GlobalWorkerOptions.workerSrc = worker.default;
      return lib;
    },
  );
  return loading;
}

// pdf.js refuses two renders into one canvas at once (paging quickly does that): queue them.
const busy = new WeakMap<HTMLCanvasElement, Promise<unknown>>();

/** Render page `pageNumber` (1-based) of a PDF into `canvas`, `width` CSS pixels wide. Returns the page count. */
export function renderPdfPage(
  bytes: Uint8Array,
  canvas: HTMLCanvasElement,
  options: { width: number; rotate?: number; password?: string; pageNumber?: number },
): Promise<number> {
  const next = (busy.get(canvas) ?? Promise.resolve())
    .catch(() => undefined)
    .then(() => render(bytes, canvas, options));
  busy.set(canvas, next);
  return next;
}

async function render(
  bytes: Uint8Array,
  canvas: HTMLCanvasElement,
  options: { width: number; rotate?: number; password?: string; pageNumber?: number },
): Promise<number> {
  const doc = await openPdf(bytes, options.password);
  try {
    await doc.render(canvas, options.pageNumber ?? 1, options);
    return doc.pages;
  } finally {
    await doc.close();
  }
}

/** One opened PDF, for drawing many of its pages without parsing the file again for each. */
export interface OpenPdf {
  readonly pages: number;
  /** The viewer's page labels (a packet's equal its printed numbers), or null when the file has none. */
  readonly labels: string[] | null;
  /** Draw page `pageNumber` (1-based) into `canvas`, `width` CSS pixels wide, with extra clockwise `rotate`. */
  render(canvas: HTMLCanvasElement, pageNumber: number, options: { width: number; rotate?: number }): Promise<void>;
  close(): Promise<void>;
}

export async function openPdf(bytes: Uint8Array, password?: string): Promise<OpenPdf> {
  const lib = await pdfjs();
  // pdf.js transfers the buffer to its worker; hand it a copy so React state keeps its bytes.
  const task = lib.getDocument({ data: bytes.slice(), password, isEvalSupported: false });
  const doc = await task.promise;
  const labels = await doc.getPageLabels().catch(() => null);
  return {
    pages: doc.numPages,
    labels,
    async render(canvas, pageNumber, options) {
      const page = await doc.getPage(pageNumber);
      const rotation = (page.rotate + (options.rotate ?? 0)) % 360;
      const natural = page.getViewport({ scale: 1, rotation });
      const scale = (options.width / natural.width) * (window.devicePixelRatio || 1);
      const viewport = page.getViewport({ scale, rotation });
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      canvas.style.width = `${options.width}px`;
      canvas.style.height = `${Math.round((options.width * viewport.height) / viewport.width)}px`;
      // 'print': what the packet will show (the binder keeps only printable annotations).
      await page.render({ canvas, viewport, intent: 'print' }).promise;
    },
    close: () => doc.destroy(),
  };
}
