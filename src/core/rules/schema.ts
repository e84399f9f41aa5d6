/**
 * The rule-pack schema: what a licence needs. Rule packs are YAML files in `rules/` (and a user
 * folder); `loadRulePack` parses them against these schemas. `matprep rules schema` prints the JSON
 * Schema generated from them so rule authors get completion in their editors.
 */
import { z } from 'zod';

export const IdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'ids use lower-case letters, digits and hyphens');

export const FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'date',
  'select',
  'multi',
  'boolean',
  'uscc',
  'cn-id',
  'mobile',
  'email',
  'domain',
  'ipv4',
  'ipv6',
  'icp-filing-no',
  'icp-licence-no',
  'culture-licence-no',
] as const;
export const FieldTypeSchema = z.enum(FIELD_TYPES);
export type FieldType = z.infer<typeof FieldTypeSchema>;

/** A condition in the small expression language (see ./conditions.ts), e.g. `special_content not empty`. */
export const ConditionSchema = z.string().min(1);

export const FieldSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'field ids use lower-case letters, digits and underscores'),
    label: z.string().min(1),
    type: FieldTypeSchema,
    required: z.boolean().default(false),
    when: ConditionSchema.optional(),
    options: z.array(z.string()).optional(),
    help: z.string().optional(),
    example: z.string().optional(),
    /** Values that must differ from this field's (e.g. two people's phone numbers). */
    differentFrom: z.array(z.string()).optional(),
    /** `warning`: a problem with this field is reported but does not block completeness. */
    severity: z.enum(['error', 'warning']).optional(),
    /** Longest accepted text in characters (e.g. 功能介绍 ≤ 500 字). */
    maxLength: z.number().int().positive().optional(),
    /** Several values (e.g. domains): an array, or one string split at newlines, commas or spaces. */
    multiple: z.boolean().optional(),
    /** Why the rule is what it is, e.g. why it is only a warning (unconfirmed source). */
    note: z.string().optional(),
  })
  .strict();
export type FieldRule = z.infer<typeof FieldSchema>;

export const FILE_FORMATS = ['pdf', 'jpg', 'png'] as const;
export const FileFormatSchema = z.enum(FILE_FORMATS);
export type FileFormat = z.infer<typeof FileFormatSchema>;

export const SeveritySchema = z.enum(['error', 'warning']);
export type Severity = z.infer<typeof SeveritySchema>;

export const MaterialSchema = z
  .object({
    id: IdSchema,
    title: z.string().min(1),
    /** Whether the material must be present (when its `when` holds). */
    required: z.boolean().default(true),
    when: ConditionSchema.optional(),
    severity: SeveritySchema.default('error'),
    accept: z.array(FileFormatSchema).min(1).default(['pdf', 'jpg', 'png']),
    pages: z.object({ min: z.number().int().min(0).optional(), max: z.number().int().min(1).optional() }).strict().optional(),
    maxFileSizeKB: z.number().int().positive().optional(),
    minImagePixels: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }).strict().optional(),
    /** Named parts, e.g. 身份证 正面 / 反面: each must be marked on one file or page. */
    parts: z.array(z.object({ id: IdSchema, title: z.string().min(1) }).strict()).optional(),
    /** Confirmations the user must tick, e.g. 加盖公章. */
    confirm: z.array(z.string().min(1)).optional(),
    /** The document must have been issued within this many months (needs an issue date). */
    recency: z.object({ months: z.number().int().positive() }).strict().optional(),
    /** The document must stay valid at least this many days from today (needs an expiry date). */
    expires: z.object({ minDaysLeft: z.number().int().min(0) }).strict().optional(),
    /** Watermark text for copies of this material; `{applicant}` and `{purpose}` are filled in. */
    watermark: z.string().optional(),
    /** File name for per-file export, without extension. */
    exportName: z.string().optional(),
    help: z.string().optional(),
    examples: z.array(z.string()).optional(),
    /** Why this rule exists / where it comes from (source shorthand). */
    source: z.string().optional(),
    /** Why the rule is what it is, e.g. why it is only a warning or optional (unconfirmed source). */
    note: z.string().optional(),
  })
  .strict();
export type MaterialRule = z.infer<typeof MaterialSchema>;

export const RulePackSchema = z
  .object({
    $schema: z.string().optional(),
    id: IdSchema,
    title: z.string().min(1),
    shortTitle: z.string().optional(),
    description: z.string().optional(),
    version: z.string().min(1),
    effective: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD'),
    authority: z.string().min(1),
    subject: z.enum(['enterprise', 'individual']).default('enterprise'),
    sources: z.array(z.string().min(1)).min(1),
    /** Validity of the granted licence and its renewal window, for the 三色预警 dashboard. */
    validity: z
      .object({
        years: z.number().positive().optional(),
        renewBeforeDays: z.number().int().positive().optional(),
        note: z.string().optional(),
      })
      .strict()
      .optional(),
    fields: z.array(FieldSchema).default([]),
    materials: z.array(MaterialSchema).min(1),
  })
  .strict();
export type RulePack = z.infer<typeof RulePackSchema>;
export type RulePackInput = z.input<typeof RulePackSchema>;

/** What lists show about a pack without loading all of it into the UI. */
export const RulePackSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  shortTitle: z.string().optional(),
  description: z.string().optional(),
  version: z.string(),
  effective: z.string(),
  authority: z.string(),
  origin: z.enum(['built-in', 'user']),
  file: z.string(),
  errors: z.array(z.string()).default([]),
});
export type RulePackSummary = z.infer<typeof RulePackSummarySchema>;
