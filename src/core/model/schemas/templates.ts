/**
 * A fill-in template: a document the applicant writes themselves (法人授权书, 承诺书, 网站建设方案书 …),
 * kept as data in `rules/templates/<id>.yaml` and named by a pack's material (`template: <id>`).
 * matprep fills it with the project's subject fields and renders it as PDF and .docx
 * (src/core/templates). Text may hold placeholders:
 *
 * - `{org_name}` a subject field; `{org_name|name}` the first of several that has a value (one template
 *   serves packs that name the same thing differently). A field without a value becomes a blank line,
 *   8 characters wide, or as wide as a last `|_N` says (`{domains|_16}`).
 * - `{_}` a blank for the applicant to write in by hand, 6 characters wide; `{_12}` 12 wide.
 * - `{today}` the date it is rendered, 2026年12月7日.
 */
import { z } from 'zod';
import { IdSchema } from './rules';

/** One placeholder between braces: a field (or fields with `|`), a blank `_N`, or `today`. */
export const PLACEHOLDER = /\{([^{}]*)\}/g;
const PLACEHOLDER_NAME = /^(?:_\d{0,2}|today|[a-z][a-z0-9_]*(?:\|[a-z][a-z0-9_]*)*(?:\|_\d{1,2})?)$/;

/** Text with placeholders; a brace that opens no valid placeholder is refused, so none reaches the paper. */
export const TemplateTextSchema = z
  .string()
  .min(1)
  .superRefine((text, ctx) => {
    const stripped = text.replace(PLACEHOLDER, (_, name: string) => {
      if (!PLACEHOLDER_NAME.test(name)) ctx.addIssue({ code: 'custom', message: `bad placeholder {${name}}` });
      return '';
    });
    if (/[{}]/.test(stripped)) ctx.addIssue({ code: 'custom', message: 'unmatched { or }' });
  });

const TitleSchema = z
  .object({
    zh: z.string().min(1).describe('中文标题（印在文书上）'),
    en: z.string().min(1).describe('英文名称（界面用）'),
  })
  .strict();

export const TemplateBasisSchema = z
  .object({
    title: z
      .string()
      .min(1)
      .describe(
        '所依据的规定或官方指南的名称，含文号，例如《非经营性互联网信息服务备案管理办法》（信息产业部令第33号）',
      ),
    detail: z.string().optional().describe('依据的条款，或官方格式的出处（附件名称）'),
    url: z.url().optional().describe('官方网址（如有）'),
  })
  .strict();
export type TemplateBasis = z.infer<typeof TemplateBasisSchema>;

export const SignatureBoxSchema = z
  .object({
    label: z.string().min(1).describe('框上的说明，例如 单位（盖章）、法定代表人（签字）'),
    kind: z.enum(['stamp', 'sign']).describe('stamp：盖章（较大的框）；sign：签字'),
    /** A box for one kind of applicant only: a person filing has no seal. */
    subject: z
      .enum(['enterprise', 'individual'])
      .optional()
      .describe('只在这类申请主体的规则包中出现：enterprise 单位，individual 个人（个人没有公章）'),
  })
  .strict();
export type SignatureBox = z.infer<typeof SignatureBoxSchema>;

const TableSchema = z
  .object({
    columns: z.array(z.string().min(1)).min(1).describe('表头'),
    rows: z
      .array(z.array(TemplateTextSchema.or(z.literal(''))))
      .default([])
      .describe('预先填好的行（可含占位符）'),
    blankRows: z.number().int().min(0).max(40).default(0).describe('之后留给手写的空行数'),
  })
  .strict();

/** One block of the body, in reading order. */
export const TemplateBlockSchema = z.union([
  z.object({ heading: TemplateTextSchema.describe('小标题') }).strict(),
  z.object({ paragraph: TemplateTextSchema.describe('段落（首行缩进两字）') }).strict(),
  z.object({ line: TemplateTextSchema.describe('不缩进的一行，例如 致：…、称谓、落款前的说明') }).strict(),
  z.object({ items: z.array(TemplateTextSchema).min(1).describe('编号条目（一、二、三 …）') }).strict(),
  z.object({ table: TableSchema }).strict(),
]);
export type TemplateBlock = z.infer<typeof TemplateBlockSchema>;

export const TemplateSchema = z
  .object({
    $schema: z.string().optional(),
    id: IdSchema.describe('模板 id，与文件名一致；规则包材料的 template: 引用它'),
    title: TitleSchema.describe('文书标题'),
    basis: z
      .array(TemplateBasisSchema)
      .default([])
      .describe('措辞所依据的官方文本（法规、官方指南或官方格式）；没有官方格式时写明要求此材料的规定'),
    note: z.string().optional().describe('给规则作者看的说明：哪些地方须按受理机关的格式改'),
    body: z.array(TemplateBlockSchema).min(1).describe('正文，按顺序'),
    signatures: z.array(SignatureBoxSchema).default([]).describe('文末的签字、盖章框'),
    date: z.enum(['today', 'blank', 'none']).default('today').describe('落款日期：today 填生成当天，blank 留空手写'),
  })
  .strict();
export type Template = z.infer<typeof TemplateSchema>;
export type TemplateInput = z.input<typeof TemplateSchema>;

/** The formats a template renders to. */
export const TEMPLATE_FORMATS = ['pdf', 'docx'] as const;
export const TemplateFormatSchema = z.enum(TEMPLATE_FORMATS);
export type TemplateFormat = z.infer<typeof TemplateFormatSchema>;

/** A material of a project's pack that has a template (`matprep template --list`, the material step). */
export const TemplateListingSchema = z.object({
  materialId: z.string(),
  templateId: z.string(),
  title: z.string(),
  formats: z.array(TemplateFormatSchema),
  basis: z.array(TemplateBasisSchema),
});
export type TemplateListing = z.infer<typeof TemplateListingSchema>;

/** Every placeholder name in a template's text (for the test that each names a field some pack has). */
export function placeholdersOf(template: Template): string[] {
  const texts: string[] = [];
  for (const block of template.body) {
    if ('heading' in block) texts.push(block.heading);
    else if ('paragraph' in block) texts.push(block.paragraph);
    else if ('line' in block) texts.push(block.line);
    else if ('items' in block) texts.push(...block.items);
    else texts.push(...block.table.rows.flat());
  }
  return texts.flatMap((text) => [...text.matchAll(PLACEHOLDER)].map((m) => m[1]));
}
