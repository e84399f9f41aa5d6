import type { MessageArea } from '../index';

export const checkMessages: MessageArea = {
  'zh-CN': {},
  en: {},
};
