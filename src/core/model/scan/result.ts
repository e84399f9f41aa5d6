/**
 * What scanning a photo found, as stored in `scans/<sha256>.json` and read by the check: where the
 * page is, how it measured, and the flaws that follow from the measures. Pure data and the one
 * rule that turns a stored result plus the user's choice into problem codes.
 */
import { z } from 'zod';

const PointSchema = z.tuple([z.number(), z.number()]);
/** Top-left, top-right, bottom-right, bottom-left of the page, in pixels of the upright photo. */
export const QuadSchema = z.tuple([PointSchema, PointSchema, PointSchema, PointSchema]);
export type ScanQuad = z.infer<typeof QuadSchema>;

export const SCAN_FLAWS = ['blur', 'glare', 'cropped', 'background', 'screen'] as const;
export type ScanFlaw = (typeof SCAN_FLAWS)[number];

export const ScanResultSchema = z.object({
  /** The upright photo's size. */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** The page found; absent when none stands out (a flatbed scan, a page filling the frame). */
  corners: QuadSchema.optional(),
  /** The page's share of the frame (1 when no page was found). */
  fill: z.number(),
  /** The page runs out of the frame. */
  cut: z.boolean(),
  /** Variance of the Laplacian at 1000 px (low: soft). */
  sharpness: z.number(),
  /** Share of the page blown out by a reflection. */
  glare: z.number(),
  /** Strength of a fine periodic pattern (a screen's pixel grid). */
  grid: z.number(),
  /** Set when the file could not be scanned (not an image, damaged): its reason code. */
  reason: z.string().optional(),
});
export type ScanResult = z.infer<typeof ScanResultSchema>;

/** Measures beyond these are flaws. Tuned on the photos of bench/scan.ts (see bench/README.md). */
export const SCAN_LIMITS = {
  /** Below this sharpness the small print of a licence no longer reads. */
  sharpness: 60,
  /** A reflection over more than this share of the page hides text or the emblem. */
  glare: 0.002,
  /** A spectral peak this many times the band's median is a pixel grid. */
  grid: 300_000,
  /** A page smaller than this share of the photo, left unflattened, is mostly background. */
  fill: 0.3,
};

/** What the app's before/after view reads: the stored result (null: not scanned) and the flattened page. */
export const ScanViewSchema = z.object({
  result: ScanResultSchema.nullable(),
  flattened: z.instanceof(Uint8Array).nullable(),
});

/** The user's choice for one file: corners moved by hand, or the original kept (`off`). */
export const ScanChoiceSchema = z.object({ corners: QuadSchema.optional(), off: z.literal(true).optional() });
export type ScanChoice = z.infer<typeof ScanChoiceSchema>;

/** Whether the flattened page is used: a page was found (or placed by hand) and the user kept it. */
export function isFlattened(result: ScanResult, choice: ScanChoice | undefined): boolean {
  return !choice?.off && !result.reason && Boolean(choice?.corners ?? result.corners);
}

/** The flaws a stored result shows, given the user's choice. */
export function scanFlaws(result: ScanResult, choice: ScanChoice | undefined): ScanFlaw[] {
  if (result.reason) return [];
  const flaws: ScanFlaw[] = [];
  if (result.sharpness < SCAN_LIMITS.sharpness) flaws.push('blur');
  if (result.glare > SCAN_LIMITS.glare) flaws.push('glare');
  if (result.cut && !choice?.corners) flaws.push('cropped');
  if (!isFlattened(result, choice) && result.fill < SCAN_LIMITS.fill) flaws.push('background');
  if (result.grid > SCAN_LIMITS.grid) flaws.push('screen');
  return flaws;
}

/** Stored scan results by file content (sha256). */
export type Scans = Record<string, ScanResult>;

/**
 * Whether a file is a photo to scan: any JPEG (what cameras write), and a PNG of a 营业执照 or
 * 身份证. Other PNGs are mostly screenshots, where a window's edge is no page to flatten.
 */
export function isScanTarget(file: { mediaType: string }, documentMaterial: boolean): boolean {
  return file.mediaType === 'image/jpeg' || (file.mediaType === 'image/png' && documentMaterial);
}
