/**
 * Phone photos of documents, made for the scan tests and `bench/scan.ts`: a rendered document
 * (tests/support/documents.ts) placed on a textured desk with perspective and rotation, under
 * uneven, tinted light, with one flaw or none: blur, glare, a corner out of frame, too much
 * background, a shadow across it, or a screen's pixel grid. Returns the true corners, so the
 * detector can be scored. Deterministic per seed.
 */
import sharp from 'sharp';
import { homography, type Quad } from '../../src/core/scan/geometry';
import { warpPerspective } from '../../src/core/scan/warp';
import { prng } from './documents';

export const FLAWS = ['clean', 'shadow', 'blur', 'glare', 'cropped', 'background', 'screen'] as const;
export type Flaw = (typeof FLAWS)[number];

export interface Photo {
  jpeg: Buffer;
  /** The document's corners in the photo: top-left, top-right, bottom-right, bottom-left of the page. */
  corners: Quad;
  /** The document's own long side over short side. */
  aspect: number;
  width: number;
  height: number;
}

/** A desk: wood grain or a speckled mat, in one of a few colours. */
function desk(width: number, height: number, random: () => number): Uint8Array {
  const out = new Uint8Array(width * height * 3);
  const base = [
    [120, 86, 58],
    [70, 72, 78],
    [150, 130, 105],
    [40, 60, 55],
  ][Math.floor(random() * 4)];
  const wood = random() < 0.5;
  const f1 = 0.01 + random() * 0.02;
  const phase = random() * 10;
  let seed = Math.floor(random() * 1e9);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      const noise = (seed / 4294967296 - 0.5) * 24;
      const grain = wood ? Math.sin((y + Math.sin(x * 0.004 + phase) * 40) * f1) * 18 : 0;
      const o = (y * width + x) * 3;
      for (let k = 0; k < 3; k++) out[o + k] = Math.max(0, Math.min(255, base[k] + grain + noise));
    }
  }
  return out;
}

export interface PhotoOptions {
  width?: number;
  height?: number;
}

/** The document photographed with `flaw`. */
export async function photograph(docPng: Buffer, flaw: Flaw, seed: number, options: PhotoOptions = {}): Promise<Photo> {
  const random = prng(seed * 31 + 7);
  const width = options.width ?? 4000;
  const height = options.height ?? 3000;
  const doc = await sharp(docPng).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const dw = doc.info.width;
  const dh = doc.info.height;
  const aspect = Math.max(dw, dh) / Math.min(dw, dh);

  // The page's size in the photo: most of the frame, or a small part of it for `background`.
  const fill = flaw === 'background' ? 0.12 + random() * 0.08 : 0.4 + random() * 0.25;
  const area = fill * width * height;
  const pw = Math.sqrt(area * (dw / dh));
  const ph = area / pw;
  // A screen's grid belongs to the page (it turns and tilts with it), so it is drawn on first, its
  // cells about 4 photo pixels wide whatever the photo's size.
  if (flaw === 'screen') screenGrid(doc.data, dw, dh, Math.max(3, Math.round((4 * dw) / pw)));
  const angle = ((random() - 0.5) * 24 * Math.PI) / 180;
  let cx = width / 2 + (random() - 0.5) * (width - pw) * 0.3;
  let cy = height / 2 + (random() - 0.5) * (height - ph) * 0.3;
  if (flaw === 'cropped') {
    // Push the page towards a frame corner until one of its corners is out.
    cx += (random() < 0.5 ? -1 : 1) * (width - pw) * 0.5 + (random() < 0.5 ? -1 : 1) * pw * 0.12;
    cy += (random() < 0.5 ? -1 : 1) * (height - ph) * 0.5 + ph * 0.1;
  }
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const local: [number, number][] = [
    [-pw / 2, -ph / 2],
    [pw / 2, -ph / 2],
    [pw / 2, ph / 2],
    [-pw / 2, ph / 2],
  ];
  // Perspective: each corner moved by up to 6 % of the page, as a phone held at a slight angle does.
  const corners = local.map(([x, y]) => {
    const jx = (random() - 0.5) * 0.12 * pw;
    const jy = (random() - 0.5) * 0.12 * ph;
    return [cx + (x + jx) * cos - (y + jy) * sin, cy + (x + jx) * sin + (y + jy) * cos];
  }) as Quad;
  if (flaw !== 'cropped') {
    // Whole in the frame with a margin, as a photo without that flaw is: moved back in if not.
    const margin = 0.02 * Math.min(width, height);
    const xs = corners.map((c) => c[0]);
    const ys = corners.map((c) => c[1]);
    const dx = Math.max(0, margin - Math.min(...xs)) - Math.max(0, Math.max(...xs) - (width - margin));
    const dy = Math.max(0, margin - Math.min(...ys)) - Math.max(0, Math.max(...ys) - (height - margin));
    for (const c of corners) {
      c[0] += dx;
      c[1] += dy;
    }
    cx += dx;
    cy += dy;
  }
  const docQuad: Quad = [
    [0, 0],
    [dw, 0],
    [dw, dh],
    [0, dh],
  ];
  const toDoc = homography(corners, docQuad);
  const placed = warpPerspective({ data: doc.data, width: dw, height: dh, channels: 4 }, toDoc, width, height, 0);
  const bg = desk(width, height, random);

  // Light: a gradient across the frame, a warm or cool cast, an optional shadow and glare spot.
  const cast = random() < 0.5 ? [1, 0.95, 0.85] : [0.9, 0.95, 1];
  const [gx, gy] = [random() - 0.5, random() - 0.5];
  const shadow = flaw === 'shadow' ? { x: cx + (random() - 0.5) * pw * 0.4, slope: random() - 0.5 } : undefined;
  const glare =
    flaw === 'glare'
      ? { x: cx + (random() - 0.5) * pw * 0.4, y: cy + (random() - 0.5) * ph * 0.4, r: pw * 0.08 }
      : undefined;
  const rgb = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const a = placed.data[i * 4 + 3] / 255;
      let light = 0.92 + 0.25 * (gx * (x / width - 0.5) + gy * (y / height - 0.5));
      if (shadow) {
        const edge = x - (shadow.x + shadow.slope * (y - cy));
        light *= 1 - 0.4 / (1 + Math.exp(-edge / (width * 0.01)));
      }
      let spot = 0;
      if (glare) {
        const d = Math.hypot(x - glare.x, (y - glare.y) * 1.4) / glare.r;
        spot = d < 1 ? 400 : 400 * Math.exp(-(d - 1) * 3);
      }
      for (let k = 0; k < 3; k++) {
        const v = (placed.data[i * 4 + k] * a + bg[i * 3 + k] * (1 - a)) * light * cast[k] + spot;
        rgb[i * 3 + k] = Math.max(0, Math.min(255, v));
      }
    }
  }
  let image = sharp(rgb, { raw: { width, height, channels: 3 } });
  // Every photo is a little soft (a phone lens); a blurred one by far more than a shaking hand allows.
  const sigma = flaw === 'blur' ? (width / 4000) * (5 + random() * 3) : (width / 4000) * 0.8;
  image = sharp(await image.blur(sigma).raw().toBuffer(), { raw: { width, height, channels: 3 } });
  return { jpeg: await image.jpeg({ quality: 88 }).toBuffer(), corners, aspect, width, height };
}

/** A photographed screen: dark gaps between pixel cells and colour stripes of the subpixels (RGBA, in place). */
function screenGrid(rgba: Buffer, width: number, height: number, period: number): void {
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const gap = y % period < period / 4 ? 0.55 : 1;
      const sub = Math.floor(((x % period) / period) * 3);
      for (let k = 0; k < 3; k++) rgba[o + k] = rgba[o + k] * gap * (k === sub ? 1 : 0.7);
    }
  }
}
