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
  // OLE2 compound file: .doc/.xls/.ppt and WPS's .wps/.et/.dps.
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'office';
  if (head.startsWith('PK\x03\x04')) return zipType(bytes);
  const sample = bytes.subarray(0, 512);
  if (sample.length > 0 && sample.every((b) => b === 9 || b === 10 || b === 13 || b >= 32)) return 'text';
  return 'unknown';
}

/** Zip-based office names: Office Open XML (with macro and template variants) and OpenDocument. */
const OFFICE_ZIP_NAME = /\.((doc|dot|xls|xlt|ppt|pot|pps)[xm]|od[tsp])$/i;

/**
 * The error for a file that is not PDF/JPEG/PNG; a text file named .pdf gets the more specific
 * message, and a zip not recognisable by its parts but named .docx/.xlsx/.pptx (or .ofd) is treated
 * as the document it says it is: "extract it" would be advice that cannot work.
 */
export function foreignError(type: ForeignType, name: string): UserError {
  if ((type === 'text' || type === 'unknown') && /\.pdf$/i.test(name))
    return new UserError('pdf.notPdf', { file: name });
  if (type === 'zip' && OFFICE_ZIP_NAME.test(name)) return new UserError('file.unsupported.office', { file: name });
  if (type === 'zip' && /\.ofd$/i.test(name)) return new UserError('file.unsupported.ofd', { file: name });
  return new UserError(`file.unsupported.${type}`, { file: name });
}

/** A zip is an office document (OOXML or OpenDocument), an OFD, or a plain archive, by its part names. */
function zipType(bytes: Uint8Array): ForeignType {
  // OpenDocument (.odt/.ods, also LibreOffice's default) stores its `mimetype` part first, uncompressed.
  if (ascii(bytes, 30, 128).includes('application/vnd.oasis.opendocument')) return 'office';
  const names = zipNames(bytes);
  // A head that cannot be walked (damaged, or written by hand) may still name the parts in it.
  const head = ascii(bytes, 0, 4096);
  const office = ['[Content_Types].xml', 'word/', 'xl/', 'ppt/'];
  if (names.some((n) => n === '[Content_Types].xml' || /^(word|xl|ppt)\//.test(n))) return 'office';
  if (office.some((part) => head.includes(part))) return 'office';
  if (names.some((n) => n === 'OFD.xml' || n.endsWith('/OFD.xml')) || head.includes('OFD.xml')) return 'ofd';
  return 'zip';
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;

/**
 * Part names of a zip: from the central directory at its end, which lists every part whatever the
 * order (a big first part can push `word/` past any fixed-size head); failing that (a cut-off file,
 * or only its head read), from the local headers at its start.
 */
function zipNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const names: string[] = [];
  // The end record is 22 bytes plus a comment of at most 65535.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let end = bytes.length - 22; end >= lowest; end--) {
    if (u32(end) !== END_OF_CENTRAL) continue;
    for (let at = u32(end + 16); at + 46 <= bytes.length && u32(at) === CENTRAL_HEADER;) {
      const nameLength = u16(at + 28);
      names.push(ascii(bytes, at + 46, at + 46 + nameLength));
      at += 46 + nameLength + u16(at + 30) + u16(at + 32);
    }
    if (names.length > 0) return names;
    break;
  }
  for (let at = 0; at + 30 <= bytes.length && u32(at) === LOCAL_HEADER && names.length < 256;) {
    const nameLength = u16(at + 26);
    names.push(ascii(bytes, at + 30, at + 30 + nameLength));
    // With bit 3 set the sizes follow the data, so the next header cannot be found from here.
    if (u16(at + 6) & 0x8) break;
    at += 30 + nameLength + u16(at + 28) + u32(at + 18);
  }
  return names;
}
