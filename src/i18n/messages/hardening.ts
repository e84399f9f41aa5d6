/**
 * Messages of the hardening work (issue 12): a busy project, paths that are not what they should be
 * (links, devices), files that would inflate past the limits, data written by a newer version, and
 * folders the app was not given by the user.
 */
import type { MessageArea } from '../index';

export const hardeningMessages: MessageArea = {
  'zh-CN': {
    'project.busy': '项目“{dir}”正被另一个程序（本应用的另一个窗口或 matprep 命令）修改，等待超时。请等它完成后重试。',
  },
  en: {
    'project.busy':
      'The project "{dir}" is being changed by another program (another window of this app or a matprep command) and did not become free. Wait for it to finish, then try again.',
  },
};
