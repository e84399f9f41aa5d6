import type { MessageArea } from '../index';

export const rulesMessages: MessageArea = {
  'zh-CN': {},
  en: {},
};
