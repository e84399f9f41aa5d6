/**
 * The streaming packet writer: the file it writes is byte for byte what pdf-lib's `save()` returns
 * for the same document, parses with pdf-lib, and passes `qpdf --check` — with streams larger than
 * its write chunk and more objects than one object stream holds.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { streamPdf } from '../../src/core/bind/stream-write';
import { writePdfAtomically } from '../../src/core/bind/write';

const dir = mkdtempSync(path.join(tmpdir(), 'matprep-stream-'));

/** A document with a ~2 MB image stream (larger than one write chunk) and a few hundred small objects. */
async function makeDoc(noise: Buffer): Promise<PDFDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const jpeg = await sharp(noise, { raw: { width: 1200, height: 1200, channels: 3 } })
    .jpeg({ quality: 100 })
    .toBuffer();
  const image = await doc.embedJpg(jpeg);
  for (let i = 0; i < 120; i++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`page ${i + 1}`, { x: 40, y: 800, font, size: 12 });
    if (i % 40 === 0) page.drawImage(image, { x: 40, y: 100, width: 500, height: 500 });
  }
  doc.setTitle('stream test');
  return doc;
}

it('writes what save() gives, in pieces; the file parses and passes qpdf --check', async () => {
  const noise = Buffer.alloc(1200 * 1200 * 3);
  for (let i = 0, x = 7; i < noise.length; i++) noise[i] = x = (x * 1103515245 + 12345) & 0xff;

  const saved = await (await makeDoc(noise)).save({ useObjectStreams: true, addDefaultPage: false });
  const chunks: Uint8Array[] = [];
  const doc = await makeDoc(noise);
  await doc.flush();
  const streamed = await streamPdf(doc, async (chunk) => void chunks.push(chunk));
  const bytes = Buffer.concat(chunks);
  expect(saved.length).toBeGreaterThan(1 << 20);
  expect(chunks.length).toBeGreaterThan(2);
  expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(saved.length);
  expect(streamed.bytes).toBe(bytes.length);
  expect(streamed.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  expect(Buffer.compare(bytes, Buffer.from(saved))).toBe(0);

  const output = path.join(dir, 'out.pdf');
  const written = await writePdfAtomically(await makeDoc(noise), output);
  const onDisk = readFileSync(output);
  expect(written.sha256).toBe(createHash('sha256').update(onDisk).digest('hex'));
  expect((await PDFDocument.load(onDisk)).getPageCount()).toBe(120);
  expect(execFileSync('qpdf', ['--check', output], { encoding: 'utf8' })).toMatch(
    /No syntax or stream encoding errors/,
  );
  // Only the packet is left: no temp file beside it.
  expect(readdirSync(dir)).toEqual(['out.pdf']);
});

it('a cancelled write leaves nothing behind', async () => {
  const controller = new AbortController();
  controller.abort();
  const output = path.join(dir, 'cancelled.pdf');
  await expect(writePdfAtomically(await PDFDocument.create(), output, controller.signal)).rejects.toMatchObject({
    code: 'bind.cancelled',
  });
  expect(readdirSync(dir)).not.toContain('cancelled.pdf');
  expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
});
