/** The per-file export as a job on the bind screen: its progress, cancel, and an export job the app no longer knows. */

export const uiExportMessages = {
  'zh-CN': {
    'ui.export.progress': '导出进度',
    'ui.export.preparing': '正在准备导出…',
    'ui.export.material': '正在导出“{material}”（第 {n} 份，共 {total} 份）',
    'ui.export.write': '正在写入 zip 文件…',
    'ui.export.cancel': '取消导出',
    'ui.export.cancelled': '已取消导出，没有生成 zip 文件。',
    'ui.export.failed': '导出失败：{error}',
    'ui.job.cancelling': '正在取消…',
    'export.jobUnknown': '找不到导出任务 {jobId}，它可能已结束。请重新导出。',
  },
  en: {
    'ui.export.progress': 'Export progress',
    'ui.export.preparing': 'Preparing the export…',
    'ui.export.material': 'Exporting “{material}” ({n} of {total})',
    'ui.export.write': 'Writing the zip file…',
    'ui.export.cancel': 'Cancel export',
    'ui.export.cancelled': 'Export cancelled; no zip file was written.',
    'ui.export.failed': 'Export failed: {error}',
    'ui.job.cancelling': 'Cancelling…',
    'export.jobUnknown': 'Export job {jobId} was not found; it may have finished. Export again.',
  },
};
