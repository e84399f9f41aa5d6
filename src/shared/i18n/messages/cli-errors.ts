import type { MessageArea } from '../index';

/**
 * Errors whose app wording says what to click: on the command line the same error says which option to
 * pass instead. Chosen by error code where the CLI formats errors (src/cli/main.ts).
 */
export const cliErrorMessages: MessageArea = {
  'zh-CN': {
    'cliError.pdf.passwordRequired': '“{file}”设置了打开密码。请在命令后加上 --password <密码> 再运行一次。',
    'cliError.pdf.passwordWrong': '“{file}”的密码不正确。请核对 --password 后的密码（注意大小写）再运行一次。',
  },
  en: {
    'cliError.pdf.passwordRequired':
      '"{file}" is protected by an open password. Run the command again with --password <password>.',
    'cliError.pdf.passwordWrong':
      'The password for "{file}" is wrong. Check the value after --password (it is case-sensitive) and run the command again.',
  },
};
