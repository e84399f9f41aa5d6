import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { buildCatalog, defineMessages, type Message } from '../../src/i18n/catalog/define';
import {
  catalogFiles,
  catalogs,
  duplicateKeys,
  dynamicKey,
  formatList,
  isMessageKey,
  LOCALES,
  t,
  translator,
} from '../../src/i18n';

const MESSAGES_DIR = join(__dirname, '../../src/i18n/messages');

/** Every text of a message: the string, or each plural form. */
function texts(message: Message | undefined): string[] {
  if (message === undefined) return [];
  return typeof message === 'string' ? [message] : Object.values(message).filter((m) => m !== undefined);
}

function placeholders(message: Message | undefined): string {
  const names = new Set(texts(message).flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1])));
  return [...names].sort().join(',');
}

describe('message catalogs', () => {
  it('has exactly the zh-CN keys in en, file by file', () => {
    for (const [file, area] of Object.entries(catalogFiles)) {
      const zh = Object.keys(area['zh-CN']).sort();
      const en = Object.keys(area.en).sort();
      expect({ file, missing: zh.filter((k) => !en.includes(k)), extra: en.filter((k) => !zh.includes(k)) }).toEqual({
        file,
        missing: [],
        extra: [],
      });
    }
  });

  it('uses the same placeholders in both languages', () => {
    const mismatched = Object.keys(catalogs['zh-CN']).filter(
      (key) => placeholders(catalogs['zh-CN'][key]) !== placeholders(catalogs.en[key]),
    );
    expect(mismatched).toEqual([]);
  });

  it('defines no key in two catalog files', () => {
    expect(duplicateKeys).toEqual([]);
  });

  it('notices a key that two files define, instead of letting one win', () => {
    const a = defineMessages({ 'zh-CN': { 'x.same': '甲' }, en: { 'x.same': 'a' } });
    const b = defineMessages({ 'zh-CN': { 'x.same': '乙', 'x.other': '丙' }, en: { 'x.same': 'b', 'x.other': 'c' } });
    const built = buildCatalog({ first: a, second: b });
    expect(built.duplicates).toEqual([{ key: 'x.same', files: ['first', 'second'] }]);
    expect(built.messages['zh-CN']['x.same']).toBe('甲');
  });

  it('registers every file in ./messages, and names each in its README', () => {
    const files = readdirSync(MESSAGES_DIR)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(Object.keys(catalogFiles).sort()).toEqual(files);
    const readme = readFileSync(join(MESSAGES_DIR, 'README.md'), 'utf8');
    expect(files.filter((f) => !readme.includes(`\`${f}.ts\``))).toEqual([]);
  });

  it('writes plural forms only for categories the language has, always with `other`', () => {
    const wrong: string[] = [];
    for (const locale of LOCALES) {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
      for (const [key, message] of Object.entries(catalogs[locale])) {
        if (typeof message === 'string') continue;
        if (message.other === undefined) wrong.push(`${locale} ${key}: no other`);
        for (const form of Object.keys(message))
          if (!categories.includes(form)) wrong.push(`${locale} ${key}: ${form}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('fills placeholders', () => {
    expect(t('zh-CN', 'project.notFound', { dir: '/tmp/x' })).toContain('/tmp/x');
    expect(t('en', 'project.notFound', { dir: '/tmp/x' })).toMatch(/^There is no project in "\/tmp\/x"/);
  });

  it('picks the plural form for `count` with the language’s rules', () => {
    expect(t('en', 'ui.file.pages', { count: 1 })).toBe('1 page');
    expect(t('en', 'ui.file.pages', { count: 2 })).toBe('2 pages');
    expect(t('en', 'ui.file.pages', { count: 0 })).toBe('0 pages');
    expect(t('zh-CN', 'ui.file.pages', { count: 1 })).toBe('1 页');
    expect(t('en', 'ui.checklist.incomplete', { count: 1 })).toBe('1 item still needs attention.');
    expect(t('en', 'ui.securityLog.summary', { count: 3 })).toBe('3 entries');
  });

  it('joins a list param the language’s way', () => {
    expect(formatList('zh-CN', ['营业执照', '身份证', '章程'])).toBe('营业执照、身份证、章程');
    expect(formatList('en', ['licence', 'ID card'])).toBe('licence, ID card');
    expect(t('zh-CN', 'ui.checklist.todo', { items: ['填写日期', '勾选 2 项确认'] })).toBe(
      '还需：填写日期、勾选 2 项确认',
    );
    expect(translator('en')('ui.checklist.todo', { items: ['enter the dates'] })).toContain('enter the dates');
  });

  it('rejects an unknown literal key at compile time; a run-time key goes through the escape hatch', () => {
    // @ts-expect-error: not a key of the catalog (the typecheck fails if `t` accepts any string)
    expect(t('zh-CN', 'no.such.key')).toBe('no.such.key');
    expect(isMessageKey('check.field.missing')).toBe(true);
    expect(isMessageKey('check.no.such.code')).toBe(false);
    expect(t('en', dynamicKey(`check.${'field.missing'}`), { label: 'Name' })).toContain('Name');
  });
});
