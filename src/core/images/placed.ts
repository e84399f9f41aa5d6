/**
 * Prepared images: a photo or scan in the form a packet places it (upright, reduced to the bind
 * DPI, JPEG), made once and kept in the project's cache (`../cache/store.ts`) under a key of the
 * source's sha256 and every option that shapes the result. Binding then copies these bytes instead
 * of decoding the photo again. The key is the whole `PlacedImageSpec`, so any option added to it
 * (a flattening and its corners, say, through `variant`) re-prepares exactly the images it affects.
 */
import type { BlobCache, CacheKey } from '../cache/store';
import { prepareImage, type PreparedImage } from './prepare';

/** Bump when the preparation pipeline changes what it produces: earlier entries then miss. */
export const PREPARE_VERSION = 1;

interface Size {
  width: number;
  height: number;
}

/** Everything that shapes a placed image. Plain data: it is the cache key. */
export interface PlacedImageSpec {
  dpi: number;
  quality: number;
  /** The user's clockwise turn (file rotation). */
  rotate: 0 | 90 | 180 | 270;
  /** landscape: 'rotate' — a landscape image is turned to fill a portrait page. */
  turnLandscape: boolean;
  /** The content box (points) of a portrait page. */
  portraitBox: Size;
  /** The content box of a landscape page when landscape images keep their orientation; absent: always portrait. */
  landscapeBox?: Size;
  /**
   * What a source transform before placement (document flattening, a baked-in watermark …) needs
   * to be repeatable: its name and settings. Part of the key; `source` must then give the bytes the
   * transform produced. Absent: the file as imported.
   */
  variant?: Record<string, string | number | boolean | number[]>;
}

/** Where the source bytes come from: read only when the prepared form is not cached. */
export interface PlacedImageSource {
  /** sha256 of the file as imported (the vault name). */
  sha256: string;
  name: string;
  bytes: () => Promise<Uint8Array>;
}

/**
 * Where a file's placed image comes from, named without reading it: the file as imported (its vault
 * sha256) and any transform made before placement. The bytes are read only on a cache miss, so a
 * bind of prepared photos neither reads nor hashes the 3 MB originals.
 */
export interface ImageOrigin {
  /** The transform (a flattening and its corners …); absent: the file as imported. See PlacedImageSpec. */
  variant?: PlacedImageSpec['variant'];
  bytes: () => Promise<Uint8Array>;
}

export function placedImageKey(sha256: string, spec: PlacedImageSpec): CacheKey {
  return { kind: 'placed-image', version: PREPARE_VERSION, sha256, spec: { ...spec } };
}

/** Counted so tests and the bench can tell a reuse from a preparation. */
export const prepareCounter = { prepared: 0 };

/** The prepared form of `source` under `spec`: from the cache when a verified entry exists, else made and stored. */
export async function preparePlaced(
  source: PlacedImageSource,
  spec: PlacedImageSpec,
  cache?: BlobCache,
): Promise<PreparedImage> {
  const key = placedImageKey(source.sha256, spec);
  const cached = await cache?.get(key);
  if (cached) {
    const { width, height, gray } = cached.meta;
    if (typeof width === 'number' && typeof height === 'number' && typeof gray === 'boolean')
      return { jpeg: cached.payload, width, height, gray };
  }
  prepareCounter.prepared++;
  const image = await prepareImage(await source.bytes(), source.name, {
    dpi: spec.dpi,
    quality: spec.quality,
    rotate: spec.rotate,
    turnLandscape: spec.turnLandscape,
    box: (width, height) => (spec.landscapeBox && width > height ? spec.landscapeBox : spec.portraitBox),
  });
  await cache?.put(key, image.jpeg, { width: image.width, height: image.height, gray: image.gray });
  return image;
}
