/**
 * Why a PDF could not be read, in the reader's words. qpdf and our own page-tree walk say it in
 * English ("can't find startxref", "page tree loop"); the message keeps that text, labelled as a
 * technical detail, and for the common cases first says in plain words what it means.
 */
import { t, type Locale, type MessageKey } from '../../i18n';
import { UserError } from '../errors';

/** The text of our own page-tree walk when the tree loops back on itself. */
export const PAGE_TREE_LOOP = 'page tree loop';
/** …and when even qpdf's reconstruction leaves no page tree to walk. */
export const NO_PAGE_TREE = 'no page tree after repair';

const KNOWN: [RegExp, MessageKey][] = [
  [/can't find startxref|unable to find trailer|unexpected end of file|premature end|\bEOF\b/i, 'pdf.damage.truncated'],
  [/page tree loop|loop detected in \/Pages/i, 'pdf.damage.pageTreeLoop'],
  [/no page tree|\/Pages|unable to find \/Root/i, 'pdf.damage.noPages'],
  [/xref|cross-reference/i, 'pdf.damage.xref'],
];

/** The detail for `pdf.damaged` in `locale`: plain words where known, and the tool's text labelled. */
export function describeDamage(detail: string, locale: Locale): string {
  const raw = detail.trim();
  const known = KNOWN.find(([pattern]) => pattern.test(raw))?.[1];
  if (known) return t(locale, 'pdf.damage.explained', { reason: t(locale, known), detail: raw });
  return raw ? t(locale, 'pdf.damage.technical', { detail: raw }) : t(locale, 'pdf.damage.unknown');
}

/**
 * `pdf.damaged` with the tool's `detail` explained in the reader's language. The params keep the raw
 * detail, so a copy rebuilt from code and params (the job worker's wire) still says what happened.
 */
export class DamagedPdfError extends UserError {
  constructor(file: string, detail: string, options?: { cause?: unknown }) {
    super('pdf.damaged', { file, detail }, options);
  }
  override format(locale: Locale): string {
    return t(locale, this.code, { ...this.params, detail: describeDamage(String(this.params.detail ?? ''), locale) });
  }
}
