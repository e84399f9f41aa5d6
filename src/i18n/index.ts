/**
 * Message catalogs. Each feature keeps its own file in ./messages with zh-CN and en side by side
 * (src/i18n/messages/README.md lists them), so one person adding a message writes both languages in
 * one place. `t` looks a key up, picks the plural form for `count` and fills `{name}` placeholders;
 * keys are typed, so a misspelt key is a compile error.
 */
import { buildCatalog, DEFAULT_LOCALE, LOCALES, type Locale, type Message, type MessageArea } from './catalog/define';
import { acceptMessages } from './messages/accept';
import { alertsMessages } from './messages/alerts';
import { appMessages } from './messages/app';
import { bindMessages } from './messages/bind';
import { bindOptionsMessages } from './messages/bind-options';
import { bindLeadMessages } from './messages/bind-lead';
import { datesStatesMessages } from './messages/dates-states';
import { plainWordsMessages } from './messages/plain-words';
import { checkMessages } from './messages/check';
import { checklistMessages } from './messages/checklist';
import { cliMessages } from './messages/cli';
import { cliErrorsMessages } from './messages/cli-errors';
import { correctionListMessages } from './messages/correction-list';
import { desktopMessages } from './messages/desktop';
import { examplesMessages } from './messages/examples';
import { exportMessages } from './messages/export';
import { filesMessages } from './messages/files';
import { homeMessages } from './messages/home';
import { identifierMessages } from './messages/identifiers';
import { jobsMessages } from './messages/jobs';
import { licenceMessages } from './messages/licence';
import { materialsMessages } from './messages/materials';
import { notBoundMessages } from './messages/not-bound';
import { packEnglishMessages } from './messages/pack-english';
import { pagesMessages } from './messages/pages';
import { profilesMessages } from './messages/profiles';
import { projectMessages } from './messages/project';
import { recognitionMessages } from './messages/recognition';
import { rulesMessages } from './messages/rules';
import { scanMessages } from './messages/scan';
import { securityLogMessages } from './messages/security-log';
import { settingsMessages } from './messages/settings';
import { subjectMessages } from './messages/subject';
import { submissionsMessages } from './messages/submissions';
import { templatesMessages } from './messages/templates';

export { DEFAULT_LOCALE, LOCALES, type Locale, type Message, type PluralMessage } from './catalog/define';

/** The catalog files by name (as in ./messages). A new feature's file gets one line here. */
export const catalogFiles = {
  app: appMessages,
  home: homeMessages,
  desktop: desktopMessages,
  subject: subjectMessages,
  identifiers: identifierMessages,
  recognition: recognitionMessages,
  scan: scanMessages,
  materials: materialsMessages,
  files: filesMessages,
  examples: examplesMessages,
  pages: pagesMessages,
  checklist: checklistMessages,
  check: checkMessages,
  'not-bound': notBoundMessages,
  accept: acceptMessages,
  bind: bindMessages,
  'bind-options': bindOptionsMessages,
  'bind-lead': bindLeadMessages,
  'dates-states': datesStatesMessages,
  'plain-words': plainWordsMessages,
  export: exportMessages,
  'correction-list': correctionListMessages,
  jobs: jobsMessages,
  profiles: profilesMessages,
  alerts: alertsMessages,
  licence: licenceMessages,
  'security-log': securityLogMessages,
  rules: rulesMessages,
  'pack-english': packEnglishMessages,
  project: projectMessages,
  submissions: submissionsMessages,
  templates: templatesMessages,
  settings: settingsMessages,
  cli: cliMessages,
  'cli-errors': cliErrorsMessages,
} satisfies Record<string, MessageArea>;

type CatalogFiles = typeof catalogFiles;
type KeysOf<F extends keyof CatalogFiles> = keyof CatalogFiles[F]['zh-CN'] & string;

const catalog = buildCatalog(catalogFiles);

/** The merged catalog per locale. Exported for the tests. */
export const catalogs = catalog.messages;
/** Keys that two catalog files define (a unit test requires none). */
export const duplicateKeys = catalog.duplicates;

/** The reference catalog: every message of the app in zh-CN. */
export const zh = catalogs[DEFAULT_LOCALE] as Readonly<
  Record<{ [F in keyof CatalogFiles]: KeysOf<F> }[keyof CatalogFiles], Message>
>;

/** A key of the catalog: `t` accepts only these. */
export type MessageKey = keyof typeof zh;

/** A param's value; a list is joined the locale's way (`formatList`). */
export type MessageParam = string | number | readonly string[] | null | undefined;
export type MessageParams = Record<string, MessageParam>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** True when `key` is in the catalog: the guard for keys built at run time. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zh, key);
}

/**
 * The one escape hatch for a key built at run time from a value the compiler cannot narrow (a
 * problem's code, a rule file's type name). `t` words an unknown key as the key itself, so a
 * missing message shows up instead of failing. Prefer a template over a typed union
 * (`ui.status.${status}`), which the compiler checks, or `isMessageKey` to branch.
 */
export function dynamicKey(key: string): MessageKey {
  return key as MessageKey;
}

const pluralRules = new Map<Locale, Intl.PluralRules>();
const listFormats = new Map<Locale, Intl.ListFormat>();

function pluralCategory(locale: Locale, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(count);
}

/** "a、b、c" / "a, b, c": an enumeration in the locale's way (CLDR's narrow list, through Intl.ListFormat). */
export function formatList(locale: Locale, items: readonly string[]): string {
  let format = listFormats.get(locale);
  if (!format)
    listFormats.set(locale, (format = new Intl.ListFormat(locale, { style: 'narrow', type: 'conjunction' })));
  return format.format(items);
}

function template(message: Message, locale: Locale, params: MessageParams): string {
  if (typeof message === 'string') return message;
  const count = params.count;
  return typeof count === 'number' ? (message[pluralCategory(locale, count)] ?? message.other) : message.other;
}

/** Translate `key` into `locale`: the plural form for `count`, `{param}` placeholders filled. */
export function t(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const message = catalogs[locale][key] ?? catalogs[DEFAULT_LOCALE][key];
  if (message === undefined) return key;
  return template(message, locale, params).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) return whole;
    return typeof value === 'object' ? formatList(locale, value) : String(value);
  });
}

/** A translator bound to one locale. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;
export function translator(locale: Locale): Translate {
  return (key, params) => t(locale, key, params);
}
