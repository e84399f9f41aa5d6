/** Errors that say what to do with the button that does it, and 依据 links opened in the browser. */
import { defineMessages } from '../catalog/define';

export const plainWordsMessages = defineMessages({
  'zh-CN': {
    'app.linkNotCited': '只能打开内置规则包“依据”中列出的网页，“{url}”不在其中，未打开。',
    'ui.sources.open': '在浏览器中打开：{title}',
    'ui.sources.openShort': '打开网页',
  },
  en: {
    'app.linkNotCited':
      'Only pages listed under “Sources” of a built-in rule pack can be opened; “{url}” is not one of them.',
    'ui.sources.open': 'Open in the browser: {title}',
    'ui.sources.openShort': 'Open page',
  },
});
