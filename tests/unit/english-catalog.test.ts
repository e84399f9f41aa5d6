/**
 * English mode has no Chinese sentence: every en message of every catalog file may keep a term in
 * brackets, a document's title or a value (粤ICP备2023007649号, 长期), never a Chinese sentence.
 */
import { describe, expect, it } from 'vitest';
import { catalogFiles } from '../../src/i18n';
import { hasChineseSentence } from '../../src/core/model/rules/text';

const texts = (message: unknown): string[] =>
  typeof message === 'string' ? [message] : Object.values(message as Record<string, string>);

describe('the English catalogs', () => {
  it.each(Object.keys(catalogFiles))('%s: no Chinese sentence in an en message', (file) => {
    const english = catalogFiles[file as keyof typeof catalogFiles].en as Record<string, unknown>;
    const chinese = Object.entries(english).filter(([, message]) => texts(message).some(hasChineseSentence));
    expect(chinese.map(([key]) => key)).toEqual([]);
  });

  it('would notice one', () => {
    expect(texts({ one: 'One file', other: '{count} 个文件已添加，请检查。' }).some(hasChineseSentence)).toBe(true);
  });
});
