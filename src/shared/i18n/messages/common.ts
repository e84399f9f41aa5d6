import type { MessageArea } from '../index';

export const commonMessages: MessageArea = {
  'zh-CN': {
    'app.name': '材料准备助手',
    'error.unexpected': '发生了意外错误：{detail}。您的文件没有被修改，请重试；如果问题持续，请联系支持并附上这条信息。',
    'error.invalidRequest': '请求无效：{detail}',
    'error.diskFull': '磁盘空间不足，无法写入“{file}”。请清理磁盘空间后重试，原有文件未被改动。',
    'error.permission': '没有权限写入“{file}”。请选择其他文件夹，或检查该文件夹的权限。',
    'error.notFound': '找不到文件“{file}”。它可能已被移动或删除，请重新选择。',
  },
  en: {
    'app.name': 'matprep',
    'error.unexpected': 'Something unexpected went wrong: {detail}. Your files were not changed; please try again, and contact support with this message if it keeps happening.',
    'error.invalidRequest': 'Invalid request: {detail}',
    'error.diskFull': 'The disk is full; "{file}" could not be written. Free some space and try again; existing files were not changed.',
    'error.permission': 'No permission to write "{file}". Choose another folder or check its permissions.',
    'error.notFound': 'File "{file}" was not found. It may have been moved or deleted; please choose it again.',
  },
};
