/**
 * Whether a field or material applies to a project, given the subject's field values. Conditions
 * were validated when the pack was loaded, so a parse failure here means a pack that bypassed the
 * loader; it is treated as "applies" (asking for too much is safer than silently dropping an item).
 */
import type { FieldValue } from '../schemas/project';
import { conditionFields, evaluateCondition, parseCondition, type Condition } from './conditions';
import type { FieldRule, MaterialRule } from '../schemas/rules';

type Values = Record<string, FieldValue | null | undefined>;

// Parsed conditions keyed by text: packs are immutable data, so caching is safe and keeps the
// check cheap when the UI re-runs it on every keystroke.
const cache = new Map<string, Condition | null>();

function parsed(when: string): Condition | null {
  let cond = cache.get(when);
  if (cond === undefined) {
    try {
      // Field existence was checked at load time; here any word is accepted as a field.
      cond = parseCondition(when, wordsOf(when));
    } catch {
      cond = null;
    }
    if (cache.size > 2000) cache.clear();
    cache.set(when, cond);
  }
  return cond;
}

function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}_.-]+/gu) ?? [];
}

/** True when `when` is absent or holds for `values`. */
export function conditionHolds(when: string | undefined, values: Values): boolean {
  if (!when) return true;
  const cond = parsed(when);
  return cond ? evaluateCondition(cond, values) : true;
}

export function isFieldApplicable(field: Pick<FieldRule, 'when'>, values: Values): boolean {
  return conditionHolds(field.when, values);
}

export function isMaterialApplicable(material: Pick<MaterialRule, 'when'>, values: Values): boolean {
  return conditionHolds(material.when, values);
}

/**
 * The field whose answer makes `when` false — the first test that fails it — so a reader can say why
 * an item does not apply ("网站负责人是否就是法定代表人本人" is 是). Undefined when `when` holds.
 */
export function decidingField(when: string | undefined, values: Values): string | undefined {
  const cond = when ? parsed(when) : null;
  return cond && !evaluateCondition(cond, values) ? deciding(cond, values) : undefined;
}

function deciding(cond: Condition, values: Values): string | undefined {
  switch (cond.kind) {
    case 'and': {
      const failing = cond.items.find((item) => !evaluateCondition(item, values));
      return failing && deciding(failing, values);
    }
    case 'or':
      // Every alternative failed; the first names the field the rule author put first.
      return cond.items[0] && deciding(cond.items[0], values);
    case 'not':
      return conditionFields(cond.item)[0];
    default:
      return cond.field;
  }
}
