/**
 * A rule pack's words in the reader's language. Packs are written in Chinese, with an `en:` object
 * beside each item holding the English of the same keys (../schemas/rules.ts). Everything that shows
 * pack text — the app, the CLI, the wording of problems — reads it through these functions, so
 * English mode and `--lang en` show the English wherever the pack gives it, and the Chinese where it
 * does not. Stored values (option values, confirmations) are never translated: a list's English is
 * its display labels, matched by position.
 */
import type { RulePack } from '../schemas/rules';
import type { CheckReport, FieldResult, MaterialResult } from '../schemas/check-report';

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

/** One user-visible text of a pack: the item holding it, its key, and where it is (`materials[2].title`). */
export interface PackTextRef {
  item: Localised & Record<string, unknown>;
  key: string;
  /** `options`, `confirm`, `examples`: stored values whose English is a list of display labels. */
  list: boolean;
  path: string;
}

/**
 * Every user-visible text of a pack, in file order. Names of documents and regulations in `sources`,
 * export file names and watermarks are left out: they go to a Chinese authority as they are.
 */
export function packTexts(pack: RulePack): PackTextRef[] {
  const refs: PackTextRef[] = [];
  const add = (item: object, path: string, keys: string[], lists: string[] = []) => {
    const record = item as PackTextRef['item'];
    for (const key of keys) if (typeof record[key] === 'string') refs.push({ item: record, key, list: false, path });
    for (const key of lists) if (Array.isArray(record[key])) refs.push({ item: record, key, list: true, path });
  };
  add(pack, '', ['title', 'shortTitle', 'description', 'authority']);
  if (pack.validity) add(pack.validity, 'validity', ['note']);
  pack.fields.forEach((field, i) => {
    add(field, `fields[${i}]`, ['label', 'help', 'example', 'note'], ['options']);
    field.checks?.forEach((check, j) => add(check, `fields[${i}].checks[${j}]`, ['message']));
  });
  pack.materials.forEach((material, i) => {
    add(material, `materials[${i}]`, ['title', 'help', 'note'], ['confirm', 'examples']);
    material.parts?.forEach((part, j) => add(part, `materials[${i}].parts[${j}]`, ['title']));
  });
  return refs;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** Chinese an English text may keep whole: a term in brackets, a document's title in 《》, a quoted value. */
const KEPT_CHINESE = /[（(][^（()）]*[)）]|《[^》]*》|“[^”]*”/g;
/** A run of Chinese characters and Chinese punctuation. */
const CHINESE_RUN = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff01-\uff5e]+/g;
/** Longest Chinese a value may be (a name, a number such as 京ICP备2023000001号-1, a word such as 合字). */
const LONGEST_VALUE = 12;

/**
 * Whether a text meant to be English still holds a Chinese sentence: outside terms in brackets,
 * document titles and quoted values, a Chinese run with sentence punctuation or longer than a value.
 */
export function hasChineseSentence(text: string): boolean {
  const runs = text.replace(KEPT_CHINESE, ' ').match(CHINESE_RUN) ?? [];
  return runs.some((run) => /[，。；：！？、]/.test(run) || (CJK.test(run) && run.length > LONGEST_VALUE));
}

/**
 * The texts of a pack that lack English: `materials[2].title` when a Chinese text has none, or its
 * English still holds Chinese beyond kept terms, or a list's English has another length.
 */
export function englishGaps(pack: RulePack): string[] {
  return packTexts(pack).flatMap(({ item, key, list, path }) => {
    const at = `${path ? `${path}.` : ''}${key}`;
    const chinese = item[key] as string | string[];
    const english = item.en?.[key];
    if (list) {
      const values = chinese as string[];
      if (!values.some((v) => CJK.test(v))) return [];
      const labels = Array.isArray(english) ? english : [];
      return labels.length === values.length && !labels.some(hasChineseSentence) ? [] : [at];
    }
    if (!CJK.test(chinese as string)) return [];
    return typeof english === 'string' && !hasChineseSentence(english) ? [] : [at];
  });
}

/**
 * Chinese pack text → its wording in `locale`, for texts that reach a reader as values rather than
 * through the pack: a problem's params (`{title}`, `{what}`, `{part}`, `{field}`, `{value}`), the
 * check report's titles, a material's help given as a problem's advice. Empty for Chinese.
 */
export function packTerms(pack: RulePack, locale: string): ReadonlyMap<string, string> {
  const terms = new Map<string, string>();
  if (!readsEnglish(locale)) return terms;
  for (const { item, key, list } of packTexts(pack)) {
    if (!list) {
      const chinese = item[key] as string;
      const english = packText(item as Localised & Record<string, string>, key, locale);
      terms.set(chinese, english);
      // A material's help reaches a problem trimmed (check/materials.ts).
      terms.set(chinese.trim(), english.trim());
      continue;
    }
    const labels = packList(item as Localised & Record<string, string[]>, key, locale);
    (item[key] as string[]).forEach((value, i) => terms.set(value, labels[i] ?? value));
  }
  return terms;
}

/**
 * The check report with the pack's words in `terms`' language: the pack's title, each item's title or
 * label and its rule's note. Problems keep their params as data; they are worded with the same terms.
 */
export function localizeReport(report: CheckReport, terms: ReadonlyMap<string, string>): CheckReport {
  if (terms.size === 0) return report;
  const term = (text: string) => terms.get(text) ?? text;
  const withNote = <R extends FieldResult | MaterialResult>(result: R): R =>
    result.note ? { ...result, note: { ...result.note, text: term(result.note.text) } } : result;
  return {
    ...report,
    rulePack: { ...report.rulePack, title: term(report.rulePack.title) },
    fields: report.fields.map((field) => withNote({ ...field, label: term(field.label) })),
    materials: report.materials.map((material) => withNote({ ...material, title: term(material.title) })),
  };
}
