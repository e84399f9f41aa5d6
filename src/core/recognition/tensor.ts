/**
 * Pixels in and out of the ONNX models. The inputs are built straight into a Float32Array: the OCR
 * package went through JavaScript arrays of numbers (three channel arrays, then one spread of all
 * three), which for a 1280 × 960 page cost ~0.2 s of CPU and tens of megabytes of garbage per image.
 */
import { Tensor, type InferenceSession } from 'onnxruntime-node';

/** Raw pixels: RGBA (or RGB where said), row by row. */
export interface Raster {
  data: Uint8Array;
  width: number;
  height: number;
}

/**
 * Interleaved RGB(A) bytes → the planes B, G, R (PaddleOCR's models were trained on OpenCV's BGR),
 * each value `byte * scale + offset`.
 */
export function planarBgr(pixels: Uint8Array, channels: number, scale: number, offset: number): Float32Array {
  const count = Math.floor(pixels.length / channels);
  const out = new Float32Array(3 * count);
  for (let i = 0, p = 0; i < count; i++, p += channels) {
    out[i] = pixels[p + 2] * scale + offset;
    out[count + i] = pixels[p + 1] * scale + offset;
    out[2 * count + i] = pixels[p] * scale + offset;
  }
  return out;
}

/** Runs a one-input, one-output model; the output's values and shape, its native tensor released. */
export async function runModel(
  session: InferenceSession,
  input: Float32Array,
  dims: number[],
): Promise<{ data: Float32Array; dims: readonly number[] }> {
  const tensor = new Tensor('float32', input, dims);
  const outputs = await session.run({ [session.inputNames[0]]: tensor });
  const output = outputs[session.outputNames[0]];
  // Copied out so the runtime's buffer can go now rather than whenever the collector finalises it.
  const result = { data: Float32Array.from(output.data as Float32Array), dims: output.dims };
  for (const value of Object.values(outputs)) value.dispose();
  tensor.dispose();
  return result;
}
