/**
 * Where the CLI words a hint or error its own way, naming options instead of controls (`cliError.*`).
 *
 * Check hints whose app wording says what to tick: for `check.<key>.hint` the CLI prints
 * `cliError.hint.<key>` instead (src/i18n/problems.ts, with the problem's params).
 *
 * Errors whose app wording says what to click: on the command line the same error says which option to
 * pass instead. Chosen by error code where the CLI formats errors (src/cli/main.ts).
 */
import { defineMessages } from '../catalog/define';

export const cliErrorsMessages = defineMessages({
  'zh-CN': {
    'cliError.pdf.passwordRequired': '“{file}”设置了打开密码。请在命令后加上 --password <密码> 再运行一次。',
    'cliError.pdf.passwordWrong': '“{file}”的密码不正确。请核对 --password 后的密码（注意大小写）再运行一次。',
    'cliError.hint.material.validUntilMissing':
      '请用 matprep dates 按证件填写有效期截止日（--valid-until YYYY-MM-DD）；长期有效的证件写 --valid-until 长期。',
    'cliError.hint.material.unconfirmed': '确认材料符合后，运行 matprep confirm <文件夹> <材料ID> <确认项> 记录。',
    'cliError.hint.material.badDate': '请写成 YYYY-MM-DD，例如 2026-01-31；长期有效的证件写“长期”。',
  },
  en: {
    'cliError.pdf.passwordRequired':
      '"{file}" is protected by an open password. Run the command again with --password <password>.',
    'cliError.pdf.passwordWrong':
      'The password for "{file}" is wrong. Check the value after --password (it is case-sensitive) and run the command again.',
    'cliError.hint.material.validUntilMissing':
      'Enter the expiry date from the document with matprep dates (--valid-until YYYY-MM-DD); if it does not expire, pass --valid-until 长期.',
    'cliError.hint.material.unconfirmed':
      'Once you have checked that the file meets it, record it with matprep confirm <dir> <materialId> <what>.',
    'cliError.hint.material.badDate': 'Write YYYY-MM-DD, e.g. 2026-01-31; if it does not expire, write 长期.',
  },
});
