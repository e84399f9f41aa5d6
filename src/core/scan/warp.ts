/**
 * A projective warp on raw pixels, bilinear-sampled: sharp has affine transforms only, and a page
 * photographed at an angle needs a homography. Each output pixel is mapped back into the source
 * (`dstToSrc`), so every output pixel gets exactly one value and no holes appear.
 */
import type { Homography } from './geometry';

export interface RawImage {
  data: Uint8Array;
  width: number;
  height: number;
  channels: number;
}

/** The source sampled through `dstToSrc` into a `width`×`height` image; outside the source: `fill`. */
export function warpPerspective(
  src: RawImage,
  dstToSrc: Homography,
  width: number,
  height: number,
  fill = 255,
): RawImage {
  const { data, width: sw, height: sh, channels: c } = src;
  const out = new Uint8Array(width * height * c);
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = dstToSrc;
  const stride = sw * c;
  for (let y = 0; y < height; y++) {
    // Sample at pixel centres; the numerators and denominator are linear along a row.
    const yc = y + 0.5;
    let nx = h1 * yc + h2 + h0 * 0.5;
    let ny = h4 * yc + h5 + h3 * 0.5;
    let nw = h7 * yc + h8 + h6 * 0.5;
    let o = y * width * c;
    for (let x = 0; x < width; x++, nx += h0, ny += h3, nw += h6, o += c) {
      const sx = nx / nw - 0.5;
      const sy = ny / nw - 0.5;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= sw - 1 || y0 >= sh - 1) {
        // The last row and column are taken as they are rather than as outside.
        if (sx < -0.5 || sy < -0.5 || sx > sw - 0.5 || sy > sh - 0.5) {
          out.fill(fill, o, o + c);
          continue;
        }
        const i =
          (Math.min(sh - 1, Math.max(0, Math.round(sy))) * sw + Math.min(sw - 1, Math.max(0, Math.round(sx)))) * c;
        for (let k = 0; k < c; k++) out[o + k] = data[i + k];
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * stride + x0 * c;
      const w00 = (1 - fx) * (1 - fy);
      const w10 = fx * (1 - fy);
      const w01 = (1 - fx) * fy;
      const w11 = fx * fy;
      for (let k = 0; k < c; k++) {
        out[o + k] =
          data[i + k] * w00 + data[i + c + k] * w10 + data[i + stride + k] * w01 + data[i + stride + c + k] * w11 + 0.5;
      }
    }
  }
  return { data: out, width, height, channels: c };
}
