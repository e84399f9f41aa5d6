/**
 * A company profile (主体信息): the applicant's details and reusable documents (营业执照, 法定代表人
 * 身份证 …), entered once and applied to every project for that company. Kept in the app store
 * (user-data), documents in a profile vault there, by sha256 like a project's vault.
 */
import { z } from 'zod';
import { ConvertedFromSchema, MediaTypeSchema, Sha256Schema } from './project';

export const ContactSchema = z
  .object({
    name: z.string().max(100).default(''),
    mobile: z.string().max(50).default(''),
    email: z.string().max(200).default(''),
    /** e.g. 网站负责人, 信息安全负责人. */
    role: z.string().max(100).default(''),
  })
  .loose();
export type Contact = z.infer<typeof ContactSchema>;

/** A reusable document. `key` is the rule-pack material id it fills, e.g. `business-licence`. */
export const LibraryDocumentSchema = z
  .object({
    id: z.string().min(1),
    key: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    /** Which part of the material (身份证 `front` / `back`). */
    part: z.string().optional(),
    sha256: Sha256Schema,
    name: z.string(),
    size: z.number().int().nonnegative(),
    mediaType: MediaTypeSchema,
    pages: z.number().int().nonnegative().optional(),
    width: z.number().int().positive().optional(),
    height: z.number().int().positive().optional(),
    /** For PDFs with a user password, from before imports decrypted them: carried over to the project's file reference. */
    password: z.string().optional(),
    /** As on a project's file reference: stored decrypted, the password not kept. */
    unlocked: z.literal(true).optional(),
    issuedOn: z.string().optional(),
    validUntil: z.string().optional(),
    addedAt: z.string(),
    /** As on a project's file reference: set when the import converted the file. */
    convertedFrom: ConvertedFromSchema.optional(),
    originalName: z.string().optional(),
  })
  .loose();
export type LibraryDocument = z.infer<typeof LibraryDocumentSchema>;

const text = (max: number) => z.string().max(max).default('');

/** What the user edits; ids, the library and timestamps are managed by the store. */
export const ProfileDetailsSchema = z
  .object({
    /** 主办单位名称 */
    name: z.string().trim().max(200),
    uscc: text(18),
    province: text(20),
    address: text(500),
    legalRepName: text(100),
    legalRepId: text(18),
    legalRepMobile: text(50),
    legalRepEmail: text(200),
    contacts: z.array(ContactSchema).max(20).default([]),
    notes: text(5000),
  })
  .strict();
export type ProfileDetails = z.infer<typeof ProfileDetailsSchema>;

export const ProfileSchema = ProfileDetailsSchema.extend({
  id: z.string().min(1),
  library: z.array(LibraryDocumentSchema).default([]),
  createdAt: z.string(),
  updatedAt: z.string(),
}).loose();
export type Profile = z.infer<typeof ProfileSchema>;

/** A save request: details, plus the id when updating an existing profile. */
export const ProfileInputSchema = ProfileDetailsSchema.extend({ id: z.string().min(1).optional() }).strict();
export type ProfileInput = z.input<typeof ProfileInputSchema>;

/**
 * Materials worth keeping in a profile: the same document serves every application of the company.
 * Keys are the material ids the rule packs use; a library may hold other keys too.
 */
export const LIBRARY_KEYS = [
  'business-licence',
  'legal-rep-id-card',
  'articles-and-shareholders',
  'audit-report',
  'domain-certificate',
  'premises-proof',
] as const;

/** Other material ids that take the same document, e.g. the news pack's 法人资格证明（营业执照）. */
export const LIBRARY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'business-licence': ['legal-person-proof'],
};

/** The material ids a library key fills, the key itself first. */
export function materialIdsFor(key: string): string[] {
  return [key, ...(LIBRARY_ALIASES[key] ?? [])];
}
