import type { MessageArea } from '../index';

export const projectMessages: MessageArea = {
  'zh-CN': {},
  en: {},
};
