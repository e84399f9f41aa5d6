import { describe, it, expect } from 'vitest';
import { catalogs, t } from '../../src/i18n';

describe('message catalogs', () => {
  it('has every key in both languages', () => {
    const zh = Object.keys(catalogs['zh-CN']).sort();
    const en = Object.keys(catalogs.en).sort();
    expect(zh.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !zh.includes(k))).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const mismatched = Object.keys(catalogs['zh-CN']).filter((key) => {
      const names = (s: string | undefined) =>
        [...(s ?? '').matchAll(/\{(\w+)\}/g)]
          .map((m) => m[1])
          .sort()
          .join(',');
      return names(catalogs['zh-CN'][key]) !== names(catalogs.en[key]);
    });
    expect(mismatched).toEqual([]);
  });

  it('fills placeholders', () => {
    expect(t('zh-CN', 'project.notFound', { dir: '/tmp/x' })).toContain('/tmp/x');
    expect(t('en', 'project.notFound', { dir: '/tmp/x' })).toMatch(/^There is no project in "\/tmp\/x"/);
  });
});
