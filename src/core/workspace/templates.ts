/**
 * Fill-in templates of a project: which of its pack's materials have one, and a template rendered
 * with the project's subject fields into a file (PDF or .docx by the name's extension). `matprep
 * template` and the material step's "生成模板" both call these.
 */
import { extname } from 'node:path';
import type { Locale } from '../../i18n';
import { UserError } from '../errors';
import { writeFileAtomic } from '../fs/atomic';
import { assertOutputAllowed } from '../project/confine';
import { loadTemplate } from '../rules/templates';
import { renderTemplate } from '../templates/index';
import { TEMPLATE_FORMATS, type TemplateFormat, type TemplateListing } from '../model/schemas/templates';
import { assertMaterial } from './edits';
import type { ProjectState, RulesDirs } from './workspace';

/** The materials of the project's pack that name a template, in the pack's order. */
export async function listProjectTemplates(
  state: Pick<ProjectState, 'rulePack'>,
  ctx: { rulesDirs: RulesDirs; locale: Locale },
): Promise<TemplateListing[]> {
  const listings: TemplateListing[] = [];
  for (const material of state.rulePack.materials) {
    if (!material.template) continue;
    const template = await loadTemplate(ctx.rulesDirs, material.template);
    listings.push({
      materialId: material.id,
      templateId: template.id,
      title: ctx.locale === 'en' ? template.title.en : template.title.zh,
      formats: [...TEMPLATE_FORMATS],
      basis: template.basis,
    });
  }
  return listings;
}

/** `out.pdf` → pdf, `out.docx` → docx; any other name is refused, naming the file. */
export function templateFormatOf(output: string): TemplateFormat {
  const ext = extname(output).slice(1).toLowerCase();
  const format = TEMPLATE_FORMATS.find((f) => f === ext);
  if (!format) throw new UserError('templates.badFormat', { file: output });
  return format;
}

/** Render the template of `materialId` filled with the project's fields into `output` (written atomically). */
export async function writeProjectTemplate(
  state: ProjectState,
  ctx: { rulesDirs: RulesDirs; today: string },
  materialId: string,
  output: string,
): Promise<{ output: string; title: string; format: TemplateFormat }> {
  assertMaterial(state.rulePack, materialId);
  const material = state.rulePack.materials.find((m) => m.id === materialId);
  if (!material?.template) {
    const known = state.rulePack.materials.filter((m) => m.template).map((m) => m.id);
    throw new UserError(known.length > 0 ? 'templates.noTemplate' : 'templates.noneInPack', {
      material: materialId,
      known,
    });
  }
  const format = templateFormatOf(output);
  await assertOutputAllowed(state.dir, output);
  const template = await loadTemplate(ctx.rulesDirs, material.template);
  const bytes = await renderTemplate(template, state.doc.fields, ctx.today, format, state.rulePack.subject);
  await writeFileAtomic(output, bytes);
  return { output, title: template.title.zh, format };
}
