/**
 * Loading fill-in templates: `templates/<id>.yaml` beside the rule packs (built in, and the user's rule
 * folder, where a file of the same id replaces the built-in one). Parsed like a pack, so a mistake is
 * reported at its `file:line:col`.
 */
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { UserError, isUserError } from '../errors';
import { isRegularFile } from '../fs/confine';
import { TemplateSchema, type Template } from '../model/schemas/templates';
import type { RulePack } from '../model/schemas/rules';
import { LocatedYaml } from './problems';
import { parseYamlFile, readRuleText, RulePackError, type RuleProblem } from './loader';

export const TEMPLATES_DIR = 'templates';

/** Where template `id` would be in a rules folder. */
export function templateFile(rulesDir: string, id: string): string {
  return join(rulesDir, TEMPLATES_DIR, `${id}.yaml`);
}

export function parseTemplate(text: string, file: string): { template?: Template; problems: RuleProblem[] } {
  const { data, yaml, problems } = parseYamlFile(text, file, TemplateSchema);
  if (data && yaml && data.id !== file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/i, '')) {
    return { problems: [yaml.problemAt(yaml.offsetOf(['id']), 'templates.idMismatch', { id: data.id })] };
  }
  return { template: data, problems };
}

/** Template `id`: the user's copy if there is one, else the built-in one. */
export async function loadTemplate(dirs: { builtIn: string; user?: string }, id: string): Promise<Template> {
  return loadTemplateFrom([dirs.user, dirs.builtIn], id);
}

/** Template `id` from the first rules folder (of those given) that has it. */
async function loadTemplateFrom(folders: (string | undefined)[], id: string): Promise<Template> {
  const searched = folders.filter((dir): dir is string => dir !== undefined);
  for (const dir of searched) {
    const file = templateFile(dir, id);
    if (!(await isRegularFile(file))) continue;
    const { template, problems } = parseTemplate(await readRuleText(file), file);
    if (!template) throw new RulePackError(file, problems, 'templates.invalid');
    return template;
  }
  throw new UserError('templates.notFound', { template: id, file: templateFile(searched.at(-1) ?? '.', id) });
}

/**
 * What `matprep rules validate` adds for a pack that parsed: each `template:` must name a template that
 * loads — from the pack's own folder, the user's rule folder or the built-in ones, as the app looks.
 * A missing one is placed at the material's `template:` line; a broken one by its own file's problems.
 */
export async function templateReferenceProblems(
  text: string,
  file: string,
  pack: RulePack,
  dirs: { builtIn: string; user?: string },
): Promise<RuleProblem[]> {
  const yaml = new LocatedYaml(text, file);
  const problems: RuleProblem[] = [];
  for (const [index, material] of pack.materials.entries()) {
    if (!material.template) continue;
    try {
      await loadTemplateFrom([dirname(file), dirs.user, dirs.builtIn], material.template);
    } catch (error) {
      if (error instanceof RulePackError) problems.push(...error.problems);
      else if (isUserError(error) && error.code === 'templates.notFound') {
        const offset = yaml.offsetOf(['materials', index, 'template']);
        problems.push(yaml.problemAt(offset, 'templates.notFound', { template: material.template, file: String(error.params.file) }));
      } else throw error;
    }
  }
  return problems;
}

/** JSON Schema of a template file, for editors (rules/templates/template.schema.json). */
export function templateJsonSchema(): object {
  return { ...z.toJSONSchema(TemplateSchema, { io: 'input', unrepresentable: 'any' }), title: 'matprep fill-in template' };
}
