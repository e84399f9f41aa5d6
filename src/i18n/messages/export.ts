/** Exporting one file per material (a zip): the bind screen's other outputs and the export job. */
import { defineMessages } from '../catalog/define';

export const exportMessages = defineMessages({
  'zh-CN': {
    'export.tooLarge':
      '材料“{material}”压缩到最低可读质量后仍有 {size} KB，超过规则要求的 {limit} KB。请减少页数、裁掉空白或分开提交。',
    'export.tooLargeAsIs':
      '材料“{material}”导出为 PDF 后有 {size} KB，超过规则要求的 {limit} KB。其中的 PDF 不是扫描件，为保留可选中的文字没有压缩。请减少页数、分开提交，或用制作它的软件另存为更小的 PDF。',
    'export.written': '已导出 {count} 个文件到 {output}',
    'export.nothing': '没有可导出的文件：还没有为任何材料添加文件。请先在“材料”中添加文件，再导出。',
    'ui.output.title': '其他输出',
    'ui.output.intro':
      '门户网站要求逐项上传时，可导出单个文件（每项材料一个文件，符合大小限制）；材料不全时，可生成补正清单交给经办人。文件保存在项目的 out 文件夹。',
    'ui.output.export': '导出单个文件（zip）',
    'ui.output.exported': '已导出 {count} 个文件',
    'ui.output.exportFiles': '导出的文件',
    'ui.output.exportNothing': '还没有为任何材料添加文件，暂时没有可导出的内容。',
    'ui.export.progress': '导出进度',
    'ui.export.preparing': '正在准备导出…',
    'ui.export.material': '正在导出“{material}”（第 {n} 份，共 {total} 份）',
    'ui.export.write': '正在写入 zip 文件…',
    'ui.export.cancel': '取消导出',
    'ui.export.cancelled': '已取消导出，没有生成 zip 文件。',
    'ui.export.failed': '导出失败：{error}',
    'export.jobUnknown': '找不到导出任务 {jobId}，它可能已结束。请重新导出。',
  },
  en: {
    'export.tooLarge':
      'Material "{material}" is still {size} KB at the lowest readable quality, over the {limit} KB the rules allow. Remove pages, crop blank borders or submit it in parts.',
    'export.tooLargeAsIs':
      'Material "{material}" is {size} KB as a PDF, over the {limit} KB the rules allow. Its PDF is not a scan, so it was left uncompressed to keep its text selectable. Remove pages, submit it in parts, or save a smaller PDF from the program that made it.',
    'export.written': 'Exported {count} files to {output}',
    'export.nothing':
      'There is nothing to export: no material has a file yet. Add files under Materials first, then export.',
    'ui.output.title': 'Other outputs',
    'ui.output.intro':
      'For portals that want each material uploaded separately, export single files (one per material, within the size limits); when materials are missing, make a correction list for the case officer. Files go to the project’s out folder.',
    'ui.output.export': 'Export single files (zip)',
    'ui.output.exported': 'Exported {count} files',
    'ui.output.exportFiles': 'Exported files',
    'ui.output.exportNothing': 'No material has a file yet, so there is nothing to export.',
    'ui.export.progress': 'Export progress',
    'ui.export.preparing': 'Preparing the export…',
    'ui.export.material': 'Exporting “{material}” ({n} of {total})',
    'ui.export.write': 'Writing the zip file…',
    'ui.export.cancel': 'Cancel export',
    'ui.export.cancelled': 'Export cancelled; no zip file was written.',
    'ui.export.failed': 'Export failed: {error}',
    'export.jobUnknown': 'Export job {jobId} was not found; it may have finished. Export again.',
  },
});
