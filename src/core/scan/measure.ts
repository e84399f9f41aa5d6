/**
 * What a reviewer rejects in a photo, measured: blur (variance of the Laplacian), glare (blown-out
 * highlights on the page) and a screen's pixel grid (a sharp peak in the spectrum at the grid's
 * period). Plain numbers; `scan.ts` compares them with the thresholds tuned on bench/scan.ts.
 */
import sharp from 'sharp';
import type { RawImage } from './warp';

/** The side the page is reduced to before the blur measure, so photos of any size compare. */
export const BLUR_SIDE = 1000;

/** Variance of the 4-neighbour Laplacian of the page's grey at BLUR_SIDE px: low means soft. */
export async function sharpness(page: RawImage): Promise<number> {
  const { data, info } = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 3 } })
    .resize(BLUR_SIDE, BLUR_SIDE, { fit: 'inside' })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  let [n, sum, sum2] = [0, 0, 0];
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const l = data[i - 1] + data[i + 1] + data[i - width] + data[i + width] - 4 * data[i];
      n++;
      sum += l;
      sum2 += l * l;
    }
  }
  return sum2 / n - (sum / n) ** 2;
}

/**
 * The share of the page that is blown out (every channel at 250 or more) where the paper itself
 * is not: a reflection of the lamp or the sky. A page photographed too bright all over is not glare.
 */
export function glareShare(page: RawImage): number {
  const { data } = page;
  const pixels = data.length / 3;
  let clipped = 0;
  const levels = new Uint32Array(256);
  for (let i = 0; i < data.length; i += 3) {
    const low = Math.min(data[i], data[i + 1], data[i + 2]);
    levels[low]++;
    if (low >= 250) clipped++;
  }
  // The paper's level: the 70th percentile of the darkest channel (most of a page is paper).
  let seen = 0;
  let paper = 0;
  while (paper < 255 && (seen += levels[paper]) < pixels * 0.7) paper++;
  return paper >= 245 ? 0 : clipped / pixels;
}

function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j], re[i]];
      [im[i], im[j]] = [im[j], im[i]];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const angle = (-2 * Math.PI) / len;
    for (let i = 0; i < n; i += len) {
      for (let k = 0; k < len / 2; k++) {
        const [wr, wi] = [Math.cos(angle * k), Math.sin(angle * k)];
        const [a, b] = [i + k, i + k + len / 2];
        const tr = re[b] * wr - im[b] * wi;
        const ti = re[b] * wi + im[b] * wr;
        re[b] = re[a] - tr;
        im[b] = im[a] - ti;
        re[a] += tr;
        im[a] += ti;
      }
    }
  }
}

const GRID_SIDE = 256;

/**
 * How strongly a fine periodic pattern stands out: the largest spectral peak at periods of 2–8 px
 * over the median of that band, in a GRID_SIDE square from the middle of the original photo at
 * full resolution (a screen's pixel grid is a few camera pixels wide). JPEG's 8-px blocks are
 * left out.
 */
export function gridPeak(photo: RawImage): number {
  const { width, height, channels: c, data } = photo;
  const gray = (i: number) => (data[i * c] * 299 + data[i * c + 1] * 587 + data[i * c + 2] * 114) / 1000;
  const n = GRID_SIDE;
  if (width < n || height < n) return 0;
  const [x0, y0] = [Math.floor((width - n) / 2), Math.floor((height - n) / 2)];
  const re = new Float64Array(n * n);
  const im = new Float64Array(n * n);
  let mean = 0;
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) mean += gray((y0 + y) * width + x0 + x);
  mean /= n * n;
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) re[y * n + x] = gray((y0 + y) * width + x0 + x) - mean;
  const row = [new Float64Array(n), new Float64Array(n)];
  for (let y = 0; y < n; y++) {
    row[0].set(re.subarray(y * n, y * n + n));
    row[1].set(im.subarray(y * n, y * n + n));
    fft(row[0], row[1]);
    re.set(row[0], y * n);
    im.set(row[1], y * n);
  }
  for (let x = 0; x < n; x++) {
    for (let y = 0; y < n; y++) [row[0][y], row[1][y]] = [re[y * n + x], im[y * n + x]];
    fft(row[0], row[1]);
    for (let y = 0; y < n; y++) [re[y * n + x], im[y * n + x]] = [row[0][y], row[1][y]];
  }
  const band: number[] = [];
  let peak = 0;
  const block = n / 8;
  for (let v = 0; v < n; v++) {
    for (let u = 0; u < n; u++) {
      const [fu, fv] = [u <= n / 2 ? u : u - n, v <= n / 2 ? v : v - n];
      const radius = Math.hypot(fu, fv);
      if (radius < n / 8) continue;
      const power = re[v * n + u] ** 2 + im[v * n + u] ** 2;
      band.push(power);
      const onBlock = (f: number) => Math.abs(f) % block <= 1 || Math.abs(f) % block >= block - 1;
      if (!onBlock(fu) && !onBlock(fv)) peak = Math.max(peak, power);
    }
  }
  band.sort((a, b) => a - b);
  return peak / Math.max(1e-9, band[Math.floor(band.length / 2)]);
}
