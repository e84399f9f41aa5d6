/**
 * A photo of a document made into a scan: the page found (or placed by hand), seen straight on,
 * cropped to the page, with even light; and the photo measured for what a reviewer rejects.
 * `scanImage` never changes its input; the flattened page is new JPEG bytes.
 */
import sharp from 'sharp';
import { UserError } from '../errors';
import { foreignError, sniff } from '../fs/sniff';
import { MAX_IMAGE_PIXELS, imageError } from '../images/prepare';
import type { ScanChoice, ScanResult } from '../model/scan/result';
import { DETECT_SIDE, detectPage } from './detect';
import { flatSize, homography, scaleQuad, type Quad } from './geometry';
import { evenLight } from './light';
import { glareShare, gridPeak, sharpness } from './measure';
import { warpPerspective, type RawImage } from './warp';

/** The flattened page's long side at most: A4 at 300 dpi, what a scanner would give. */
export const MAX_FLAT_SIDE = 3508;

export interface ScanOutput {
  result: ScanResult;
  /** The flattened page (JPEG), when there is a page to flatten. */
  jpeg?: Buffer;
  /** The flattened page's size (the photo's when nothing was flattened). */
  width: number;
  height: number;
}

/** The upright photo as RGB pixels (EXIF orientation applied, transparency on white). */
async function decode(bytes: Uint8Array, name: string): Promise<RawImage> {
  const type = sniff(bytes);
  if (type.kind === 'foreign') throw foreignError(type.type, name);
  if (type.mediaType === 'application/pdf') throw new UserError('scan.notImage', { file: name });
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'truncated' })
      .rotate()
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height, channels: info.channels };
  } catch (error) {
    throw imageError(error, name);
  }
}

async function reduce(photo: RawImage): Promise<RawImage> {
  const { data, info } = await sharp(photo.data, {
    raw: { width: photo.width, height: photo.height, channels: photo.channels as 3 },
  })
    .resize(DETECT_SIDE, DETECT_SIDE, { fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/** The page between `corners` seen straight on, at most MAX_FLAT_SIDE px long. */
export function flatten(photo: RawImage, corners: Quad): RawImage {
  const size = flatSize(corners);
  const scale = Math.min(1, MAX_FLAT_SIDE / Math.max(size.width, size.height));
  const width = Math.max(1, Math.round(size.width * scale));
  const height = Math.max(1, Math.round(size.height * scale));
  const target: Quad = [
    [0, 0],
    [width, 0],
    [width, height],
    [0, height],
  ];
  return warpPerspective(photo, homography(target, corners), width, height);
}

export async function scanImage(bytes: Uint8Array, name: string, choice: ScanChoice = {}): Promise<ScanOutput> {
  const photo = await decode(bytes, name);
  const small = await reduce(photo);
  const detection = choice.corners ? undefined : await detectPage(small);
  const corners: Quad | undefined =
    (choice.corners as Quad | undefined) ?? (detection?.quad && scaleQuad(detection.quad, photo.width / small.width));
  const page = corners && !choice.off ? flatten(photo, corners) : photo;
  const result: ScanResult = {
    width: photo.width,
    height: photo.height,
    ...(corners ? { corners: corners.map(([x, y]) => [Math.round(x), Math.round(y)]) as Quad } : {}),
    fill: detection?.fill ?? 1,
    cut: detection?.cut ?? false,
    sharpness: Math.round(await sharpness(page)),
    // Only a photographed page can show a reflection; a scan or a rendered page has pure white of its own.
    glare: page === photo ? 0 : glareShare(page),
    grid: Math.round(gridPeak(photo)),
  };
  if (page === photo) return { result, width: photo.width, height: photo.height };
  const even = await evenLight(page);
  const jpeg = await sharp(even.data, { raw: { width: even.width, height: even.height, channels: 3 } })
    .jpeg({ quality: 90, chromaSubsampling: '4:4:4' })
    .withMetadata({ density: 300 })
    .toBuffer();
  return { result, jpeg, width: even.width, height: even.height };
}
