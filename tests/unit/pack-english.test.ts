/**
 * English is English: every user-visible text of every built-in rule pack has English beside it, and
 * that English holds no Chinese sentence (terms in brackets, document titles and values may stay).
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInRulesDir, loadRulePackFile, parseRulePack } from '../../src/core/rules/loader';
import {
  englishGaps,
  hasChineseSentence,
  localizePack,
  packLabel,
  packTerms,
  packText,
} from '../../src/core/model/rules/text';
import type { RulePack } from '../../src/core/model/schemas/rules';
import { runInProcess } from '../support/cli';

const files = readdirSync(builtInRulesDir()).filter((f) => f.endsWith('.yaml'));

describe('rule packs carry English', () => {
  it('finds all 20 built-in packs', () => expect(files.length).toBe(20));

  it.each(files)('%s: every user-visible text has English', async (file) => {
    const pack = await loadRulePackFile(path.join(builtInRulesDir(), file));
    expect(englishGaps(pack)).toEqual([]);
  });

  it('reports a text without English, English with a Chinese sentence, and a list of the wrong length', () => {
    const pack = {
      id: 'x',
      title: '测试',
      en: { title: 'Test' },
      fields: [
        { id: 'a', label: '是否同一人', options: ['是', '否'], en: { label: 'Same person?', options: ['Yes'] } },
        { id: 'b', label: '名称', help: '与营业执照一致。', en: { label: 'Name', help: '与营业执照一致，含括号。' } },
      ],
      materials: [{ id: 'm', title: '营业执照', confirm: ['加盖公章'], en: { title: 'Business licence (营业执照)' } }],
    } as unknown as RulePack;
    expect(englishGaps(pack)).toEqual(['fields[0].options', 'fields[1].help', 'materials[0].confirm']);
  });

  it('the loader refuses an English list that does not match the Chinese one, at its line', () => {
    const text = [
      'id: bad-english',
      'title: 测试',
      'version: "1"',
      'effective: "2026-01-01"',
      'authority: 测试机关',
      'sources: ["a: b"]',
      'fields:',
      '  - { id: a, label: 甲, type: select, options: [是, 否], en: { label: A, options: ["Yes"] } }',
      'materials:',
      '  - { id: m, title: 材料, confirm: [加盖公章], en: { confirm: [Stamped, Signed] } }',
    ].join('\n');
    const { problems } = parseRulePack(text, 'bad.yaml');
    expect(problems.map((p) => [p.line, p.code, p.params])).toEqual([
      [8, 'rules.englishListLength', { key: 'options', count: 2, english: 1 }],
      [10, 'rules.englishListLength', { key: 'confirm', count: 1, english: 2 }],
    ]);
  });

  it('keeps terms of art, document titles and values, but not sentences', () => {
    expect(hasChineseSentence('Business licence (营业执照)')).toBe(false);
    expect(hasChineseSentence('As 《互联网信息服务管理办法》 art. 5 says')).toBe(false);
    expect(hasChineseSentence('e.g. 京ICP备2023000001号-1')).toBe(false);
    expect(hasChineseSentence('Choose 是 if so')).toBe(false);
    expect(hasChineseSentence('与营业执照上的名称完全一致')).toBe(true);
    expect(hasChineseSentence('Name: 与营业执照一致，含括号')).toBe(true);
  });
});

describe('packText and friends', () => {
  let pack: RulePack;
  it('reads English for en, Chinese otherwise, and never changes stored values', async () => {
    pack = await loadRulePackFile(path.join(builtInRulesDir(), 'icp-filing-enterprise.yaml'));
    const licence = pack.materials.find((m) => m.id === 'business-licence')!;
    expect(packText(licence, 'title', 'en')).toBe('Business licence (营业执照)');
    expect(packText(licence, 'title', 'zh-CN')).toBe('营业执照');
    const owner = pack.fields.find((f) => f.id === 'webmaster_is_legal_rep')!;
    expect(packLabel(owner, 'options', '否', 'en')).toBe('No');
    expect(packLabel(owner, 'options', '否', 'zh-CN')).toBe('否');
    const english = localizePack(pack, 'en');
    expect(english.title).toMatch(/^Non-commercial Internet Information Service Filing/);
    expect(english.fields.find((f) => f.id === 'webmaster_is_legal_rep')!.options).toEqual(['是', '否']);
    expect(english.materials[0].confirm).toEqual(licence.confirm);
    expect(localizePack(pack, 'zh-CN')).toBe(pack);
    expect(packTerms(pack, 'en').get('加盖公章')).toBe('Stamped with the official seal (公章)');
    expect(packTerms(pack, 'zh-CN').size).toBe(0);
  });
});

describe('matprep --lang en shows the packs in English', () => {
  it.each(['icp-filing-enterprise', 'mlps-filing-level3', 'news-info-service-licence'])(
    '%s: init, set and check say no Chinese sentence',
    async (rule) => {
      const dir = path.join(mkdtempSync(path.join(tmpdir(), 'matprep-en-')), 'p');
      const en = (...argv: string[]) => runInProcess('--lang', 'en', '--today', '2026-11-23', ...argv);
      const init = await en('init', dir, '--rule', rule);
      expect(init.code).toBe(0);
      const check = await en('check', dir);
      const json = await en('check', dir, '--json');
      const lines = [...init.stdout.split('\n'), ...check.stdout.split('\n')];
      const words = JSON.parse(json.stdout).materials.flatMap((m: { problems: { message: string; hint?: string }[] }) =>
        m.problems.flatMap((p) => [p.message, p.hint ?? '']),
      );
      expect([...lines, ...words].filter(hasChineseSentence)).toEqual([]);
      expect(check.stdout).toMatch(/^\S.*\(\S+ version [\d.]+\), checked on 2026-11-23/);
    },
  );
});
