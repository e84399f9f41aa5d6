/**
 * How a catalog file is shaped and how the files become one catalog. Each file in ./messages holds
 * one feature's messages, zh-CN (the reference) and en side by side; `defineMessages` makes the
 * compiler reject an en block with a key missing or extra. `buildCatalog` merges the files and
 * reports a key that two files define, instead of letting one silently win.
 */

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/**
 * A message whose wording depends on a number: one text per CLDR plural category of the language,
 * chosen with `Intl.PluralRules` from the `count` param. Chinese has only `other`, so zh-CN writes a
 * plain string; English says `{ one: '1 page', other: '{count} pages' }`.
 */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralMessage;

export type Messages = Record<string, Message>;

/** One feature's catalog file: the zh-CN messages and the same keys in en. */
export interface MessageArea<Zh extends Messages = Messages> {
  'zh-CN': Zh;
  en: { [K in keyof Zh]: Message };
}

/** Declares a catalog file; en must have exactly the keys of zh-CN (checked by the compiler). */
export function defineMessages<Zh extends Messages>(area: {
  'zh-CN': Zh;
  en: { [K in keyof NoInfer<Zh>]: Message };
}): MessageArea<Zh> {
  return area;
}

export interface Duplicate {
  key: string;
  /** The catalog files (by their name in the index) that define the key. */
  files: string[];
}

export interface Catalog {
  messages: Record<Locale, Record<string, Message>>;
  /** Keys defined in more than one file: a test requires none. */
  duplicates: Duplicate[];
}

/** Merges the catalog files (named by feature) into one catalog per locale, noting duplicate keys. */
export function buildCatalog(areas: Record<string, MessageArea>): Catalog {
  const messages: Record<Locale, Record<string, Message>> = { 'zh-CN': {}, en: {} };
  const owners = new Map<string, string[]>();
  for (const [file, area] of Object.entries(areas)) {
    for (const locale of LOCALES) {
      for (const [key, message] of Object.entries(area[locale])) {
        if (locale === DEFAULT_LOCALE) owners.set(key, [...(owners.get(key) ?? []), file]);
        // The first definition stays, so the catalog does not depend on which duplicate came last.
        if (!Object.hasOwn(messages[locale], key)) messages[locale][key] = message;
      }
    }
  }
  const duplicates = [...owners].filter(([, files]) => files.length > 1).map(([key, files]) => ({ key, files }));
  return { messages, duplicates };
}
