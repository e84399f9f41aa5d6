/**
 * Loading fill-in templates: `templates/<id>.yaml` beside the rule packs (built in, and the user's rule
 * folder, where a file of the same id replaces the built-in one). Parsed like a pack, so a mistake is
 * reported at its `file:line:col`.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { UserError } from '../errors';
import { isRegularFile } from '../fs/confine';
import { TemplateSchema, type Template } from '../model/schemas/templates';
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
  for (const dir of [dirs.user, dirs.builtIn]) {
    if (!dir) continue;
    const file = templateFile(dir, id);
    if (!(await isRegularFile(file))) continue;
    const { template, problems } = parseTemplate(await readRuleText(file), file);
    if (!template) throw new RulePackError(file, problems, 'templates.invalid');
    return template;
  }
  throw new UserError('templates.notFound', { template: id, file: templateFile(dirs.builtIn, id) });
}

/** JSON Schema of a template file, for editors (rules/templates/template.schema.json). */
export function templateJsonSchema(): object {
  return { ...z.toJSONSchema(TemplateSchema, { io: 'input', unrepresentable: 'any' }), title: 'matprep fill-in template' };
}
