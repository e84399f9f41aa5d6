// Which runtime dependencies the shipped bundles (the CLI, the app's main process and its job worker) carry
// inside themselves rather than load from node_modules. pdf-lib and fontkit are CommonJS: imported from our ES
// modules, Node parses them (and every file pdf-lib re-exports) for their export names on each start, ~0.25 s
// of every bind; bundled, esbuild/rollup resolves that once at build time. Everything else stays in
// node_modules: sharp, @napi-rs/canvas and onnxruntime-node load native code, and pdfjs-dist, qpdf-wasm,
// subset-font (HarfBuzz), zxing-wasm and the OCR models read files from beside themselves.
import { readFileSync } from 'node:fs';

export const BUNDLED_DEPENDENCIES = ['pdf-lib', '@pdf-lib/fontkit'];

/** The package's runtime dependencies that stay external (esbuild's `external`, with their subpaths). */
export function externalDependencies(packageJsonPath) {
  const { dependencies = {} } = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
  return Object.keys(dependencies)
    .filter((name) => !BUNDLED_DEPENDENCIES.includes(name))
    .flatMap((name) => [name, `${name}/*`]);
}
