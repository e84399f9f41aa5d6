/**
 * A deterministic reference packet for the benchmark: ~40 PDFs (~250 pages, mixed sizes, some
 * scan-like) and 60 phone-style photos (4000×3000 JPEG, assorted EXIF orientations). Everything
 * comes from a seeded PRNG, so two runs produce the same bytes; files are cached by name.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import sharp from 'sharp';

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SIZES: [string, number, number][] = [
  ['A4', 595.28, 841.89],
  ['Letter', 612, 792],
  ['A5', 419.53, 595.28],
  ['A4-landscape', 841.89, 595.28],
  ['A3', 841.89, 1190.55],
  ['Legal', 612, 1008],
];

const WORDS =
  'the of and licence filing company address network service operator record security system data user application approval document page section article'.split(
    ' ',
  );

export interface BenchFiles {
  pdfs: string[];
  photos: string[];
  pdfPages: number;
}

async function writeOnce(file: string, make: () => Promise<Uint8Array>): Promise<void> {
  if (existsSync(file)) return;
  const temp = `${file}.tmp`;
  await writeFile(temp, await make());
  await rename(temp, file);
}

/** Page counts of the 40 PDFs: 250 pages in total. */
export function pdfPageCounts(): number[] {
  const random = prng(7);
  const counts = Array.from({ length: 40 }, () => 1 + Math.floor(random() * 11));
  // Nudge to exactly 250 pages.
  let total = counts.reduce((a, b) => a + b, 0);
  for (let i = 0; total !== 250; i = (i + 1) % counts.length) {
    const step = total < 250 && counts[i] < 14 ? 1 : total > 250 && counts[i] > 1 ? -1 : 0;
    counts[i] += step;
    total += step;
  }
  return counts;
}

async function makeScanJpeg(random: () => number): Promise<Buffer> {
  const width = 1240;
  const height = 1754;
  const lines = Array.from({ length: 40 }, (_, i) => {
    const w = 400 + Math.floor(random() * 650);
    return `<rect x="120" y="${200 + i * 34}" width="${w}" height="14" fill="#333"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#f4f2ec"/>${lines}<circle cx="950" cy="1550" r="110" fill="none" stroke="#555" stroke-width="10"/></svg>`;
  return sharp(Buffer.from(svg)).grayscale().jpeg({ quality: 70 }).toBuffer();
}

async function makePdf(index: number, pages: number): Promise<Uint8Array> {
  const random = prng(1000 + index);
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const scanned = index % 8 === 3;
  const scan = scanned ? await doc.embedJpg(await makeScanJpeg(random)) : undefined;
  for (let p = 0; p < pages; p++) {
    const [, width, height] = SIZES[Math.floor(random() * SIZES.length)];
    const page = doc.addPage([width, height]);
    if (scan) {
      page.drawImage(scan, { x: 0, y: 0, width, height });
      continue;
    }
    page.drawText(`Document ${index + 1} - page ${p + 1}`, { x: 50, y: height - 60, size: 16, font });
    for (let y = height - 100, n = 0; y > 60 && n < 45; y -= 16, n++) {
      const words = Array.from(
        { length: 6 + Math.floor(random() * 8) },
        () => WORDS[Math.floor(random() * WORDS.length)],
      );
      page.drawText(words.join(' '), { x: 50, y, size: 10, font, color: rgb(0.1, 0.1, 0.1) });
    }
    page.drawRectangle({
      x: 40,
      y: 40,
      width: width - 80,
      height: height - 80,
      borderColor: rgb(0.6, 0.6, 0.7),
      borderWidth: 1,
    });
  }
  return doc.save({ useObjectStreams: false });
}

/** A phone photo of a document on a desk: 4000×3000, noisy like a sensor, tagged with `orientation`. */
async function makePhoto(index: number, orientation: number): Promise<Uint8Array> {
  const random = prng(5000 + index);
  const width = 4000;
  const height = 3000;
  const hue = Math.floor(random() * 360);
  const lines = Array.from({ length: 28 }, (_, i) => {
    const w = 900 + Math.floor(random() * 1300);
    return `<rect x="950" y="${560 + i * 70}" width="${w}" height="26" fill="#2a2a2a"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},25%,55%)"/><stop offset="1" stop-color="hsl(${hue},20%,25%)"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <rect x="800" y="300" width="2500" height="2500" fill="#efece4" transform="rotate(${(random() * 6 - 3).toFixed(2)} 2000 1500)"/>
    ${lines}
    <circle cx="2900" cy="2400" r="230" fill="none" stroke="#c0282d" stroke-width="22"/></svg>`;
  // Sensor-like noise: a tile of seeded random grey values laid over the picture.
  const tile = 256;
  const noise = Buffer.alloc(tile * tile);
  for (let i = 0; i < noise.length; i++) noise[i] = 128 + Math.floor((random() - 0.5) * 70);
  const noiseTile = await sharp(noise, { raw: { width: tile, height: tile, channels: 1 } })
    .png()
    .toBuffer();
  const base = await sharp(Buffer.from(svg)).png({ compressionLevel: 0 }).toBuffer();
  return sharp(base)
    .composite([{ input: noiseTile, tile: true, blend: 'soft-light' }])
    .jpeg({ quality: 92 })
    .withMetadata({ orientation })
    .toBuffer();
}

/**
 * The files of a project `scale` times the packet: copy 1 is the files themselves, copies 2… carry a
 * comment that makes their bytes (and sha256) differ while the content stays the same — a 4× project
 * of 240 distinct photos, not 60 photos the vault and the cache would each store once.
 */
export async function scaledFiles(files: string[], scale: number): Promise<string[]> {
  const out: string[] = [];
  for (let copy = 1; copy <= scale; copy++) {
    for (const file of files) {
      if (copy === 1) {
        out.push(file);
        continue;
      }
      const ext = path.extname(file);
      const variant = path.join(path.dirname(file), 'copies', `${path.basename(file, ext)}-c${copy}${ext}`);
      await mkdir(path.dirname(variant), { recursive: true });
      await writeOnce(variant, async () => {
        const bytes = new Uint8Array(await readFile(file));
        const note = Buffer.from(`matprep bench copy ${copy}`, 'latin1');
        if (ext === '.pdf') return Buffer.concat([bytes, Buffer.from(`\n%${note.toString('latin1')}\n`, 'latin1')]);
        // A JPEG comment segment (COM, FF FE) after the APPn segments (EXIF stays where readers look).
        let at = 2;
        while (bytes[at] === 0xff && bytes[at + 1] >= 0xe0 && bytes[at + 1] <= 0xef)
          at += 2 + ((bytes[at + 2] << 8) | bytes[at + 3]);
        const length = Buffer.alloc(2);
        length.writeUInt16BE(note.length + 2);
        return Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff, 0xfe]), length, note, bytes.subarray(at)]);
      });
      out.push(variant);
    }
  }
  return out;
}

export async function generateBenchFiles(dir: string): Promise<BenchFiles> {
  await mkdir(dir, { recursive: true });
  const counts = pdfPageCounts();
  const pdfs = counts.map((_, i) => path.join(dir, `doc-${String(i + 1).padStart(2, '0')}.pdf`));
  for (const [i, file] of pdfs.entries()) await writeOnce(file, () => makePdf(i, counts[i]));
  const orientations = [1, 6, 6, 8, 3, 1, 6, 1];
  const photos = Array.from({ length: 60 }, (_, i) =>
    path.join(dir, `photo-${String(i + 1).padStart(2, '0')}-o${orientations[i % orientations.length]}.jpg`),
  );
  for (const [i, file] of photos.entries())
    await writeOnce(file, () => makePhoto(i, orientations[i % orientations.length]));
  return { pdfs, photos, pdfPages: counts.reduce((a, b) => a + b, 0) };
}
