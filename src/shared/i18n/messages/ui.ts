import type { MessageArea } from '../index';

export const uiMessages: MessageArea = {
  'zh-CN': {},
  en: {},
};
