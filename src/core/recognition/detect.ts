/**
 * Finding the text on a page: PP-OCRv4's detection model run on a copy of the page reduced to
 * `DETECTION_SIDE`, its probability map cut into boxes by @gutenye/ocr-common's contour code, and
 * each box cut out of the full-size page for recognition. Detection needs far fewer pixels than
 * recognition (PaddleOCR's own default limit is 960 px on the long side): its cost and the model's
 * working memory grow with the pixels it is given, while the characters are read from the sharper
 * full-size page.
 */
import { registerBackend } from '@gutenye/ocr-common';
import { splitIntoLineImages } from '@gutenye/ocr-common/splitIntoLineImages';
import type { InferenceSession } from 'onnxruntime-node';
import sharp from 'sharp';
import { planarBgr, runModel, type Raster } from './tensor';

/** Longest side of the image the detection model sees (PaddleOCR's default `det_limit_side_len`). */
export const DETECTION_SIDE = 960;
/**
 * A pixel is text above this probability. Lower than PaddleOCR's 0.3 on purpose (as the OCR package
 * does): boxes come out generous, so a label and its value on one line stay one box.
 */
const TEXT_PROBABILITY = 0.03;

/** A box (four corners in page pixels) and its pixels, cut straight and turned level (RGBA). */
export interface Crop {
  box: number[][];
  image: Raster;
}

/**
 * The contour code hands its crops to whatever image class is registered; this one only keeps a
 * copy of the pixels, which otherwise are a view into OpenCV's WebAssembly memory (moved when it grows).
 */
class CopiedRaster implements Raster {
  data: Uint8Array;
  width: number;
  height: number;
  constructor({ data, width, height }: Raster) {
    this.data = new Uint8Array(data);
    this.width = width;
    this.height = height;
  }
}
registerBackend({ ImageRaw: CopiedRaster } as unknown as Parameters<typeof registerBackend>[0]);

/** The page's text boxes, with their crops from the full-size page (`page`: RGBA). */
export async function detectText(session: InferenceSession, page: Raster, side = DETECTION_SIDE): Promise<Crop[]> {
  const scale = Math.min(1, side / Math.max(page.width, page.height));
  // Both sides a multiple of 32 (the model halves the image five times), as PaddleOCR rounds them.
  const width = Math.max(32, Math.round((page.width * scale) / 32) * 32);
  const height = Math.max(32, Math.round((page.height * scale) / 32) * 32);
  const rgb = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 4 } })
    .resize(width, height, { fit: 'fill' })
    .removeAlpha()
    .raw()
    .toBuffer();
  const probability = await runModel(session, planarBgr(rgb, 3, 1 / 255, 0), [1, 3, height, width]);
  const map = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const value = probability.data[i] > TEXT_PROBABILITY ? 255 : 0;
    map.fill(value, 4 * i, 4 * i + 3);
    map[4 * i + 3] = 255;
  }
  // Boxes are found on the map and scaled by the contour code to the page, whose pixels it crops.
  const found = await splitIntoLineImages(
    { data: map, width, height } as never,
    { data: page.data, width: page.width, height: page.height } as never,
  );
  return found.map((f) => ({ box: f.box, image: f.image as unknown as Raster }));
}

/**
 * Whether the page lies on its side: most of its longer boxes stand upright. Lines of a document
 * are much wider than high, so on a page turned a quarter their boxes are much higher than wide.
 */
export function liesSideways(crops: readonly Crop[]): boolean {
  let standing = 0;
  let lying = 0;
  for (const { box } of crops) {
    const across = Math.hypot(box[1][0] - box[0][0], box[1][1] - box[0][1]);
    const down = Math.hypot(box[3][0] - box[0][0], box[3][1] - box[0][1]);
    if (down >= 2 * across) standing += down;
    else if (across >= 2 * down) lying += across;
  }
  return standing > lying;
}
