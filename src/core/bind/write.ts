/** Finishing a document: metadata, then temp file + rename so a reader never sees half a packet. */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PDFContentStream, PDFName, type PDFDocument } from 'pdf-lib';
import { UserError, toUserError } from '../errors';
import { sweepTempFiles, writeFileAtomic } from '../fs/atomic';
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

/** Content streams below this size are stored without compression. */
const PLAIN_STREAM_BYTES = 4096;

/**
 * pdf-lib deflates every content stream it generates with pako, which sets up and zeroes ~300 KB
 * of state per stream; page numbers and headers are a few hundred bytes per page, so storing them
 * plainly costs a few KB in all and saves that setup on every page.
 */
function storeSmallStreamsPlainly(doc: PDFDocument): void {
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFContentStream && object.getUnencodedContentsSize() < PLAIN_STREAM_BYTES) {
      (object as unknown as { encode: boolean }).encode = false;
      object.dict.delete(PDFName.of('Filter'));
    }
  }
}

export async function serialise(doc: PDFDocument): Promise<Uint8Array> {
  // Fonts and images are written into the context on flush: clean after, so they are reached too.
  await doc.flush();
  removeActiveAndUnreachable(doc);
  storeSmallStreamsPlainly(doc);
  return doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false });
}

/** Write `bytes` to `output` atomically (temp file + rename in the same folder); a cancelled bind writes nothing. */
export async function writeAtomically(output: string, bytes: Uint8Array, signal?: AbortSignal): Promise<void> {
  const target = path.resolve(output);
  try {
    await mkdir(path.dirname(target), { recursive: true });
  } catch (error) {
    throw toUserError(error, output);
  }
  // A bind killed mid-write left its temp beside the packet (tens of MB of ID scans): clear it.
  await sweepTempFiles(path.dirname(target), path.basename(target));
  await writeFileAtomic(target, bytes, {
    beforeRename: () => {
      if (signal?.aborted) throw new UserError('bind.cancelled');
    },
  });
}
