/** What recognition deals in: lines of text the engine saw, and the fields read from them. */

/** One line of text as the engine returns it: `box` is four corners (x, y) when known. */
export interface OcrLine {
  text: string;
  /** The engine's mean character confidence, 0–1. */
  confidence: number;
  box?: number[][];
}

export const DOCUMENT_KINDS = ['business-licence', 'id-card-front', 'id-card-back'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(value);
}

/** Dates are `YYYY-MM-DD` or `长期`. */
export interface LicenceFields {
  uscc?: string;
  name?: string;
  type?: string;
  legalRepresentative?: string;
  address?: string;
  establishedOn?: string;
  validFrom?: string;
  validUntil?: string;
  authority?: string;
}
export interface IdFrontFields {
  name?: string;
  idNumber?: string;
  sex?: string;
  birth?: string;
}
export interface IdBackFields {
  authority?: string;
  validFrom?: string;
  validUntil?: string;
}
export type ReadFields = LicenceFields & IdFrontFields & IdBackFields;
export type FieldKey = keyof ReadFields;

/**
 * Confidence per field, 0–1. Values that passed a standard's check (GB 32100, GB 11643) or agree with
 * the QR code keep the engine's confidence; free text without a checksum is capped below
 * `CERTAIN` so it is never shown as certain.
 */
export type Confidence = Partial<Record<FieldKey, number>>;

/** At or above: shown as read; below: shown as "please check". */
export const CERTAIN = 0.95;
/** Names and other text with nothing to check them against never reach CERTAIN on their own. */
export const UNCHECKED_CAP = 0.9;

export interface ReadResult {
  kind: DocumentKind;
  fields: ReadFields;
  confidence: Confidence;
  /** What the QR code carried (licences), when it was decoded. */
  qr?: { text: string; uscc?: string };
  /** Why `fields` is empty (message key), e.g. no label of the document was found. */
  reason?: string;
  /** Quarter turns (clockwise degrees) that made the text readable, when not 0. */
  rotated?: number;
}
