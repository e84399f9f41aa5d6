/**
 * Loading an input PDF robustly. pdf-lib alone is not enough: it copies still-encrypted streams
 * (blank or garbled pages), overflows the stack on page-tree loops and reports 0 pages for some
 * broken files without an error. So: decrypt with qpdf when the file is encrypted, walk the page
 * tree ourselves (iteratively, with a loop guard) before pdf-lib touches it, and let qpdf
 * reconstruct files pdf-lib cannot parse.
 */
import { PDFDict, PDFDocument, PDFName, PDFRef, PDFArray, ParseSpeeds } from 'pdf-lib';
import { UserError } from '../errors';
import { runQpdf } from './qpdf';
import { foreignError, sniff } from '../fs/sniff';
import { DamagedPdfError, NO_PAGE_TREE, PAGE_TREE_LOOP } from './damage';

export type Encryption = 'none' | 'owner' | 'user';

export interface LoadedPdf {
  doc: PDFDocument;
  /** The page objects in order, found by our own walk of the page tree. */
  pageRefs: PDFRef[];
  encryption: Encryption;
  /** qpdf had to reconstruct the file. */
  repaired: boolean;
}

export interface LoadOptions {
  password?: string;
}

/** Pages deeper than this are treated as damage rather than recursed into. */
const MAX_TREE_DEPTH = 64;

/** Load `bytes` (named `name` in messages). Throws a UserError for anything a user must fix. */
export async function loadPdf(bytes: Uint8Array, name: string, options: LoadOptions = {}): Promise<LoadedPdf> {
  if (bytes.length === 0) throw new UserError('file.empty', { file: name });
  const sniffed = sniff(bytes);
  if (sniffed.kind === 'foreign') throw foreignError(sniffed.type, name);
  if (sniffed.mediaType !== 'application/pdf') throw new UserError('pdf.notPdf', { file: name });

  let encryption: Encryption = 'none';
  let data = bytes;
  if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('/Encrypt')) {
    const decrypted = await decrypt(bytes, name, options.password);
    data = decrypted.bytes;
    encryption = decrypted.encryption;
  }

  let repaired = false;
  let doc = await parse(data);
  let pageRefs = doc ? walkPageTree(doc, name) : undefined;
  if (!doc || !pageRefs) {
    const fixed = await runQpdf(data, ['IN', 'OUT']);
    if (!fixed.output) throw new DamagedPdfError(name, firstMessage(fixed.messages));
    repaired = true;
    doc = await parse(fixed.output);
    pageRefs = doc ? walkPageTree(doc, name) : undefined;
    if (!doc || !pageRefs) throw new DamagedPdfError(name, NO_PAGE_TREE);
  }
  if (doc.isEncrypted && encryption === 'none') {
    // The /Encrypt scan missed it (should not happen); decrypting is still the only safe route.
    return loadPdf(await decrypt(bytes, name, options.password).then((d) => d.bytes), name, options);
  }
  if (pageRefs.length === 0) throw new UserError('pdf.noPages', { file: name });
  return { doc, pageRefs, encryption, repaired };
}

/**
 * The file without its encryption, opened with `password` (or none, for owner-password-only files).
 * Imports keep this copy, so a user's password never has to be written down anywhere.
 */
export async function decryptPdf(bytes: Uint8Array, name: string, password?: string): Promise<Uint8Array> {
  return (await decrypt(bytes, name, password)).bytes;
}

async function decrypt(
  bytes: Uint8Array,
  name: string,
  password: string | undefined,
): Promise<{ bytes: Uint8Array; encryption: Encryption }> {
  // Owner-password-only files open with the empty user password; try that first so a stale
  // password stored for such a file cannot break it.
  const open = await runQpdf(bytes, ['--decrypt', '--password=', 'IN', 'OUT']);
  if (open.output) return { bytes: open.output, encryption: 'owner' };
  if (!isInvalidPassword(open.messages)) throw new DamagedPdfError(name, firstMessage(open.messages));
  if (password === undefined || password === '') throw new UserError('pdf.passwordRequired', { file: name });
  const withPassword = await runQpdf(bytes, ['--decrypt', `--password=${password}`, 'IN', 'OUT']);
  if (withPassword.output) return { bytes: withPassword.output, encryption: 'user' };
  if (isInvalidPassword(withPassword.messages)) throw new UserError('pdf.passwordWrong', { file: name });
  throw new DamagedPdfError(name, firstMessage(withPassword.messages));
}

function isInvalidPassword(messages: string[]): boolean {
  return messages.some((m) => /invalid password/i.test(m));
}

function firstMessage(messages: string[]): string {
  const line = messages.find((m) => m.trim() !== '') ?? '';
  // "prog: /in.pdf (object 3 0): message [+3 warnings]" -> "message"
  return line
    .replace(/^.*?\/in\.pdf(\s*\([^)]*\))?:\s*/, '')
    .replace(/\s*\[[^\]]*warnings?[^\]]*\]$/, '')
    .slice(0, 200);
}

/** pdf-lib's parse, or undefined when it cannot make sense of the file. */
async function parse(bytes: Uint8Array): Promise<PDFDocument | undefined> {
  try {
    return await quietly(() =>
      PDFDocument.load(bytes, {
        ignoreEncryption: true,
        updateMetadata: false,
        throwOnInvalidObject: false,
        parseSpeed: ParseSpeeds.Fastest,
      }),
    );
  } catch {
    return undefined;
  }
}

// pdf-lib reports every object it skips on console.warn/log. Parses may overlap (files are
// prepared ahead), so the console is silenced while at least one parse runs, and restored after the last.
let quietDepth = 0;
let saved: { warn: typeof console.warn; log: typeof console.log } | undefined;

async function quietly<T>(run: () => Promise<T>): Promise<T> {
  if (quietDepth++ === 0) {
    saved = { warn: console.warn, log: console.log };
    console.warn = () => undefined;
    console.log = () => undefined;
  }
  try {
    return await run();
  } finally {
    if (--quietDepth === 0 && saved) {
      console.warn = saved.warn;
      console.log = saved.log;
      saved = undefined;
    }
  }
}

/**
 * The page leaves in order, or undefined when there is no usable page tree (qpdf may rebuild
 * it). A loop in the tree is damage qpdf cannot fix either, so it throws straight away.
 */
export function walkPageTree(doc: PDFDocument, name: string): PDFRef[] | undefined {
  const { context } = doc;
  const catalog = context.lookup(context.trailerInfo.Root);
  if (!(catalog instanceof PDFDict)) return undefined;
  const rootRef = catalog.get(PDFName.of('Pages'));
  if (!(rootRef instanceof PDFRef) || !(context.lookup(rootRef) instanceof PDFDict)) return undefined;

  const leaves: PDFRef[] = [];
  const seen = new Set<string>();
  // Depth-first, left to right, without recursion.
  const stack: { ref: PDFRef; depth: number }[] = [{ ref: rootRef, depth: 0 }];
  while (stack.length > 0) {
    const { ref, depth } = stack.pop()!;
    const key = ref.toString();
    if (seen.has(key) || depth > MAX_TREE_DEPTH) throw new DamagedPdfError(name, PAGE_TREE_LOOP);
    seen.add(key);
    const node = context.lookup(ref);
    if (!(node instanceof PDFDict)) continue;
    const type = node.get(PDFName.of('Type'));
    const kids = node.lookup(PDFName.of('Kids'));
    if (type === PDFName.of('Page') || (!(kids instanceof PDFArray) && type !== PDFName.of('Pages'))) {
      leaves.push(ref);
      continue;
    }
    if (!(kids instanceof PDFArray)) continue;
    for (let i = kids.size() - 1; i >= 0; i--) {
      const kid = kids.get(i);
      if (kid instanceof PDFRef) stack.push({ ref: kid, depth: depth + 1 });
    }
  }
  // pdf-lib only treats objects with /Type /Page as pages; anything else would be dropped silently.
  const pages = doc.getPages();
  if (pages.length !== leaves.length) return undefined;
  return pages.map((p) => p.ref);
}
