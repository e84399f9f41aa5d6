/**
 * Even light on a flattened page, as a scanner's lamp gives: each colour channel divided by an
 * estimate of the bare paper under it (the brightest values nearby, smoothed), so a shadow, a
 * gradient and a colour cast all go at once, while ink and seals keep their colour against the
 * now-white paper. The estimate is made at 64 px, where a stroke of text is far below a pixel.
 */
import sharp from 'sharp';
import type { RawImage } from './warp';

const ESTIMATE_SIDE = 64;
/** The paper's level after evening: white with a little headroom, as a scan has. */
const PAPER = 248;
/** A gain above this would be lifting a dark printed area (the ID card's photo), not a shadow. */
const MAX_GAIN = 2.2;

/** Greatest value in each `radius` neighbourhood, per channel. */
function maxFilter(img: RawImage, radius: number): Uint8Array {
  const { data, width, height, channels: c } = img;
  const out = new Uint8Array(data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let k = 0; k < c; k++) {
        let m = 0;
        for (let j = Math.max(0, y - radius); j <= Math.min(height - 1, y + radius); j++) {
          for (let i = Math.max(0, x - radius); i <= Math.min(width - 1, x + radius); i++) {
            m = Math.max(m, data[(j * width + i) * c + k]);
          }
        }
        out[(y * width + x) * c + k] = m;
      }
    }
  }
  return out;
}

export async function evenLight(page: RawImage): Promise<RawImage> {
  const { width, height, channels } = page;
  const small = await sharp(page.data, { raw: { width, height, channels: 3 } })
    .resize(ESTIMATE_SIDE, ESTIMATE_SIDE, { fit: 'inside', kernel: 'cubic' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const paper = maxFilter({ data: small.data, width: small.info.width, height: small.info.height, channels }, 3);
  const background = await sharp(paper, { raw: { width: small.info.width, height: small.info.height, channels: 3 } })
    .blur(2)
    .resize(width, height, { fit: 'fill', kernel: 'cubic' })
    .raw()
    .toBuffer();
  const out = new Uint8Array(page.data.length);
  const gains = new Float32Array(256);
  for (let v = 0; v < 256; v++) gains[v] = Math.min(MAX_GAIN, PAPER / Math.max(1, v));
  for (let i = 0; i < out.length; i++) out[i] = Math.min(255, page.data[i] * gains[background[i]]);
  return { data: out, width, height, channels };
}
