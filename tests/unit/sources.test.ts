/** A material's cited sources resolve to the readable titles of its pack's `sources`. */
import { describe, expect, it } from 'vitest';
import { citedSources, parseSource } from '../../src/core/model/rules/sources';
import { builtInRulesDir, listRulePacks } from '../../src/core/rules/loader';

describe('parseSource', () => {
  it('splits shorthand, title and URL text', () => {
    expect(
      parseSource('令42: 《电信业务经营许可管理办法》（工信部令第42号，2017）第六条 https://www.gov.cn/x.htm'),
    ).toEqual({
      key: '令42',
      title: '《电信业务经营许可管理办法》（工信部令第42号，2017）第六条',
      url: 'https://www.gov.cn/x.htm',
    });
    expect(parseSource('广东装订规则: https://m.bdocx.com/doc/1.html')).toEqual({
      key: '广东装订规则',
      title: 'https://m.bdocx.com/doc/1.html',
    });
    // No "KEY: " prefix (a full-width colon is part of the text), and a bare link.
    expect(parseSource('申请表：L3 要求填写申请表')).toEqual({ title: '申请表：L3 要求填写申请表' });
    expect(parseSource('https://example.org/a')).toEqual({ title: 'https://example.org/a' });
  });
});

describe('citedSources', () => {
  const sources = [
    'L4: 《人力资源市场暂行条例》（2018）第18–19条',
    'licences.md §3: 备案表一至表四',
    'licences.md §8: 等保备案证明编号格式',
    'H1: 华为云 备案材料咨询.md',
    'H12: 另一个来源',
  ];

  it('resolves each reference, with the place cited in the source as detail', () => {
    expect(citedSources(sources, 'H1, L4 第18条，licences.md §8')).toEqual([
      { ref: 'H1', key: 'H1', title: '华为云 备案材料咨询.md' },
      { ref: 'L4 第18条', key: 'L4', title: '《人力资源市场暂行条例》（2018）第18–19条', detail: '第18条' },
      { ref: 'licences.md §8', key: 'licences.md §8', title: '等保备案证明编号格式' },
    ]);
  });

  it('keeps an unknown reference as written and never matches a key inside a longer one', () => {
    expect(citedSources(sources, 'H12, portals.md')).toEqual([
      { ref: 'H12', key: 'H12', title: '另一个来源' },
      { ref: 'portals.md' },
    ]);
    expect(citedSources(sources, undefined)).toEqual([]);
  });

  it('resolves every source a built-in material cites', async () => {
    const { packs } = await listRulePacks({ builtIn: builtInRulesDir() });
    for (const pack of packs) {
      for (const material of pack.materials) {
        for (const cited of citedSources(pack.sources, material.source)) {
          expect(cited.title, `${pack.id}/${material.id}: ${cited.ref}`).toBeTruthy();
        }
      }
    }
  });
});
