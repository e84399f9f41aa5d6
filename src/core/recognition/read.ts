/**
 * Reading one document: the file → upright reduced image → text lines → fields (trying the other
 * three quarter turns when the document's labels are not found) → for a licence, the QR code as a
 * second reading of the USCC.
 */
import { extractFields, type Extraction } from './extract';
import { documentImage, turned } from './image';
import { ocrEngine, type OcrEngine } from './engine';
import { readQr } from './qr';
import { CERTAIN, type DocumentKind, type ReadResult } from '../model/recognition/types';

export interface ReadOptions {
  /** YYYY-MM-DD: ID numbers with a later birth date are rejected. */
  today: string;
  /** For tests and the benchmark: another engine, or another size. */
  engine?: OcrEngine;
  maxSide?: number;
}

/** Turns tried when the first reading did not find the document, in order of how often they happen. */
const TURNS = [0, 180, 90, 270];

export async function readDocument(
  bytes: Uint8Array,
  name: string,
  kind: DocumentKind,
  options: ReadOptions,
): Promise<ReadResult> {
  const image = await documentImage(bytes, name, options.maxSide);
  const engine = options.engine ?? (await ocrEngine());
  const attempt = async (png: Buffer) => extractFields(kind, await engine.lines(png), options.today);
  // The engine tells the way up from the text itself when it can (one reading); otherwise, and when
  // that reading does not find the document, the quarter turns are tried one by one.
  const first = engine.upright ? await engine.upright(image) : { lines: await engine.lines(image), turn: 0 };
  let best: Extraction & { turn: number } = { ...extractFields(kind, first.lines, options.today), turn: first.turn };
  for (const turn of best.recognised ? [] : TURNS.filter((t) => t !== first.turn)) {
    const next = await attempt(turn ? await turned(image, turn) : image);
    const count = (e: Extraction) => Object.keys(e.fields).length;
    if (next.recognised || count(next) > count(best)) best = { ...next, turn };
    if (next.recognised) break;
  }
  const result: ReadResult = { kind, fields: best.fields, confidence: best.confidence };
  if (best.turn) result.rotated = best.turn;
  if (kind === 'business-licence') {
    const qr = await readQr(image).catch(() => undefined);
    if (qr) {
      result.qr = qr;
      crossCheckUscc(result, qr.uscc);
    }
  }
  if (!best.recognised && Object.keys(result.fields).length === 0) result.reason = 'recognition.notFound';
  return result;
}

/**
 * Two independent readings of the USCC: agreeing, the code is certain; one missing, the other stands
 * (below certain when only the QR had it, as the QR may belong to another licence's copy); disagreeing,
 * the QR's is kept but flagged as doubtful.
 */
function crossCheckUscc(result: ReadResult, fromQr: string | undefined): void {
  if (!fromQr) return;
  const read = result.fields.uscc;
  if (read === fromQr) result.confidence.uscc = 1;
  else {
    result.fields.uscc = fromQr;
    result.confidence.uscc = read ? 0.5 : Math.min(CERTAIN - 0.01, 0.9);
  }
}
