/**
 * Writing a PDF in pieces. pdf-lib's `save()` lays the whole file out in one buffer (75 MB and more
 * for a large packet, on top of the document it was made from); `streamPdf` takes the same layout
 * from pdf-lib's own writer (`PDFStreamWriter.computeBufferSize`: object streams, cross-reference
 * stream, offsets) and hands it to `sink` in chunks of about a megabyte, so the bytes written are
 * exactly what `save({ useObjectStreams: true })` would have returned.
 */
import { createHash } from 'node:crypto';
import { PDFStreamWriter, type PDFDocument, type PDFObject, type PDFRef } from 'pdf-lib';

const CHUNK_BYTES = 1 << 20;

/** What `computeBufferSize` returns (protected in pdf-lib's types; stable since 1.x). */
interface Layout {
  size: number;
  header: Piece;
  indirectObjects: [PDFRef, PDFObject][];
  xref?: Piece;
  trailerDict?: Piece;
  trailer: Piece;
}
interface Piece {
  sizeInBytes(): number;
  copyBytesInto(buffer: Uint8Array, offset: number): number;
}

const ascii = (text: string): Piece => ({
  sizeInBytes: () => text.length,
  copyBytesInto: (buffer, offset) => {
    for (let i = 0; i < text.length; i++) buffer[offset + i] = text.charCodeAt(i);
    return text.length;
  },
});

/**
 * Serialise `doc` (already flushed) into `sink`, in order; returns the size and sha256 of what was
 * written. `sink` may keep the chunk it is given (each is a fresh buffer).
 */
export async function streamPdf(
  doc: PDFDocument,
  sink: (chunk: Uint8Array) => Promise<void>,
): Promise<{ bytes: number; sha256: string }> {
  const writer = PDFStreamWriter.forContext(doc.context, 50) as unknown as { computeBufferSize(): Promise<Layout> };
  const layout = await writer.computeBufferSize();
  const hash = createHash('sha256');
  let chunk = new Uint8Array(CHUNK_BYTES);
  let used = 0;
  let total = 0;
  const flush = async () => {
    if (used === 0) return;
    const out = chunk.subarray(0, used);
    hash.update(out);
    total += used;
    await sink(out);
    chunk = new Uint8Array(CHUNK_BYTES);
    used = 0;
  };
  const put = async (...pieces: Piece[]) => {
    const size = pieces.reduce((sum, p) => sum + p.sizeInBytes(), 0);
    if (used + size > chunk.length) await flush();
    // A piece larger than a chunk (a photo's stream) gets a buffer of its own.
    if (size > chunk.length) chunk = new Uint8Array(size);
    for (const piece of pieces) used += piece.copyBytesInto(chunk, used);
  };

  await put(layout.header, ascii('\n\n'));
  for (const [ref, object] of layout.indirectObjects) {
    await put(ascii(`${ref.objectNumber} ${ref.generationNumber} obj\n`), object, ascii('\nendobj\n\n'));
  }
  if (layout.xref) await put(layout.xref, ascii('\n'));
  if (layout.trailerDict) await put(layout.trailerDict, ascii('\n\n'));
  await put(layout.trailer);
  await flush();
  // The offsets in the cross-reference stream were computed for exactly `size` bytes.
  if (total !== layout.size) throw new Error(`PDF writer produced ${total} bytes, expected ${layout.size}`);
  return { bytes: total, sha256: hash.digest('hex') };
}
