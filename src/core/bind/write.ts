/** Finishing a document: metadata, then temp file + rename so a reader never sees half a packet. */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFContentStream, PDFName, PDFRawStream, type PDFDocument } from 'pdf-lib';
import { UserError, toUserError } from '../errors';
import { sweepTempFiles, writeFileAtomic, writeStreamAtomic } from '../fs/atomic';
import { streamPdf } from './stream-write';
import { removeActiveAndUnreachable } from '../pdf/clean';

export interface DocInfo {
  title: string;
  author: string;
  subject: string;
  date: Date;
}

export const CREATOR = 'matprep';

export function setInfo(doc: PDFDocument, info: DocInfo): void {
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setAuthor(info.author);
  doc.setSubject(info.subject);
  doc.setCreator(CREATOR);
  doc.setProducer(`${CREATOR} (pdf-lib)`);
  doc.setCreationDate(info.date);
  doc.setModificationDate(info.date);
}

/** Content streams below this size are stored without compression; larger ones are deflated with zlib. */
const PLAIN_STREAM_BYTES = 4096;

/**
 * pdf-lib deflates every content stream it generates with pako, which sets up and zeroes ~300 KB
 * of state per stream; page numbers and headers are a few hundred bytes per page, so storing them
 * plainly costs a few KB in all and saves that setup on every page. The larger ones are deflated
 * here with Node's zlib instead.
 */
function encodeContentStreams(doc: PDFDocument): void {
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFContentStream)) continue;
    if (object.getUnencodedContentsSize() < PLAIN_STREAM_BYTES) {
      (object as unknown as { encode: boolean }).encode = false;
      object.dict.delete(PDFName.of('Filter'));
    } else if ((object as unknown as { encode: boolean }).encode) {
      // The larger ones (cover, 目录, stamped pages) deflated by Node's zlib: native, several times pako's speed.
      doc.context.assign(ref, PDFRawStream.of(object.dict, deflateSync(object.getUnencodedContents())));
    }
  }
}

async function finish(doc: PDFDocument): Promise<void> {
  // Fonts and images are written into the context on flush: clean after, so they are reached too.
  await doc.flush();
  removeActiveAndUnreachable(doc);
  encodeContentStreams(doc);
}

export async function serialise(doc: PDFDocument): Promise<Uint8Array> {
  await finish(doc);
  return doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false });
}

/** The packet's folder exists, and temp files a killed bind left there are gone. */
async function prepareFolder(output: string): Promise<string> {
  const target = path.resolve(output);
  try {
    await mkdir(path.dirname(target), { recursive: true });
  } catch (error) {
    throw toUserError(error, output);
  }
  // A bind killed mid-write left its temp beside the packet (tens of MB of ID scans): clear it.
  await sweepTempFiles(path.dirname(target), path.basename(target));
  return target;
}

const cancelCheck = (signal?: AbortSignal) => () => {
  if (signal?.aborted) throw new UserError('bind.cancelled');
};

/** Write `bytes` to `output` atomically (temp file + rename in the same folder); a cancelled bind writes nothing. */
export async function writeAtomically(output: string, bytes: Uint8Array, signal?: AbortSignal): Promise<void> {
  await writeFileAtomic(await prepareFolder(output), bytes, { beforeRename: cancelCheck(signal) });
}

/**
 * Serialise `doc` straight into `output` (temp file + rename), a megabyte at a time, never holding
 * the whole file in memory (`./stream-write.ts`). Returns its size and sha256.
 */
export async function writePdfAtomically(
  doc: PDFDocument,
  output: string,
  signal?: AbortSignal,
): Promise<{ bytes: number; sha256: string }> {
  await finish(doc);
  const target = await prepareFolder(output);
  let written: { bytes: number; sha256: string } | undefined;
  await writeStreamAtomic(
    target,
    async (handle) => {
      written = await streamPdf(doc, async (chunk) => {
        await handle.writeFile(chunk);
      });
    },
    { beforeRename: cancelCheck(signal) },
  );
  return written!;
}
