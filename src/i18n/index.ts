/**
 * Message catalogs. Each area of the app keeps its own file in ./messages with zh-CN and en side by
 * side, so one person adding a message writes both languages in one place. `t` looks a key up in
 * the merged catalog and fills `{name}` placeholders.
 */
import { commonMessages } from './messages/common';
import { projectMessages } from './messages/project';
import { rulesMessages } from './messages/rules';
import { checkMessages } from './messages/check';
import { bindMessages } from './messages/bind';
import { uiMessages } from './messages/ui';
import { uiExtrasMessages } from './messages/ui-extras';
import { uiOptionsMessages } from './messages/ui-options';
import { uiExportMessages } from './messages/ui-export';
import { uiFixesMessages } from './messages/ui-fixes';
import { cliMessages } from './messages/cli';
import { cliErrorMessages } from './messages/cli-errors';
import { extrasMessages } from './messages/extras';
import { hardeningMessages } from './messages/hardening';
import { identifierMessages } from './messages/identifiers';
import { submissionsMessages } from './messages/submissions';
import { recognitionMessages } from './messages/recognition';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export type MessageArea = Record<Locale, Record<string, string>>;
export type MessageParams = Record<string, string | number | null | undefined>;

const areas: MessageArea[] = [
  commonMessages,
  projectMessages,
  rulesMessages,
  checkMessages,
  bindMessages,
  uiMessages,
  uiExtrasMessages,
  uiOptionsMessages,
  uiExportMessages,
  uiFixesMessages,
  cliMessages,
  cliErrorMessages,
  extrasMessages,
  hardeningMessages,
  identifierMessages,
  submissionsMessages,
  recognitionMessages,
];

/** The merged catalog per locale. Exported for the completeness test. */
export const catalogs: Record<Locale, Record<string, string>> = {
  'zh-CN': Object.assign({}, ...areas.map((a) => a['zh-CN'])),
  en: Object.assign({}, ...areas.map((a) => a.en)),
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Translate `key` into `locale`, filling `{param}` placeholders. Unknown keys return the key itself. */
export function t(locale: Locale, key: string, params: MessageParams = {}): string {
  const template = catalogs[locale][key] ?? catalogs[DEFAULT_LOCALE][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? whole : String(value);
  });
}

/** True when the catalog (of `locale`, or the default one) has `key`. */
export function hasMessage(locale: Locale, key: string): boolean {
  return catalogs[locale][key] !== undefined || catalogs[DEFAULT_LOCALE][key] !== undefined;
}

/** "a、b 和 c" / "a, b and c": a list in the locale's way. */
export function formatList(
  locale: Locale,
  items: readonly string[],
  type: 'conjunction' | 'disjunction' | 'unit' = 'unit',
): string {
  if (locale === 'zh-CN' && type === 'unit') return items.join('、');
  return new Intl.ListFormat(locale, { style: 'long', type }).format(items);
}

/** A translator bound to one locale. */
export type Translate = (key: string, params?: MessageParams) => string;
export function translator(locale: Locale): Translate {
  return (key, params) => t(locale, key, params);
}
