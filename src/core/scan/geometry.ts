/**
 * Plane geometry for flattening a photographed page: corner order, the homography between four
 * point pairs, and the page's shape. Pure arithmetic, no pixels.
 */
export type Point = [number, number];
/** Top-left, top-right, bottom-right, bottom-left, in image pixels. */
export type Quad = [Point, Point, Point, Point];
/** Row-major 3×3 matrix with h[8] = 1. */
export type Homography = number[];

/** Four points in the order top-left, top-right, bottom-right, bottom-left (clockwise on screen). */
export function orderCorners(points: Point[]): Quad {
  const cx = points.reduce((s, p) => s + p[0], 0) / points.length;
  const cy = points.reduce((s, p) => s + p[1], 0) / points.length;
  const byAngle = [...points].sort((a, b) => Math.atan2(a[1] - cy, a[0] - cx) - Math.atan2(b[1] - cy, b[0] - cx));
  // Clockwise from the point with the smallest x + y (the top-left of any page turned less than 45°).
  let start = 0;
  byAngle.forEach((p, i) => {
    if (p[0] + p[1] < byAngle[start][0] + byAngle[start][1]) start = i;
  });
  return [0, 1, 2, 3].map((i) => byAngle[(start + i) % 4]) as Quad;
}

/** Solve A x = b (n×n, Gaussian elimination with partial pivoting). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    const p = m[col][col];
    if (Math.abs(p) < 1e-12) throw new Error('degenerate quadrilateral');
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r][col] / p;
      for (let c = col; c <= n; c++) m[r][c] -= f * m[col][c];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}

/** The homography H with H·from[i] ∝ to[i]. */
export function homography(from: Quad, to: Quad): Homography {
  const a: number[][] = [];
  const b: number[] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i];
    const [u, v] = to[i];
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    b.push(u);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    b.push(v);
  }
  return [...solve(a, b), 1];
}

export function applyHomography(h: Homography, [x, y]: Point): Point {
  const w = h[6] * x + h[7] * y + h[8];
  return [(h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w];
}

const distance = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]);

/** Area of a quadrilateral (shoelace). */
export function quadArea(q: Quad): number {
  let s = 0;
  for (let i = 0; i < 4; i++) s += q[i][0] * q[(i + 1) % 4][1] - q[(i + 1) % 4][0] * q[i][1];
  return Math.abs(s) / 2;
}

/** Whether every turn along the quad goes the same way (a page seen from any angle stays convex). */
export function isConvex(q: Quad): boolean {
  let sign = 0;
  for (let i = 0; i < 4; i++) {
    const [a, b, c] = [q[i], q[(i + 1) % 4], q[(i + 2) % 4]];
    const cross = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]);
    if (cross === 0) return false;
    if (sign === 0) sign = Math.sign(cross);
    else if (Math.sign(cross) !== sign) return false;
  }
  return true;
}

/** Known document shapes, long side over short side: ID card 85.6 × 54 mm; A4/A3 (ISO 216) √2. */
export const KNOWN_RATIOS = [85.6 / 54, Math.SQRT2] as const;

/**
 * The flattened page's size in pixels. Each side is the mean of the two opposite edges, which a
 * perspective view shortens unevenly; a ratio within 7 % of a known document's (the nearest) is taken
 * as that document's, since a page is far more likely to be A4 or an ID card than 4 % off one.
 */
export function flatSize(q: Quad): { width: number; height: number } {
  const width = (distance(q[0], q[1]) + distance(q[3], q[2])) / 2;
  const height = (distance(q[0], q[3]) + distance(q[1], q[2])) / 2;
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  const ratio = long / short;
  const nearest = KNOWN_RATIOS.reduce((a, b) =>
    Math.abs(Math.log(ratio / b)) < Math.abs(Math.log(ratio / a)) ? b : a,
  );
  const known = Math.abs(ratio / nearest - 1) < 0.07 ? nearest : undefined;
  const fittedShort = known ? long / known : short;
  return width >= height
    ? { width: Math.round(long), height: Math.round(fittedShort) }
    : { width: Math.round(fittedShort), height: Math.round(long) };
}

export function scaleQuad(q: Quad, factor: number): Quad {
  return q.map(([x, y]) => [x * factor, y * factor]) as Quad;
}
