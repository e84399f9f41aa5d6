/**
 * A rule pack's words in the reader's language. Packs are written in Chinese, with an `en:` object
 * beside each item holding the English of the same keys (../schemas/rules.ts). Everything that shows
 * pack text — the app, the CLI, the wording of problems — reads it through these functions, so
 * English mode and `--lang en` show the English wherever the pack gives it, and the Chinese where it
 * does not. Stored values (option values, confirmations) are never translated: a list's English is
 * its display labels, matched by position.
 */
import type { RulePack } from '../schemas/rules';

/** Whether a locale reads the packs' English; every other locale reads the Chinese. */
export function readsEnglish(locale: string): boolean {
  return locale === 'en' || locale.startsWith('en-');
}

type English = Record<string, string | readonly string[] | undefined>;
type Localised = { en?: English };

/** Keys of `T` holding one text (title, label, help …). */
type TextKey<T> = {
  [K in keyof T]-?: K extends 'en' ? never : NonNullable<T[K]> extends string ? K : never;
}[keyof T] &
  string;
/** Keys of `T` holding a list of texts (options, confirm, examples). */
type ListKey<T> = {
  [K in keyof T]-?: K extends 'en' ? never : NonNullable<T[K]> extends readonly string[] ? K : never;
}[keyof T] &
  string;

/** `item[key]` in `locale`: the item's English for an English locale when it has one, else the Chinese. */
export function packText<T extends Localised, K extends TextKey<T>>(item: T, key: K, locale: string): T[K] {
  if (readsEnglish(locale)) {
    const english = item.en?.[key];
    if (typeof english === 'string') return english as T[K];
  }
  return item[key];
}

/**
 * The display labels of a list (`options`, `confirm`, `examples`) in `locale`, in the list's order.
 * An English list of another length than the Chinese is not trusted (the loader reports it).
 */
export function packList<T extends Localised, K extends ListKey<T>>(item: T, key: K, locale: string): string[] {
  const chinese = (item[key] ?? []) as readonly string[];
  const english = readsEnglish(locale) ? item.en?.[key] : undefined;
  return Array.isArray(english) && english.length === chinese.length ? [...english] : [...chinese];
}

/** The label shown for one stored value of a list: an option of a select, a confirmation. */
export function packLabel<T extends Localised, K extends ListKey<T>>(
  item: T,
  key: K,
  value: string,
  locale: string,
): string {
  const index = ((item[key] ?? []) as readonly string[]).indexOf(value);
  return index < 0 ? value : (packList(item, key, locale)[index] ?? value);
}

/**
 * The pack with its display texts in `locale` (titles, labels, help, notes, part titles, check
 * messages). Values stay as they are — `options` and `confirm` are what projects store and conditions
 * compare — so a screen shows those through `packList` / `packLabel`.
 */
export function localizePack(pack: RulePack, locale: string): RulePack {
  if (!readsEnglish(locale)) return pack;
  const text = <T extends Localised, K extends TextKey<T>>(item: T, key: K) => packText(item, key, locale);
  return {
    ...pack,
    title: text(pack, 'title'),
    shortTitle: text(pack, 'shortTitle'),
    description: text(pack, 'description'),
    authority: text(pack, 'authority'),
    validity: pack.validity && { ...pack.validity, note: text(pack.validity, 'note') },
    fields: pack.fields.map((field) => ({
      ...field,
      label: text(field, 'label'),
      help: text(field, 'help'),
      example: text(field, 'example'),
      note: text(field, 'note'),
      checks: field.checks?.map((check) => ({ ...check, message: text(check, 'message') })),
    })),
    materials: pack.materials.map((material) => ({
      ...material,
      title: text(material, 'title'),
      help: text(material, 'help'),
      note: text(material, 'note'),
      examples: material.examples && packList(material, 'examples', locale),
      parts: material.parts?.map((part) => ({ ...part, title: text(part, 'title') })),
    })),
  };
}

/**
 * Chinese pack text → its wording in `locale`, for texts that reach a reader as values rather than
 * through the pack: a problem's params (`{title}`, `{what}`, `{part}`, `{field}`, `{value}`), the
 * check report's titles, a material's help given as a problem's advice. Empty for Chinese.
 */
export function packTerms(pack: RulePack, locale: string): ReadonlyMap<string, string> {
  const terms = new Map<string, string>();
  if (!readsEnglish(locale)) return terms;
  const add = <T extends Localised>(item: T, keys: TextKey<T>[], lists: ListKey<T>[] = []) => {
    for (const key of keys) {
      const chinese = item[key];
      if (typeof chinese === 'string') terms.set(chinese, packText(item, key, locale) as string);
    }
    for (const key of lists) {
      const labels = packList(item, key, locale);
      ((item[key] ?? []) as readonly string[]).forEach((value, i) => terms.set(value, labels[i] ?? value));
    }
  };
  add(pack, ['title', 'shortTitle', 'authority']);
  for (const field of pack.fields) {
    add(field, ['label', 'help'], ['options']);
    for (const check of field.checks ?? []) add(check, ['message']);
  }
  for (const material of pack.materials) {
    add(material, ['title', 'help'], ['confirm']);
    for (const part of material.parts ?? []) add(part, ['title']);
  }
  // A material's help reaches a problem trimmed (check/materials.ts).
  for (const [chinese, english] of [...terms]) if (chinese.trim() !== chinese) terms.set(chinese.trim(), english.trim());
  return terms;
}
