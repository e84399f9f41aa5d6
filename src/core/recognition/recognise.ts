/**
 * Reading the text boxes: PP-OCRv4's recognition model on each crop (48 px high, BGR / 255, as the
 * OCR package fed it), CTC decoding against the model's dictionary, then the boxes gathered into
 * lines the way the OCR package did (so the extraction sees the same lines). Also the direction
 * classifier (PaddleOCR's ch_ppocr_mobile_v2.0_cls, 0° or 180°), which tells an upside-down page
 * from a handful of its lines instead of reading the whole page twice.
 */
import type { InferenceSession } from 'onnxruntime-node';
import sharp from 'sharp';
import type { OcrLine } from '../model/recognition/types';
import type { Crop } from './detect';
import { planarBgr, runModel, type Raster } from './tensor';

const LINE_HEIGHT = 48;
/** Lines the engine reads below this mean confidence are dropped (the OCR package's cut). */
const MIN_CONFIDENCE = 0.5;

export interface Reading {
  text: string;
  confidence: number;
}

async function resized(image: Raster, width: number | undefined, height: number): Promise<Raster> {
  const { data, info } = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } })
    .resize({ width, height, fit: width ? 'fill' : 'contain' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** One crop's text and mean character confidence (greedy CTC: best class per step, repeats merged, blanks dropped). */
export async function recogniseCrop(
  session: InferenceSession,
  dictionary: readonly string[],
  crop: Raster,
): Promise<Reading> {
  const line = await resized(crop, undefined, LINE_HEIGHT);
  const output = await runModel(session, planarBgr(line.data, 3, 1 / 255, 0), [1, 3, line.height, line.width]);
  const [, steps, classes] = output.dims;
  let text = '';
  let sum = 0;
  let count = 0;
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let bestP = -Infinity;
    for (let c = 0, at = t * classes; c < classes; c++, at++) {
      if (output.data[at] > bestP) {
        bestP = output.data[at];
        best = c;
      }
    }
    // Class 0 is CTC's blank; the dictionary's first entry is class 1.
    if (best !== 0 && best !== previous) {
      text += dictionary[best - 1] ?? '';
      sum += bestP;
      count++;
    }
    previous = best;
  }
  return { text, confidence: count ? sum / count : 0 };
}

/** The classifier's input: 48 × 192, the crop scaled to 48 px high (no wider than 192), padded with zeros. */
const CLS_HEIGHT = 48;
const CLS_WIDTH = 192;
/** Crops the direction classifier looks at: the widest few, which carry the most characters. */
const CLS_SAMPLE = 6;

/**
 * The probability, from the widest lines, that the page is upside down (0 upright … 1 turned 180°).
 * Crops are scaled to 48 px high and normalised to −1…1, as PaddleOCR prepares them for this model.
 */
export async function upsideDownProbability(session: InferenceSession, crops: readonly Crop[]): Promise<number> {
  const sample = [...crops].sort((a, b) => b.image.width - a.image.width).slice(0, CLS_SAMPLE);
  if (sample.length === 0) return 0;
  let sum = 0;
  for (const { image } of sample) {
    const width = Math.max(1, Math.min(CLS_WIDTH, Math.ceil((CLS_HEIGHT * image.width) / image.height)));
    const line = await resized(image, width, CLS_HEIGHT);
    const input = new Float32Array(3 * CLS_HEIGHT * CLS_WIDTH);
    const planes = planarBgr(line.data, 3, 2 / 255, -1);
    for (let plane = 0; plane < 3; plane++) {
      for (let y = 0; y < CLS_HEIGHT; y++) {
        const from = plane * CLS_HEIGHT * width + y * width;
        input.set(planes.subarray(from, from + width), plane * CLS_HEIGHT * CLS_WIDTH + y * CLS_WIDTH);
      }
    }
    const output = await runModel(session, input, [1, 3, CLS_HEIGHT, CLS_WIDTH]);
    sum += output.data[1];
  }
  return sum / sample.length;
}

/** A crop and its box as they are on the page turned by 180° (`width` × `height`: the page before turning). */
export function turnedHalf(crop: Crop, width: number, height: number): Crop {
  const { data } = crop.image;
  const pixels = data.length / 4;
  const out = new Uint8Array(data.length);
  for (let i = 0; i < pixels; i++) out.set(data.subarray(4 * i, 4 * i + 4), 4 * (pixels - 1 - i));
  // Corners keep their roles (top-left first): the old bottom-right is the new top-left.
  const turned = crop.box.map(([x, y]) => [width - x, height - y]);
  return { box: [turned[2], turned[3], turned[0], turned[1]], image: { ...crop.image, data: out } };
}

/** A box's centre, height (left edge) and slope (top edge): boxes on a skewed photo are tilted quads. */
function geometry(box: number[][]): { x: number; y: number; height: number; slope: number } {
  const [tl, tr, br, bl] = box;
  const run = tr[0] - tl[0];
  return {
    x: (tl[0] + tr[0] + br[0] + bl[0]) / 4,
    y: (tl[1] + tr[1] + br[1] + bl[1]) / 4,
    height: Math.hypot(bl[0] - tl[0], bl[1] - tl[1]),
    slope: run > 0 ? (tr[1] - tl[1]) / run : 0,
  };
}

/**
 * Readings with their boxes → lines, as the OCR package grouped them but with a photo's skew allowed
 * for: readings below `MIN_CONFIDENCE` dropped; a box joins the first group whose first box, extended
 * along its own slant, passes within half the mean box height of the box's centre; each group sorted
 * left to right and joined with spaces; groups top to bottom. (The package compared the y of opposite
 * corners, which on a page photographed 3° askew put a label's 名 and its 称 and value on two lines.)
 */
export function groupLines(read: readonly (Reading & { box: number[][] })[]): OcrLine[] {
  // The package visited the boxes last-found first; the order decides which box anchors a group.
  const kept = read.filter((r) => r.confidence >= MIN_CONFIDENCE).reverse();
  if (kept.length === 0) return [];
  const shapes = new Map(kept.map((r) => [r, geometry(r.box)]));
  const meanHeight = kept.reduce((sum, r) => sum + shapes.get(r)!.height, 0) / kept.length;
  const level = (anchor: Reading & { box: number[][] }, r: Reading & { box: number[][] }) => {
    const a = shapes.get(anchor)!;
    const b = shapes.get(r)!;
    // The longer box's slant is the better measure of the line's.
    const slope = anchor.box[1][0] - anchor.box[0][0] >= r.box[1][0] - r.box[0][0] ? a.slope : b.slope;
    return Math.abs(a.y + slope * (b.x - a.x) - b.y) < meanHeight / 2;
  };
  const groups: (typeof kept)[] = [];
  for (const r of kept) {
    const group = groups.find((g) => level(g[0], r));
    if (group) group.push(r);
    else groups.push([r]);
  }
  for (const group of groups) group.sort((a, b) => a.box[0][0] - b.box[0][0]);
  groups.sort((a, b) => a[0].box[0][1] - b[0].box[0][1]);
  return groups.map((group) => {
    const first = group[0].box;
    const last = group[group.length - 1].box;
    return {
      text: group.map((r) => r.text).join(' '),
      confidence: group.reduce((sum, r) => sum + r.confidence, 0) / group.length,
      box: [first[0], last[1], last[2], first[3]],
    };
  });
}
