/**
 * OpenCV's WebAssembly build (@techstark/opencv-js, Apache-2.0), loaded once per process on first
 * use (~0.5 s): the edge and contour functions the page detector needs. Only the handful of calls
 * used here are typed, so the 2 000-line typings stay out of the type check.
 */
import { createRequire } from 'node:module';
export interface CvMat {
  rows: number;
  cols: number;
  data: Uint8Array;
  data32S: Int32Array;
  delete(): void;
}
export interface CvMatVector {
  size(): number;
  get(i: number): CvMat;
  delete(): void;
}
export interface Cv {
  Mat: { new (): CvMat; new (rows: number, cols: number, type: number): CvMat };
  MatVector: new () => CvMatVector;
  Size: new (w: number, h: number) => unknown;
  CV_8UC1: number;
  CV_8UC3: number;
  COLOR_RGB2GRAY: number;
  MORPH_RECT: number;
  MORPH_CLOSE: number;
  RETR_LIST: number;
  RETR_EXTERNAL: number;
  CHAIN_APPROX_NONE: number;
  THRESH_BINARY: number;
  THRESH_OTSU: number;
  matFromArray(rows: number, cols: number, type: number, data: ArrayLike<number>): CvMat;
  cvtColor(src: CvMat, dst: CvMat, code: number): void;
  GaussianBlur(src: CvMat, dst: CvMat, size: unknown, sigma: number): void;
  medianBlur(src: CvMat, dst: CvMat, k: number): void;
  morphologyEx(src: CvMat, dst: CvMat, op: number, kernel: CvMat): void;
  getStructuringElement(shape: number, size: unknown): CvMat;
  Canny(src: CvMat, dst: CvMat, t1: number, t2: number): void;
  dilate(src: CvMat, dst: CvMat, kernel: CvMat): void;
  threshold(src: CvMat, dst: CvMat, thresh: number, max: number, type: number): number;
  findContours(src: CvMat, contours: CvMatVector, hierarchy: CvMat, mode: number, method: number): void;
  contourArea(contour: CvMat): number;
  arcLength(contour: CvMat, closed: boolean): number;
  approxPolyDP(src: CvMat, dst: CvMat, epsilon: number, closed: boolean): void;
  convexHull(src: CvMat, dst: CvMat, clockwise: boolean, returnPoints: boolean): void;
  Laplacian(src: CvMat, dst: CvMat, depth: number): void;
}

let loading: Promise<{ cv: Cv }> | undefined;

/** `{ cv }`, never `cv` itself: see below. */
export function loadOpenCv(): Promise<{ cv: Cv }> {
  loading ??= (async () => {
    // Required, not imported: the module object is a thenable that resolves to itself, so any
    // promise resolved with it (an `await import()` whose namespace exposes its `then`, an async
    // function returning it) never settles and spins the CPU. It is handed out wrapped for the same reason.
    const cv = createRequire(import.meta.url)('@techstark/opencv-js') as Cv & { onRuntimeInitialized?: () => void };
    // The module object is ready once its runtime is; before that it has no Mat.
    if (typeof cv.Mat !== 'function') await new Promise<void>((resolve) => (cv.onRuntimeInitialized = resolve));
    return { cv };
  })();
  return loading;
}

/** Run `work` with a list of Mats to free afterwards: OpenCV's wasm heap is not garbage-collected. */
export function withMats<T>(work: (keep: <M extends { delete(): void }>(mat: M) => M) => T): T {
  const mats: { delete(): void }[] = [];
  try {
    return work((mat) => {
      mats.push(mat);
      return mat;
    });
  } finally {
    for (const mat of mats) mat.delete();
  }
}
