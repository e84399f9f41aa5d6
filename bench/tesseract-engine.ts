/**
 * tesseract.js (+ chi_sim from @tesseract.js-data, read from node_modules, never cached to disk or
 * fetched) behind the same `OcrEngine` interface as PaddleOCR, so `bench:read` can compare the two
 * through the same pipeline (image preparation, turns, extraction, QR): MATPREP_BENCH_ENGINE=tesseract.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { OcrEngine } from '../src/core/recognition/engine';
import type { OcrLine } from '../src/core/model/recognition/types';

const requireHere = createRequire(import.meta.url);

interface TesseractLine {
  text: string;
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

export async function tesseractEngine(): Promise<OcrEngine> {
  const { createWorker } = await import('tesseract.js');
  const langPath = path.join(
    path.dirname(requireHere.resolve('@tesseract.js-data/chi_sim/package.json')),
    '4.0.0_best_int',
  );
  const worker = await createWorker('chi_sim', 1, { langPath, gzip: true, cacheMethod: 'none' });
  return {
    async lines(image) {
      const { data } = await worker.recognize(image, {}, { blocks: true });
      const lines: TesseractLine[] = (data.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines));
      return lines.map((l): OcrLine => ({
        // Tesseract spaces out Han characters; the labels and values have none between them.
        text: l.text.trim().replace(/(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/g, ''),
        confidence: l.confidence / 100,
        box: [
          [l.bbox.x0, l.bbox.y0],
          [l.bbox.x1, l.bbox.y0],
          [l.bbox.x1, l.bbox.y1],
          [l.bbox.x0, l.bbox.y1],
        ],
      }));
    },
  };
}
