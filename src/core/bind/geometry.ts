/**
 * Page geometry: A4 frames with margins (and an optional 装订线), and the matrix that places a
 * source page or image, upright and scaled, into a frame's content box. Footer and header live
 * outside the content box, so numbers never overprint content.
 */
export const A4 = { width: 595.28, height: 841.89 } as const;

const MARGIN = 36; // 12.7 mm
const BINDING_MARGIN = 70; // ~25 mm, the usual 装订线
const FOOTER_BAND = 42;
const HEADER_BAND = 22;
/** Small pages are enlarged at most this much, so a business card does not fill a page. */
const MAX_ENLARGE = 2;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Frame {
  width: number;
  height: number;
  landscape: boolean;
  /** Where content goes: inside the margins, above the footer, below the header. */
  content: Box;
}

export interface FrameOptions {
  landscape: boolean;
  header: boolean;
  bindingMargin: boolean;
  /** For duplex printing the binding edge of a left-hand (even) page is on its right. */
  bindingOnRight?: boolean;
}

export function frameFor(options: FrameOptions): Frame {
  const width = options.landscape ? A4.height : A4.width;
  const height = options.landscape ? A4.width : A4.height;
  const binding = options.bindingMargin ? BINDING_MARGIN : MARGIN;
  const left = options.bindingOnRight ? MARGIN : binding;
  const right = options.bindingOnRight ? binding : MARGIN;
  const top = MARGIN + (options.header ? HEADER_BAND : 0);
  return {
    width,
    height,
    landscape: options.landscape,
    content: { x: left, y: FOOTER_BAND, width: width - left - right, height: height - FOOTER_BAND - top },
  };
}

/** [a b c d e f] as in the PDF `cm` operator. */
export type Matrix = [number, number, number, number, number, number];

export type Quarter = 0 | 90 | 180 | 270;

export function normaliseRotation(degrees: number): Quarter {
  const r = (((Math.round(degrees / 90) * 90) % 360) + 360) % 360;
  return r as Quarter;
}

/** Size after a clockwise rotation. */
export function rotatedSize(width: number, height: number, rotation: Quarter): { width: number; height: number } {
  return rotation === 90 || rotation === 270 ? { width: height, height: width } : { width, height };
}

/**
 * The matrix mapping `source` (in source units) rotated clockwise by `rotation` into `target`,
 * scaled to fit with aspect kept and centred. `unit` is the source's /UserUnit.
 */
export function placementMatrix(
  source: Box,
  rotation: Quarter,
  target: Box,
  options: { unit?: number; maxScale?: number } = {},
): Matrix {
  const unit = options.unit ?? 1;
  const { x: x0, y: y0, width: w, height: h } = source;
  const x1 = x0 + w;
  const y1 = y0 + h;
  // Rotation into displayed coordinates (0..dw, 0..dh) in source units; /Rotate is clockwise.
  const r: Matrix =
    rotation === 0
      ? [1, 0, 0, 1, -x0, -y0]
      : rotation === 90
        ? [0, -1, 1, 0, -y0, x1]
        : rotation === 180
          ? [-1, 0, 0, -1, x1, y1]
          : [0, 1, -1, 0, y1, -x0];
  const shown = rotatedSize(w, h, rotation);
  const fit = Math.min(target.width / (shown.width * unit), target.height / (shown.height * unit));
  const k = Math.min(fit, options.maxScale ?? MAX_ENLARGE) * unit;
  const tx = target.x + (target.width - shown.width * k) / 2;
  const ty = target.y + (target.height - shown.height * k) / 2;
  return [r[0] * k, r[1] * k, r[2] * k, r[3] * k, r[4] * k + tx, r[5] * k + ty];
}

export function applyMatrix(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** The axis-aligned box of a rectangle after `m`. */
export function transformRect(m: Matrix, rect: [number, number, number, number]): [number, number, number, number] {
  const [x0, y0, x1, y1] = rect;
  const points = [applyMatrix(m, x0, y0), applyMatrix(m, x1, y0), applyMatrix(m, x0, y1), applyMatrix(m, x1, y1)];
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}
