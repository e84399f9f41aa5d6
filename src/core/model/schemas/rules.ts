/**
 * The rule-pack schema: what a licence needs. Rule packs are YAML files in `rules/` (and a user
 * folder); `parseRulePack` / `loadRulePackFile` in ./loader.ts parse them against these schemas.
 * `matprep rules schema` prints the JSON Schema generated from them (the `.describe()` texts become
 * its descriptions) so rule authors get completion in their editors.
 */
import { z } from 'zod';

export const IdSchema = z
  .string()
  // `constructor` is the one such name Object.prototype has: ids index plain objects (doc.materials).
  .regex(/^(?!constructor$)[a-z0-9][a-z0-9-]*$/, 'ids use lower-case letters, digits and hyphens');

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
  'mlps-filing-no',
  'psb-filing-no',
] as const;
export const FieldTypeSchema = z.enum(FIELD_TYPES);
export type FieldType = z.infer<typeof FieldTypeSchema>;

/** A condition in the small expression language (see ./conditions.ts), e.g. `special_content not empty`. */
export const ConditionSchema = z.string().min(1);

/**
 * English next to the Chinese: an item's `en:` holds the same keys as its user-visible Chinese text,
 * worded for English mode (the UI in English, `matprep --lang en`). Stored values never change with
 * the language — option values and confirmations stay Chinese, so saved projects and `when:`
 * conditions keep working — so for a list (`options`, `confirm`, `examples`) `en` gives the display
 * labels in the same order. Read it only through `packText` / `packList` (../rules/text.ts).
 */
function english<T extends z.ZodRawShape>(shape: T) {
  return z
    .object(shape)
    .partial()
    .strict()
    .optional()
    .describe('英文：与中文相同的键，英文模式下显示；术语在括号里保留中文，如 Business licence (营业执照)');
}
const EnText = z.string().min(1);
const EnList = z.array(z.string().min(1));

/** A requirement on a field's value, written as a condition over the subject fields. */
export const FieldCheckSchema = z
  .object({
    when: ConditionSchema.optional().describe('条件：只有成立时才检查，例如 coverage = 跨地区'),
    require: ConditionSchema.describe('必须成立的条件，例如 registered_capital >= 1000'),
    message: z
      .string()
      .min(1)
      .describe(
        '不成立时告诉用户的要求和依据，例如“跨地区经营的注册资本不少于 1000 万元（《电信业务经营许可管理办法》第六条）”',
      ),
    severity: z.enum(['error', 'warning']).optional().describe('warning：不满足只提醒，不阻止装订（如依据未确认 🔶）'),
    en: english({ message: EnText }),
  })
  .strict();
export type FieldCheck = z.infer<typeof FieldCheckSchema>;

export const FieldSchema = z
  .object({
    id: z
      .string()
      .regex(/^(?!constructor$)[a-z][a-z0-9_]*$/, 'field ids use lower-case letters, digits and underscores')
      .describe('字段 id：小写字母、数字、下划线，以字母开头；条件里用它引用字段'),
    label: z.string().min(1).describe('界面上显示的字段名'),
    type: FieldTypeSchema.describe('字段类型；证照号码类型会按国家标准校验'),
    required: z.boolean().default(false).describe('是否必填（在 when 成立时）'),
    when: ConditionSchema.optional().describe('条件：只有成立时才需要此字段，例如 province = 广东'),
    options: z.array(z.string()).optional().describe('select / multi 的可选值'),
    help: z.string().optional().describe('填写说明'),
    example: z.string().optional().describe('示例值'),
    /** Values that must differ from this field's (e.g. two people's phone numbers). */
    differentFrom: z.array(z.string()).optional().describe('这些字段的值不得与本字段相同（如两位负责人的手机号）'),
    /** `warning`: a problem with this field is reported but does not block completeness. */
    severity: z.enum(['error', 'warning']).optional().describe('warning：有问题只提醒，不阻止装订'),
    /** Longest accepted text in characters (e.g. 功能介绍 ≤ 500 字). */
    maxLength: z.number().int().positive().optional().describe('最多字数'),
    /** Several values (e.g. domains): an array, or one string split at newlines, commas or spaces. */
    multiple: z.boolean().optional().describe('可填多个值（如多个域名），每行一个'),
    /** Why the rule is what it is, e.g. why it is only a warning (unconfirmed source). */
    note: z.string().optional().describe('为什么这样规定，例如为什么只是提醒（来源未确认 🔶）'),
    /** Further requirements on the value, each only when its own `when` holds (注册资本 ≥ 1000 万元 for 跨地区). */
    checks: z
      .array(FieldCheckSchema)
      .optional()
      .describe('对取值的进一步要求，例如“跨地区经营时注册资本不少于 1000 万元”'),
    en: english({ label: EnText, help: EnText, example: EnText, note: EnText, options: EnList }),
  })
  .strict();
export type FieldRule = z.infer<typeof FieldSchema>;

export const FILE_FORMATS = ['pdf', 'jpg', 'png'] as const;
export const FileFormatSchema = z.enum(FILE_FORMATS);
export type FileFormat = z.infer<typeof FileFormatSchema>;

export const SeveritySchema = z.enum(['error', 'warning']);
export type Severity = z.infer<typeof SeveritySchema>;

/** What kind of paper a material is, for its example picture (src/core/model/rules/kinds.ts). */
export const MATERIAL_KINDS = [
  'id-card',
  'business-licence',
  'signed-letter',
  'stamped-document',
  'certificate',
  'document',
] as const;
export const MaterialKindSchema = z.enum(MATERIAL_KINDS);
export type MaterialKind = z.infer<typeof MaterialKindSchema>;

export const MaterialSchema = z
  .object({
    id: IdSchema.describe('材料 id：小写字母、数字、连字符'),
    title: z.string().min(1).describe('材料名称（目录和书签里用它）'),
    /** Whether the material must be present (when its `when` holds). */
    required: z.boolean().default(true).describe('是否必需（在 when 成立时）'),
    when: ConditionSchema.optional().describe('条件：只有成立时才需要此材料，例如 special_content not empty'),
    severity: SeveritySchema.default('error').describe('warning：缺少或有问题只提醒，不阻止装订'),
    accept: z.array(FileFormatSchema).min(1).default(['pdf', 'jpg', 'png']).describe('接受的文件格式'),
    pages: z
      .object({ min: z.number().int().min(0).optional(), max: z.number().int().min(1).optional() })
      .strict()
      .optional()
      .describe('页数范围（图片每张算一页）'),
    maxFileSizeKB: z.number().int().positive().optional().describe('单个文件大小上限（KB）'),
    minImagePixels: z
      .object({
        width: z.number().int().positive(),
        height: z.number().int().positive(),
        /** Without a source for the exact figure, a rule author makes it advice, not a bar to binding. */
        severity: SeveritySchema.default('error').describe('warning：低于下限只提醒（下限没有明确出处时用）'),
      })
      .strict()
      .optional()
      .describe('图片最低像素（横竖方向均可）'),
    /** Named parts, e.g. 身份证 正面 / 反面: each must be marked on one file or page. */
    parts: z
      .array(z.object({ id: IdSchema, title: z.string().min(1), en: english({ title: EnText }) }).strict())
      .optional()
      .describe('组成部分，如身份证正面/反面；每部分都要有文件'),
    /** Confirmations the user must tick, e.g. 加盖公章. */
    confirm: z.array(z.string().min(1)).optional().describe('用户须勾选的确认项，如 加盖公章、法人亲笔签名'),
    /** The document must have been issued within this many months (needs an issue date). */
    recency: z
      .object({ months: z.number().int().positive() })
      .strict()
      .optional()
      .describe('须为近 N 个月内签发（需要签发日期）'),
    /** The document must stay valid at least this many days from today (needs an expiry date). */
    expires: z
      .object({ minDaysLeft: z.number().int().min(0) })
      .strict()
      .optional()
      .describe('剩余有效期至少 N 天（需要有效期；长期有效填“长期”）'),
    /** Watermark text for copies of this material; `{applicant}` and `{purpose}` are filled in. */
    watermark: z.string().optional().describe('复印件水印文字，{purpose} 替换为用途'),
    /** File name for per-file export, without extension. */
    exportName: z.string().optional().describe('逐个导出时的文件名（不含扩展名）'),
    /**
     * Per-file export format. `images`: every bound page becomes a JPEG (PDF pages rendered), for
     * upload portals that take only JPG/PNG. Unset: a single photo stays a JPEG, anything else a PDF.
     */
    exportAs: z
      .enum(['pdf', 'images'])
      .optional()
      .describe(
        '逐个导出的格式：images 每页一张 JPG（只收图片的上传入口用），pdf 合成一个 PDF；不填时单张照片导出 JPG，其余导出 PDF',
      ),
    help: z.string().optional().describe('准备说明'),
    /** A document the applicant writes (法人授权书, 承诺书 …): matprep renders it pre-filled, as PDF and .docx. */
    template: IdSchema.optional().describe(
      '申请人自己写的材料：rules/templates/ 下的模板 id，matprep 按主体信息生成填好的 PDF 和 Word',
    ),
    examples: z.array(z.string()).optional().describe('示例'),
    kind: MaterialKindSchema.optional().describe(
      '材料类别（示例图用）；不填时按身份证正反面、营业执照、签字盖章等自动判断',
    ),
    /** Why this rule exists / where it comes from (source shorthand). */
    source: z.string().optional().describe('依据（来源简称）'),
    /** Why the rule is what it is, e.g. why it is only a warning or optional (unconfirmed source). */
    note: z.string().optional().describe('为什么这样规定，例如为什么只是提醒或可选（来源未确认 🔶）'),
    en: english({ title: EnText, help: EnText, note: EnText, confirm: EnList, examples: EnList }),
  })
  .strict();
export type MaterialRule = z.infer<typeof MaterialSchema>;

export const RulePackSchema = z
  .object({
    $schema: z.string().optional(),
    id: IdSchema.describe('规则包 id，与文件名一致'),
    title: z.string().min(1).describe('许可或备案的全称'),
    shortTitle: z.string().optional(),
    description: z.string().optional(),
    order: z.number().int().optional().describe('在新建项目列表中的位置：小的在前；未填的排在最后（按 id）'),
    version: z.string().min(1).describe('规则包版本（加引号，如 "2026.1"）；用户规则包版本相同或更新时覆盖内置的'),
    effective: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
      .describe('所依据规定的生效日期 YYYY-MM-DD（加引号）'),
    /** When someone last checked every item against the texts in `sources` (built-in packs always say). */
    reviewed: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
      .optional()
      .describe('最近一次逐项对照 sources 所列法规原文核对的日期 YYYY-MM-DD（加引号）'),
    authority: z.string().min(1).describe('受理/审批机关'),
    subject: z.enum(['enterprise', 'individual']).default('enterprise').describe('申请主体：单位或个人'),
    sources: z.array(z.string().min(1)).min(1).describe('依据：来源简称 + 全称'),
    /** Validity of the granted licence and its renewal window, for the 三色预警 dashboard. */
    validity: z
      .object({
        years: z.number().positive().optional(),
        renewBeforeDays: z.number().int().positive().optional(),
        note: z.string().optional(),
        en: english({ note: EnText }),
      })
      .strict()
      .optional(),
    en: english({ title: EnText, shortTitle: EnText, description: EnText, authority: EnText }),
    fields: z.array(FieldSchema).default([]).describe('主体信息字段'),
    materials: z.array(MaterialSchema).min(1).describe('材料清单，按装订顺序'),
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
  /** The pack's own English (RulePack `en`), so lists word it in the user's language. */
  en: z
    .object({ title: z.string(), shortTitle: z.string(), description: z.string(), authority: z.string() })
    .partial()
    .optional(),
  version: z.string(),
  effective: z.string(),
  authority: z.string(),
  origin: z.enum(['built-in', 'user']),
  file: z.string(),
  errors: z.array(z.string()).default([]),
});
export type RulePackSummary = z.infer<typeof RulePackSummarySchema>;
