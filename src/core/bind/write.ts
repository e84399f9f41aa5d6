/** Finishing a document: metadata, then temp file + rename so a reader never sees half a packet. */
import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PDFContentStream, PDFName, type PDFDocument } from 'pdf-lib';
import { UserError, toUserError } from '../errors';

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
  storeSmallStreamsPlainly(doc);
  return doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false });
}

/** Write `bytes` to `output` via a temp file in the same folder; the temp file never outlives a failure. */
export async function writeAtomically(output: string, bytes: Uint8Array, signal?: AbortSignal): Promise<void> {
  const dir = path.dirname(path.resolve(output));
  const temp = path.join(dir, `.${path.basename(output)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temp, bytes);
    if (signal?.aborted) throw new UserError('bind.cancelled');
    await rename(temp, output);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw toUserError(error, output);
  }
}
