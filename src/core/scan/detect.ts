/**
 * Finding the page in a photo: its four corners, on a copy reduced to `DETECT_SIDE` px. The text
 * is closed over first (a grey closing, so the page is one bright plane), then the page's outline
 * is looked for two ways: as the largest four-sided contour among the edges (Canny), and as the
 * largest bright region (Otsu threshold). The larger plausible quad wins. A page cut by the frame
 * is found too (its polygon has points on the frame), and reported as such.
 */
import { isConvex, orderCorners, quadArea, type Point, type Quad } from './geometry';
import { loadOpenCv, withMats, type Cv, type CvMat } from './opencv';
import type { RawImage } from './warp';

/** The long side the page is looked for at: enough for a corner to within ~0.3 % of the frame. */
export const DETECT_SIDE = 800;

export interface Detection {
  /** The page's corners in the reduced image; absent when no page stands out from a background. */
  quad?: Quad;
  /** The page's share of the frame (1 when no page was found: the file is taken to be the page). */
  fill: number;
  /** The page runs out of the frame: a corner or an edge lies on the frame's border. */
  cut: boolean;
}

/** A page smaller than this share of the frame is not taken for one (a label, a photo on the card). */
const MIN_FILL = 0.06;
/** A quad this close to the whole frame is the frame itself (a flatbed scan), not a page on a desk. */
const MAX_FILL = 0.97;

/**
 * Where the page's edge lies inside each kind of contour, in pixels (measured on bench/scan.ts
 * photos): the outline of the thickened Canny edges runs outside the edge; the outline of a
 * thresholded region runs through its outermost pixels' centres.
 */
const EDGE_INSET = 1;
const REGION_INSET = 0;
/** The contours' pixel indices against sharp's reduction: corners come out half a pixel down-right. */
const INDEX_SHIFT = -0.5;

function points(mat: CvMat): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < mat.rows; i++) out.push([mat.data32S[i * 2], mat.data32S[i * 2 + 1]]);
  return out;
}

/** The contour simplified to four points, loosening the tolerance until it has at most four. */
function fourCorners(cv: Cv, contour: CvMat, keep: <M extends { delete(): void }>(m: M) => M): Point[] | undefined {
  const hull = keep(new cv.Mat());
  cv.convexHull(contour, hull, false, true);
  const perimeter = cv.arcLength(hull, true);
  for (const share of [0.02, 0.03, 0.045, 0.06, 0.08]) {
    const approx = keep(new cv.Mat());
    cv.approxPolyDP(hull, approx, perimeter * share, true);
    if (approx.rows === 4) return points(approx);
    if (approx.rows < 4) return undefined;
  }
  return undefined;
}

/** The hull's points, simplified only slightly: to tell whether the page touches the frame. */
function outline(cv: Cv, contour: CvMat, keep: <M extends { delete(): void }>(m: M) => M): Point[] {
  const hull = keep(new cv.Mat());
  cv.convexHull(contour, hull, false, true);
  const approx = keep(new cv.Mat());
  cv.approxPolyDP(hull, approx, cv.arcLength(hull, true) * 0.005, true);
  return points(approx);
}

interface Candidate {
  quad: Quad;
  area: number;
  cut: boolean;
  /** The contour's points, x and y interleaved. */
  contour: Int32Array;
  /** How far outside the page's edge this kind of contour runs, in pixels. */
  inset: number;
}

function candidates(cv: Cv, binary: CvMat, width: number, height: number, mode: number, inset: number): Candidate[] {
  return withMats((keep) => {
    const contours = keep(new cv.MatVector());
    cv.findContours(binary, contours, keep(new cv.Mat()), mode, cv.CHAIN_APPROX_NONE);
    const found: Candidate[] = [];
    const margin = Math.max(2, Math.round(Math.max(width, height) * 0.004));
    for (let i = 0; i < contours.size(); i++) {
      const contour = keep(contours.get(i));
      if (cv.contourArea(contour) < MIN_FILL * width * height * 0.5) continue;
      const corners = fourCorners(cv, contour, keep);
      if (!corners) continue;
      const quad = orderCorners(corners);
      const area = quadArea(quad);
      if (!isConvex(quad) || area < MIN_FILL * width * height || area > MAX_FILL * width * height) continue;
      const onFrame = (p: Point) =>
        p[0] <= margin || p[1] <= margin || p[0] >= width - 1 - margin || p[1] >= height - 1 - margin;
      found.push({
        quad,
        area,
        cut: outline(cv, contour, keep).some(onFrame),
        contour: contour.data32S.slice(),
        inset,
      });
    }
    return found;
  });
}

/**
 * Each side fitted as a straight line to the contour points along its middle, and the corners
 * taken where neighbouring lines meet: the simplified polygon's corners sit a pixel or two inside
 * the true ones, the fitted lines do not.
 */
export function refine(quad: Quad, contour: Int32Array, inset: number): Quad {
  const centre = quad.reduce<Point>((c, p) => [c[0] + p[0] / 4, c[1] + p[1] / 4], [0, 0]);
  const lines = quad.map((a, i) => {
    const b = quad[(i + 1) % 4];
    const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const [ux, uy] = [(b[0] - a[0]) / length, (b[1] - a[1]) / length];
    let [n, sx, sy, sxx, syy, sxy] = [0, 0, 0, 0, 0, 0];
    for (let k = 0; k < contour.length; k += 2) {
      const [dx, dy] = [contour[k] - a[0], contour[k + 1] - a[1]];
      const along = dx * ux + dy * uy;
      if (along < length * 0.1 || along > length * 0.9 || Math.abs(dx * uy - dy * ux) > 4) continue;
      n++;
      sx += contour[k];
      sy += contour[k + 1];
      sxx += contour[k] ** 2;
      syy += contour[k + 1] ** 2;
      sxy += contour[k] * contour[k + 1];
    }
    if (n < 10) return undefined;
    const [mx, my] = [sx / n, sy / n];
    const [cxx, cyy, cxy] = [sxx / n - mx * mx, syy / n - my * my, sxy / n - mx * my];
    // The line's direction is the principal axis of the points (total least squares).
    const angle = Math.atan2(2 * cxy, cxx - cyy) / 2;
    const [dx, dy] = [Math.cos(angle), Math.sin(angle)];
    // Moved `inset` towards the centre: the contour runs along pixels just outside the page's edge.
    const side = Math.sign((centre[0] - mx) * -dy + (centre[1] - my) * dx);
    return { x: mx - dy * inset * side, y: my + dx * inset * side, dx, dy };
  });
  if (lines.some((l) => !l)) return quad;
  const refined = quad.map((corner, i) => {
    const l1 = lines[(i + 3) % 4]!;
    const l2 = lines[i]!;
    const det = l1.dx * -l2.dy + l2.dx * l1.dy;
    if (Math.abs(det) < 1e-6) return corner;
    const t = ((l2.x - l1.x) * -l2.dy + l2.dx * (l2.y - l1.y)) / det;
    const point: Point = [l1.x + t * l1.dx, l1.y + t * l1.dy];
    // A fit pulled away by a shadow or a tab is not trusted over the polygon.
    return Math.hypot(point[0] - corner[0], point[1] - corner[1]) > 8 ? corner : point;
  });
  return refined as Quad;
}

function inside(q: Quad, x: number, y: number): boolean {
  let sign = 0;
  for (let i = 0; i < 4; i++) {
    const [a, b] = [q[i], q[(i + 1) % 4]];
    const cross = Math.sign((b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]));
    if (cross !== 0 && sign !== 0 && cross !== sign) return false;
    if (cross !== 0) sign = cross;
  }
  return true;
}

/**
 * Whether what lies around the quad is the same paper as inside it: then the quad is a frame
 * printed on the page (a licence's border in a flatbed scan), not the page's edge on a desk.
 */
export function onPaper(img: RawImage, q: Quad): boolean {
  const sums = { in: [0, 0, 0], out: [0, 0, 0] };
  const counts = { in: 0, out: 0 };
  const levels: number[] = [];
  for (let y = 0; y < img.height; y += 2) {
    for (let x = 0; x < img.width; x += 2) {
      const o = (y * img.width + x) * 3;
      const where = inside(q, x, y) ? 'in' : 'out';
      if (where === 'in') levels.push(img.data[o] + img.data[o + 1] + img.data[o + 2]);
      counts[where]++;
      for (let k = 0; k < 3; k++) sums[where][k] += img.data[o + k];
    }
  }
  if (counts.out < 50 || counts.in < 50) return false;
  // The paper inside: the brighter half of the page (the rest is print).
  levels.sort((a, b) => a - b);
  const paper = levels[Math.floor(levels.length * 0.75)] / 3;
  const outside = sums.out.map((v) => v / counts.out);
  const outLevel = (outside[0] + outside[1] + outside[2]) / 3;
  const tint = Math.max(...outside) - Math.min(...outside);
  return outLevel > paper * 0.85 && tint < 30;
}

/** The page in `small`, an RGB image of at most DETECT_SIDE px. */
export async function detectPage(small: RawImage): Promise<Detection> {
  const { cv } = await loadOpenCv();
  const { width, height } = small;
  return withMats((keep) => {
    const rgb = keep(cv.matFromArray(height, width, cv.CV_8UC3, small.data));
    const gray = keep(new cv.Mat());
    cv.cvtColor(rgb, gray, cv.COLOR_RGB2GRAY);
    // Closing with a kernel wider than a stroke turns the printed page into a plain bright plane.
    const k = Math.max(5, Math.round(Math.max(width, height) / 80));
    const closed = keep(new cv.Mat());
    cv.morphologyEx(gray, closed, cv.MORPH_CLOSE, keep(cv.getStructuringElement(cv.MORPH_RECT, new cv.Size(k, k))));
    const smooth = keep(new cv.Mat());
    cv.medianBlur(closed, smooth, 7);
    const edges = keep(new cv.Mat());
    cv.Canny(smooth, edges, 20, 60);
    const thick = keep(new cv.Mat());
    cv.dilate(edges, thick, keep(cv.getStructuringElement(cv.MORPH_RECT, new cv.Size(3, 3))));
    const bright = keep(new cv.Mat());
    cv.threshold(smooth, bright, 0, 255, cv.THRESH_BINARY | cv.THRESH_OTSU);
    const all = [
      ...candidates(cv, thick, width, height, cv.RETR_LIST, EDGE_INSET),
      ...candidates(cv, bright, width, height, cv.RETR_EXTERNAL, REGION_INSET),
    ];
    const best = all.sort((a, b) => b.area - a.area).find((c) => !onPaper(small, c.quad));
    if (!best) return { fill: 1, cut: false };
    const quad = refine(best.quad, best.contour, best.inset).map(([x, y]) => [
      x + INDEX_SHIFT,
      y + INDEX_SHIFT,
    ]) as Quad;
    return { quad, fill: best.area / (width * height), cut: best.cut };
  });
}
