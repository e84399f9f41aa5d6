/** Options and results of binding a packet. Shared by the CLI, the IPC contract and the binder. */
import { z } from 'zod';

export const DEFAULT_PAGE_NUMBER_FORMAT = '第 {page} 页 共 {total} 页';

export const BindOptionsSchema = z
  .object({
    /** Target resolution for images placed on A4. */
    dpi: z.number().int().min(72).max(600).default(200),
    jpegQuality: z.number().int().min(30).max(100).default(85),
    dividers: z.boolean().default(false),
    duplex: z.boolean().default(false),
    watermark: z.boolean().default(true),
    /** Watermark text; `{purpose}` is the rule pack title. Falls back to the rule's own text. */
    watermarkText: z.string().max(200).optional(),
    pageNumberFormat: z.string().min(1).max(100).default(DEFAULT_PAGE_NUMBER_FORMAT),
    /** Whether cover and 目录 get numbers and count in the total. */
    numberFrontMatter: z.boolean().default(true),
    header: z.boolean().default(false),
    bindingMargin: z.boolean().default(false),
    landscape: z.enum(['keep', 'rotate']).default('keep'),
    sourceOutlines: z.enum(['keep', 'drop']).default('keep'),
    forms: z.enum(['flatten', 'keep']).default('flatten'),
    /** Byte-identical output from identical inputs (fixed dates and ids). */
    deterministic: z.boolean().default(false),
    /** Material ids bound last, as 附录 (appendix), after the materials in rule order. */
    appendix: z.array(z.string()).default([]),
    /** A 补正说明 page after the 目录: what changed since the last submission, request by request. */
    changesPage: z.boolean().default(false),
  })
  .strict();
export type BindOptions = z.infer<typeof BindOptionsSchema>;

export const SectionSchema = z.object({
  materialId: z.string(),
  title: z.string(),
  firstPage: z.number().int(),
  lastPage: z.number().int(),
});
export type Section = z.infer<typeof SectionSchema>;

export const BindResultSchema = z.object({
  output: z.string(),
  pages: z.number().int(),
  bytes: z.number().int(),
  sections: z.array(SectionSchema),
  warnings: z.array(z.string()).default([]),
  /** sha256 of the written packet, as it was written. */
  sha256: z.string().optional(),
});
export type BindResult = z.infer<typeof BindResultSchema>;

export const BindProgressSchema = z.object({
  phase: z.enum(['prepare', 'materials', 'front-matter', 'write', 'done']),
  done: z.number(),
  total: z.number(),
  label: z.string().optional(),
});
export type BindProgress = z.infer<typeof BindProgressSchema>;
