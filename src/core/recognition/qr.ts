/**
 * The QR code on a 营业执照, as a second reading independent of the text: zxing-wasm (zxing-cpp as
 * WebAssembly). Its wasm is read from node_modules and handed over, since by default the package
 * fetches it from a CDN, even in Node.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { findUscc } from './codes';

// Not named `require`: electron-vite's ESM shim declares its own (see pdf/qpdf.ts).
const requireHere = createRequire(import.meta.url);

let ready: Promise<typeof import('zxing-wasm/reader')> | undefined;

function reader(): Promise<typeof import('zxing-wasm/reader')> {
  ready ??= (async () => {
    const zxing = await import('zxing-wasm/reader');
    const wasm = await readFile(requireHere.resolve('zxing-wasm/reader/zxing_reader.wasm'));
    const wasmBinary = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer;
    await zxing.prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
    return zxing;
  })();
  return ready;
}

/** The first QR code's text and the USCC in it (when it holds one that passes GB 32100), or undefined. */
export async function readQr(image: Buffer): Promise<{ text: string; uscc?: string } | undefined> {
  const zxing = await reader();
  const found = await zxing.readBarcodes(new Uint8Array(image), {
    formats: ['QRCode'],
    tryHarder: true,
    maxNumberOfSymbols: 1,
  });
  const text = found.find((b) => b.isValid)?.text;
  if (!text) return undefined;
  // Real licences may carry an opaque link: the code is used only when it is there in plain text.
  const uscc = findUscc(text)?.value;
  return uscc ? { text, uscc } : { text };
}
