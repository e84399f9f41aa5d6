/** The rule packs' English (`en:` beside the Chinese): what the loader says when it does not fit. */
import { defineMessages } from '../catalog/define';

export const packEnglishMessages = defineMessages({
  'zh-CN': {
    'rules.englishListLength': 'en.{key} 有 {english} 项，{key} 有 {count} 项：英文须与中文逐项对应，数量相同。',
  },
  en: {
    'rules.englishListLength':
      'en.{key} has {english} entries but {key} has {count}: the English must match the Chinese entry by entry.',
  },
});
