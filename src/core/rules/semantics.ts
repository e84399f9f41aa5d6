/**
 * Checks the schema cannot express: unique ids, conditions that parse and name known fields,
 * references between fields, sensible ranges. Runs on a pack that already matched the schema.
 */
import { ConditionError, parseCondition } from '../model/rules/conditions';
import { dynamicKey, type MessageKey } from '../../i18n';
import type { LocatedYaml, RuleProblem } from './problems';
import type { RulePack } from '../model/schemas/rules';

export function semanticProblems(pack: RulePack, yaml: LocatedYaml): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const at = (path: PropertyKey[], code: MessageKey, params: Record<string, string | number> = {}): void => {
    problems.push(yaml.problemAt(yaml.offsetOf(path), code, params));
  };

  const fieldIds = pack.fields.map((f) => f.id);
  const options: Record<string, string[] | undefined> = {};
  for (const field of pack.fields) options[field.id] = field.options;

  const firstSeen = new Map<string, number>();
  // `scope` keeps ids apart that may repeat elsewhere (a part id is unique within its material only).
  const duplicate = (kind: 'field' | 'material' | 'part', id: string, path: PropertyKey[], scope = ''): void => {
    const key = `${kind}:${scope}:${id}`;
    const first = firstSeen.get(key);
    if (first === undefined) firstSeen.set(key, yaml.lineAt(yaml.offsetOf(path)));
    else at(path, `rules.duplicate.${kind}`, { id, firstLine: first });
  };

  const condition = (text: string, path: PropertyKey[]): void => {
    try {
      parseCondition(text, fieldIds, { options });
    } catch (error) {
      if (!(error instanceof ConditionError)) throw error;
      problems.push(yaml.problemAt(yaml.offsetInScalar(path, error.col), dynamicKey(error.code), { ...error.params, condition: text }));
    }
  };

  // A list's English are its display labels by position: one more or less shifts every label after it.
  const englishList = <K extends string>(
    item: { [key in K]?: string[] } & { en?: { [key in K]?: string[] } },
    key: K,
    path: PropertyKey[],
  ): void => {
    const english = item.en?.[key];
    const count = item[key]?.length ?? 0;
    if (english && english.length !== count) {
      at([...path, 'en', key], 'rules.englishListLength', { key, count, english: english.length });
    }
  };

  pack.fields.forEach((field, i) => {
    duplicate('field', field.id, ['fields', i, 'id']);
    if ((field.type === 'select' || field.type === 'multi') && !field.options?.length) {
      at(['fields', i, 'type'], 'rules.optionsMissing', { field: field.id });
    }
    if (field.when !== undefined) condition(field.when, ['fields', i, 'when']);
    field.checks?.forEach((check, j) => {
      if (check.when !== undefined) condition(check.when, ['fields', i, 'checks', j, 'when']);
      condition(check.require, ['fields', i, 'checks', j, 'require']);
    });
    englishList(field, 'options', ['fields', i]);
    field.differentFrom?.forEach((other, j) => {
      if (!fieldIds.includes(other)) at(['fields', i, 'differentFrom', j], 'rules.unknownFieldRef', { field: other, known: fieldIds.join(', ') || '—' });
      else if (other === field.id) at(['fields', i, 'differentFrom', j], 'rules.selfReference', { field: other });
    });
  });

  pack.materials.forEach((material, i) => {
    duplicate('material', material.id, ['materials', i, 'id']);
    if (material.when !== undefined) condition(material.when, ['materials', i, 'when']);
    const { min, max } = material.pages ?? {};
    if (min !== undefined && max !== undefined && min > max) at(['materials', i, 'pages'], 'rules.pagesRange', { min, max });
    material.parts?.forEach((part, j) => duplicate('part', part.id, ['materials', i, 'parts', j, 'id'], material.id));
    englishList(material, 'confirm', ['materials', i]);
    englishList(material, 'examples', ['materials', i]);
    const seen = new Set<string>();
    material.confirm?.forEach((text, j) => {
      if (seen.has(text)) at(['materials', i, 'confirm', j], 'rules.duplicate.confirm', { id: text });
      seen.add(text);
    });
  });
  return problems.map((p) => (p.code.startsWith('rules.duplicate.part:') ? { ...p, code: 'rules.duplicate.part' } : p));
}
