/**
 * The project document (`<project>/matprep.json`). Everything a user enters lives here; imported
 * files live in `vault/<sha256>` and are referenced by hash. Validated with zod on every read.
 */
import { z } from 'zod';
import { BindOptionsSchema, SectionSchema } from './bind-options';
import { patchOf } from './schema-patch';
import { SecurityLogChartSchema, SecurityLogEntrySchema } from './security-log';
import { GrantedLicenceSchema } from './alerts';
import { AuthorityRequestSchema, SubmissionSchema } from './submissions';
import { FieldValueSchema, PageRotationSchema, Sha256Schema } from './values';
import { ScanChoiceSchema } from '../scan/result';

export { FieldValueSchema, PageRotationSchema, Sha256Schema };
export type { FieldValue } from './values';

export const PROJECT_FILE = 'matprep.json';
export const VAULT_DIR = 'vault';
export const OUTPUT_DIR = 'out';
/** Flattened photos and their corners (src/core/scan/store.ts). */
export const SCANS_DIR = 'scans';
/** The packets as submitted, by sha256 (src/core/project/submissions.ts). */
export const SUBMITTED_DIR = 'submitted';
/** What was read from a licence or ID card, by sha256 and kind (src/core/recognition/store.ts). */
export const READINGS_DIR = 'readings';
export const PROJECT_SCHEMA_VERSION = 1;

export const MediaTypeSchema = z.enum(['application/pdf', 'image/jpeg', 'image/png']);
export type MediaType = z.infer<typeof MediaTypeSchema>;
/** Formats converted on import into PDF/JPEG/PNG (src/core/images/convert.ts). */
export const ConvertedFromSchema = z.enum(['webp', 'tiff', 'gif']);
export type ConvertedFrom = z.infer<typeof ConvertedFromSchema>;
/** For file pickers (`<input accept>`): the converted formats, offered next to PDF/JPG/PNG. */
export const CONVERTIBLE_ACCEPT = '.webp,.tif,.tiff,.gif,image/webp,image/tiff,image/gif';

export const FileRefSchema = z
  .object({
    /** Unique within the project, so the same vault file can be attached twice and removed once. */
    id: z.string().min(1),
    sha256: Sha256Schema,
    /** The original file name, for display and for messages. */
    name: z.string(),
    size: z.number().int().nonnegative(),
    mediaType: MediaTypeSchema,
    addedAt: z.string(),
    pages: z.number().int().nonnegative().optional(),
    width: z.number().int().positive().optional(),
    height: z.number().int().positive().optional(),
    /** Which part of the material this file is (e.g. 身份证 `front` / `back`). */
    part: z.string().optional(),
    /** Extra clockwise rotation the user applied, in degrees. */
    rotate: PageRotationSchema.default(0),
    /**
     * For PDFs with a user password: the password the user supplied. Projects from before imports
     * decrypted such files still have it; new imports store the decrypted copy instead (`unlocked`).
     */
    password: z.string().optional(),
    /** The file had an open password: the vault holds the copy decrypted with it, the password is not kept. */
    unlocked: z.literal(true).optional(),
    /**
     * For a PDF: the source pages to bind, 0-based, in this order (absent: every page as in the file).
     * How the user drops a wrong or blank page and reorders pages; the original file is never changed.
     */
    pageOrder: z.array(z.number().int().nonnegative()).min(1).max(100_000).optional(),
    /** For a PDF: extra clockwise rotation per source page (key: 0-based page index), on top of `rotate`. */
    pageRotate: z.record(z.string().regex(/^\d+$/), PageRotationSchema).optional(),
    /** Set when the import converted the file (WebP/TIFF/GIF); `name` then has the new extension. */
    convertedFrom: ConvertedFromSchema.optional(),
    /** The name the user's file had before conversion, for display. */
    originalName: z.string().optional(),
    /** For a photo: corners the user placed by hand, or the original kept instead of the flattened scan. */
    scan: ScanChoiceSchema.optional(),
  })
  .loose();
export type FileRef = z.infer<typeof FileRefSchema>;

/** A photo or scan image (placed as a prepared image), as opposed to a PDF. */
export function isImageFile(file: Pick<FileRef, 'mediaType'>): boolean {
  return file.mediaType === 'image/jpeg' || file.mediaType === 'image/png';
}

/**
 * A warning the clerk looked at and chose to live with (已查看，仍使用): its problem code and what it was
 * about — the file's sha256 for a file's problem, else the problem's values (a date, an entered value) —
 * so a new photo or a new date brings the warning back (src/core/check/accepted.ts).
 */
export const AcceptedWarningSchema = z.object({ code: z.string().min(1), about: z.string() }).loose();
export type AcceptedWarning = z.infer<typeof AcceptedWarningSchema>;

export const MaterialEntrySchema = z
  .object({
    files: z.array(FileRefSchema).default([]),
    /** Confirmations ticked by the user (texts from the rule's `confirm`). */
    confirmations: z.array(z.string()).default([]),
    /** Confirmations the photo check would tick that the user unticked (src/core/check/scan.ts). */
    declined: z.array(z.string()).optional(),
    issuedOn: z.string().optional(),
    validUntil: z.string().optional(),
    note: z.string().optional(),
    /** Warnings accepted as they are; optional, so records from before it read unchanged. */
    accepted: z.array(AcceptedWarningSchema).optional(),
  })
  .loose();
export type MaterialEntry = z.infer<typeof MaterialEntrySchema>;

export const PacketRecordSchema = z
  .object({
    at: z.string(),
    output: z.string(),
    pages: z.number().int(),
    bytes: z.number().int(),
    sha256: Sha256Schema,
    /** bindFingerprint of the project as bound (src/core/bind/fingerprint.ts); absent in older records. */
    source: z.string().optional(),
    /** Where each material's pages are (printed numbers), so two packets can be compared by material. */
    sections: z.array(SectionSchema).optional(),
  })
  .loose();
export type PacketRecord = z.infer<typeof PacketRecordSchema>;

export const ProjectDocSchema = z
  .object({
    schemaVersion: z.literal(PROJECT_SCHEMA_VERSION),
    id: z.string().min(1),
    name: z.string(),
    rulePack: z.object({ id: z.string(), version: z.string() }).loose(),
    fields: z.record(z.string(), FieldValueSchema).default({}),
    materials: z.record(z.string(), MaterialEntrySchema).default({}),
    /** Only the options the user changed; the rest come from settings and defaults at bind time. */
    bindOptions: patchOf(BindOptionsSchema, 'loose').default({}),
    history: z.array(PacketRecordSchema).default([]),
    /** The security-update log (网络安全演进图), see src/core/security-log. Optional: absent means empty. */
    securityLog: z.array(SecurityLogEntrySchema).optional(),
    /** What the attached 网络安全演进图 was drawn from, so an edit of the log marks it outdated. */
    securityLogChart: SecurityLogChartSchema.optional(),
    /** The licence once granted (number, dates), for the 三色预警 dashboard, see src/core/alerts. */
    licence: GrantedLicenceSchema.optional(),
    /** Packets handed to the authority, oldest first, each with what it was made from (./submissions.ts). */
    submissions: z.array(SubmissionSchema).optional(),
    /** The authority's requests (补正意见), oldest first. */
    requests: z.array(AuthorityRequestSchema).optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .loose();
export type ProjectDoc = z.infer<typeof ProjectDocSchema>;
