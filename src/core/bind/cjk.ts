/**
 * Chinese text in generated PDF pages. pdf-lib's own subsetting (through fontkit) drops CJK
 * glyphs, so the bundled font is subset with HarfBuzz (`subset-font`) to exactly the characters a
 * document uses and embedded whole. Callers collect their text first, then embed once.
 * Reusable by anything that draws text with pdf-lib (cover, 目录, 补正清单, charts).
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import subsetFont from 'subset-font';
import { createHash } from 'node:crypto';
import { findResource } from '../resources';
import type { BlobCache } from '../cache/store';

export const BUNDLED_FONT_FILE = 'LXGWWenKai-Regular.ttf';

/** Characters every generated page may need besides the caller's text (digits, Latin, punctuation). */
const BASE_CHARS =
  Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('') + '，。、：；（）—–…·“”‘’《》【】　';

export interface CjkFont {
  font: PDFFont;
  widthOf(text: string, size: number): number;
  /** Lines of at most `maxWidth` points; breaks anywhere between CJK characters, at spaces in Latin. */
  wrap(text: string, size: number, maxWidth: number): string[];
}

/** The bundled font: $MATPREP_FONT, or assets/fonts next to the app (searched upwards from here). */
export function findBundledFont(): string {
  const override = process.env.MATPREP_FONT;
  if (override && existsSync(override)) return override;
  const found = findResource(path.join('assets', 'fonts', BUNDLED_FONT_FILE), [
    path.dirname(fileURLToPath(import.meta.url)),
    process.cwd(),
  ]);
  if (!found) throw new Error(`bundled font ${BUNDLED_FONT_FILE} not found`);
  return found;
}

let kit: Promise<typeof fontkit> | undefined;
/**
 * fontkit, loaded on first use: loading it unpacks its Unicode tables (~0.3 s), which a re-bind
 * answered from the cache, or a command that draws no text, never needs.
 */
export function loadFontkit(): Promise<typeof fontkit> {
  kit ??= import('@pdf-lib/fontkit').then((m) => m.default);
  return kit;
}

const fontFiles = new Map<string, Promise<Buffer>>();

/** The font file's bytes; it is 15 MB, so it is read once per process. */
export function fontBytes(file: string): Promise<Buffer> {
  let bytes = fontFiles.get(file);
  if (!bytes) {
    bytes = readFile(file);
    fontFiles.set(file, bytes);
  }
  return bytes;
}

/** Embed the bundled font into `doc`, subset to the characters of `text` (plus digits, Latin, punctuation). */
export async function embedCjkFont(
  doc: PDFDocument,
  text: string,
  options: { fontFile?: string; cache?: BlobCache } = {},
): Promise<CjkFont> {
  const subset = await prepareCjkSubset(text, options);
  doc.registerFontkit(await loadFontkit());
  const font = await doc.embedFont(subset, { subset: false, customName: await subsetFontName(subset) });
  const widthOf = (s: string, size: number) => font.widthOfTextAtSize(s, size);
  return { font, widthOf, wrap: (s, size, maxWidth) => wrapText(s, maxWidth, (t) => widthOf(t, size)) };
}

/** Counted so tests can tell a subset made from one found in the cache. */
export const subsetCounter = { made: 0 };

/**
 * The font subset embedCjkFont uses for `text`, kept in `cache`: made ahead of a bind (the prepare
 * job), it spares the bind HarfBuzz, whose WebAssembly compiles in ~0.4 s in every new thread.
 */
export async function prepareCjkSubset(
  text: string,
  options: { fontFile?: string; cache?: BlobCache } = {},
): Promise<Uint8Array> {
  const chars = [...new Set(BASE_CHARS + text.replace(/\s/g, ''))].sort().join('');
  return subsetOf(options.fontFile ?? findBundledFont(), chars, options.cache);
}

/**
 * The font subset to `chars`: HarfBuzz on the 15 MB font costs ~0.2 s and reading it as much again,
 * so a re-bind takes the subset from the cache, keyed by the font file (path, size, mtime) and the
 * characters.
 */
async function subsetOf(file: string, chars: string, cache?: BlobCache): Promise<Uint8Array> {
  const info = cache ? await stat(file).catch(() => undefined) : undefined;
  const key = info && { kind: 'font-subset', font: file, size: info.size, mtime: info.mtimeMs, chars };
  const cached = key ? await cache?.get(key) : undefined;
  if (cached) return cached.payload;
  subsetCounter.made++;
  const subset = await subsetFont(await fontBytes(file), chars, { targetFormat: 'truetype' });
  if (key) await cache?.put(key, subset);
  return subset;
}

/**
 * A subset font's PDF name carries a six-letter tag (PDF 32000 §9.6.4), so viewers and preflight tools
 * know it is not the whole font. Derived from the subset's bytes: the same text gives the same name,
 * which keeps deterministic output byte-identical.
 */
export async function subsetFontName(subset: Uint8Array): Promise<string> {
  const digest = createHash('sha256').update(subset).digest();
  const tag = [...digest.subarray(0, 6)].map((b) => String.fromCharCode(65 + (b % 26))).join('');
  const name = (await loadFontkit()).create(subset).postscriptName || 'Font';
  return `${tag}+${name}`;
}

/** Closing punctuation that may not start a line (禁则). */
export const NO_LINE_START = '，。、：；！？）》」』】〕”’,.;:!?)]}';

/** Greedy line breaking; CJK characters break anywhere, Latin words only at spaces (or when too long). */
export function wrapText(text: string, maxWidth: number, widthOf: (text: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    const tokens = paragraph.match(/[A-Za-z0-9@._\-/:]+\s*|\s+|./gu) ?? [];
    let line = '';
    for (const token of tokens) {
      if (widthOf(line + token) <= maxWidth || line === '') {
        if (line === '' && widthOf(token) > maxWidth) {
          // A single over-long word: split it by character.
          for (const ch of token) {
            if (line !== '' && widthOf(line + ch) > maxWidth) {
              lines.push(line);
              line = '';
            }
            line += ch;
          }
        } else line += token;
      } else if (NO_LINE_START.includes(token[0]) && [...line].length > 1) {
        // 禁则: closing punctuation may not start a line, so the last character moves down with it.
        const chars = [...line];
        let moved = chars.pop()!;
        // The character moved down may itself be closing punctuation (图）。): take one more with it.
        while (NO_LINE_START.includes(moved[0]) && chars.length > 1) moved = chars.pop()! + moved;
        lines.push(chars.join('').trimEnd());
        line = moved + token;
      } else {
        lines.push(line.trimEnd());
        line = token.trimStart();
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
