import type { MessageArea } from '../index';

export const bindMessages: MessageArea = {
  'zh-CN': {},
  en: {},
};
