/**
 * Submissions (a packet handed to the authority) and the authority's requests (补正意见), kept in the
 * project document. A submission stores a snapshot of what was submitted — field values and each
 * material's file hashes and layout — so "what changed since" is computed from that record, never
 * from timestamps (src/core/model/submissions/changes.ts).
 */
import { z } from 'zod';
import { FieldValueSchema, PageRotationSchema, Sha256Schema } from './values';
import { SectionSchema } from './bind-options';

export const IsoDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One attached file as submitted: its bytes (hash) and how it was laid out, not its id or import time. */
export const SnapshotFileSchema = z
  .object({
    sha256: Sha256Schema,
    name: z.string(),
    part: z.string().optional(),
    rotate: PageRotationSchema.default(0),
    pageOrder: z.array(z.number().int().nonnegative()).optional(),
    pageRotate: z.record(z.string(), PageRotationSchema).optional(),
  })
  .strict();
export type SnapshotFile = z.infer<typeof SnapshotFileSchema>;

export const SnapshotMaterialSchema = z
  .object({
    files: z.array(SnapshotFileSchema).default([]),
    confirmations: z.array(z.string()).default([]),
    issuedOn: z.string().optional(),
    validUntil: z.string().optional(),
  })
  .strict();
export type SnapshotMaterial = z.infer<typeof SnapshotMaterialSchema>;

export const SnapshotSchema = z
  .object({
    fields: z.record(z.string(), FieldValueSchema).default({}),
    materials: z.record(z.string(), SnapshotMaterialSchema).default({}),
  })
  .strict();
export type Snapshot = z.infer<typeof SnapshotSchema>;

/** The packet as handed in, copied under the project (`path` is relative to the project folder). */
export const SubmittedPacketSchema = z
  .object({
    /** Always `submitted/<sha256>.pdf`: a hand-edited record cannot point the app at another file. */
    path: z.string().regex(/^submitted\/[0-9a-f]{64}\.pdf$/),
    /** The file name the user had, for display. */
    name: z.string(),
    sha256: Sha256Schema,
    bytes: z.number().int().nonnegative(),
    /** Its materials' pages, when matprep bound it (from the packet history). */
    sections: z.array(SectionSchema).optional(),
  })
  .strict();
export type SubmittedPacket = z.infer<typeof SubmittedPacketSchema>;

export const SubmissionSchema = z
  .object({
    id: z.string().min(1),
    /** The day it was handed in, YYYY-MM-DD. */
    date: IsoDaySchema,
    /** Portal, window or 接入商. */
    where: z.string().max(500).optional(),
    /** Receipt number or 受理号. */
    receipt: z.string().max(200).optional(),
    note: z.string().max(5000).optional(),
    packet: SubmittedPacketSchema,
    snapshot: SnapshotSchema,
    recordedAt: z.string(),
  })
  .strict();
export type Submission = z.infer<typeof SubmissionSchema>;

/** What a request is about: one material, one field, or the whole application. */
export const RequestSubjectSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('material'), id: z.string().min(1) }).strict(),
  z.object({ kind: z.literal('field'), id: z.string().min(1) }).strict(),
  z.object({ kind: z.literal('whole') }).strict(),
]);
export type RequestSubject = z.infer<typeof RequestSubjectSchema>;

export const AuthorityRequestSchema = z
  .object({
    id: z.string().min(1),
    /** The day of the notice, YYYY-MM-DD. */
    date: IsoDaySchema,
    text: z.string().min(1).max(5000),
    subject: RequestSubjectSchema,
    /** The submission it answers (the latest one when it was recorded), if any. */
    submission: z.string().optional(),
    /** Fingerprint of the subject when the request was recorded: a different one now means it changed since. */
    baseline: z.string(),
    recordedAt: z.string(),
  })
  .strict();
export type AuthorityRequest = z.infer<typeof AuthorityRequestSchema>;

export const FieldChangeSchema = z.object({
  id: z.string(),
  label: z.string(),
  before: FieldValueSchema.nullable(),
  after: FieldValueSchema.nullable(),
});
export type FieldChange = z.infer<typeof FieldChangeSchema>;

export const MaterialChangeKindSchema = z.enum(['added', 'removed', 'replaced', 'edited']);
export const FileChangeSchema = z.object({
  name: z.string(),
  sha256: z.string(),
  change: z.enum(['added', 'removed', 'edited']),
});
export const MaterialChangeSchema = z.object({
  id: z.string(),
  title: z.string(),
  change: MaterialChangeKindSchema,
  files: z.array(FileChangeSchema),
});
export type MaterialChange = z.infer<typeof MaterialChangeSchema>;

export const RequestStateSchema = z.object({
  id: z.string(),
  date: z.string(),
  text: z.string(),
  subject: RequestSubjectSchema,
  /** The subject's title or label ('' for the whole application). */
  subjectTitle: z.string(),
  answered: z.boolean(),
});
export type RequestState = z.infer<typeof RequestStateSchema>;

/** `matprep changes --json` and the app's "自上次提交以来的变更". */
export const ChangeReportSchema = z.object({
  since: z.object({
    id: z.string(),
    date: z.string(),
    receipt: z.string().nullable(),
    where: z.string().nullable(),
    packet: z.string(),
  }),
  fields: z.array(FieldChangeSchema),
  materials: z.array(MaterialChangeSchema),
  requests: z.array(RequestStateSchema),
});
export type ChangeReport = z.infer<typeof ChangeReportSchema>;
