/** Background jobs (bind, export) that crash, run out of memory or are no longer known. */
import { defineMessages } from '../catalog/define';

export const jobsMessages = defineMessages({
  'zh-CN': {
    'job.unknown': '找不到装订任务 {jobId}，它可能已结束。请重新开始装订。',
    'job.crashed':
      '后台处理意外中止（{detail}），没有生成文件，原有文件未被改动。请重试；如果问题持续，请联系支持并附上这条信息。',
    'job.outOfMemory':
      '内存不足，后台处理已中止，没有生成文件。请关闭其他程序后重试，或在装订设置中调低图片分辨率（DPI），或拆分特别大的文件。',
    'job.incomplete': '材料还不齐全，未装订。请先按检查清单补齐，或选择“仍然装订”。',
    'ui.job.cancelling': '正在取消…',
  },
  en: {
    'job.unknown': 'Binding job {jobId} was not found; it may have finished. Start binding again.',
    'job.crashed':
      'The background job stopped unexpectedly ({detail}); no file was written and your files were not changed. Try again; if it keeps happening, contact support with this message.',
    'job.outOfMemory':
      'The background job ran out of memory and stopped; no file was written. Close other programs and try again, lower the image resolution (DPI) in the binding settings, or split very large files.',
    'job.incomplete':
      'The materials are not complete, so nothing was bound. Complete the checklist first, or choose "bind anyway".',
    'ui.job.cancelling': 'Cancelling…',
  },
});
