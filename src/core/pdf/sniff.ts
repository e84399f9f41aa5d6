/**
 * What a file really is, from its first bytes (never from its extension): users rename .docx to
 * .pdf and phones save HEIC as .jpg.
 */
import { UserError } from '../errors';

export type SupportedType = 'application/pdf' | 'image/jpeg' | 'image/png';

/** Known but unsupported kinds, each with its own hint on how to convert. */
export type ForeignType = 'office' | 'heic' | 'webp' | 'gif' | 'tiff' | 'bmp' | 'ofd' | 'zip' | 'text' | 'unknown';

export type Sniffed = { kind: 'supported'; mediaType: SupportedType } | { kind: 'foreign'; type: ForeignType };

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  return sig.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return Buffer.from(bytes.subarray(from, Math.min(to, bytes.length))).toString('latin1');
}

export function sniff(bytes: Uint8Array): Sniffed {
  // PDF readers accept the header anywhere in the first KB (some scanners prepend junk).
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return { kind: 'supported', mediaType: 'application/pdf' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'supported', mediaType: 'image/jpeg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { kind: 'supported', mediaType: 'image/png' };
  return { kind: 'foreign', type: foreignType(bytes) };
}

function foreignType(bytes: Uint8Array): ForeignType {
  const head = ascii(bytes, 0, 64);
  if (head.slice(4, 8) === 'ftyp') {
    const brand = head.slice(8, 12);
    if (/^(heic|heix|hevc|heim|heis|mif1|msf1|avif)$/.test(brand)) return 'heic';
  }
  if (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') return 'webp';
  if (head.startsWith('GIF8')) return 'gif';
  if (head.startsWith('II*\0') || head.startsWith('MM\0*')) return 'tiff';
  if (head.startsWith('BM')) return 'bmp';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'office'; // .doc/.xls (OLE)
  if (head.startsWith('PK\x03\x04')) {
    const names = ascii(bytes, 0, 4096);
    if (
      names.includes('word/') ||
      names.includes('xl/') ||
      names.includes('ppt/') ||
      names.includes('[Content_Types].xml')
    )
      return 'office';
    if (names.includes('OFD.xml')) return 'ofd';
    return 'zip';
  }
  const sample = bytes.subarray(0, 512);
  if (sample.length > 0 && sample.every((b) => b === 9 || b === 10 || b === 13 || b >= 32)) return 'text';
  return 'unknown';
}

/** The error for a file that is not PDF/JPEG/PNG; a text file named .pdf gets the more specific message. */
export function foreignError(type: ForeignType, name: string): UserError {
  if ((type === 'text' || type === 'unknown') && /\.pdf$/i.test(name))
    return new UserError('pdf.notPdf', { file: name });
  return new UserError(`file.unsupported.${type}`, { file: name });
}
