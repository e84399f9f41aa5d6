/** The top of the bind screen: the two purposes, why the bind button is off, the packet's preview; template picking. */
import { defineMessages } from '../catalog/define';

export const bindLeadMessages = defineMessages({
  'zh-CN': {
    'ui.bind.preset': '这份材料用于',
    'ui.bind.preset.online': '网上提交',
    'ui.bind.preset.online.help': '上传到网上办理系统：图片压缩以控制文件大小，不加分隔页和空白页。',
    'ui.bind.preset.print': '打印成册',
    'ui.bind.preset.print.help': '打印后装订：双面打印，左侧留装订线，每份材料前加分隔页，横向页转为纵向。',
    'ui.bind.preset.mixed': '当前是在“高级选项”中自行调整过的组合；选上面任一项即可恢复。',
    'ui.bind.why.incomplete': '还有 {count} 项未完成，见下方清单。补齐后即可装订，或勾选“仍然装订”先看效果。',
    'ui.bind.why.running': '正在装订，完成后可再次装订。',
    'ui.bind.previewTitle': '装订效果预览（共 {count} 页）',
    'ui.bind.previewLoading': '正在载入装订效果预览…',
    'ui.bind.previewPage': '第 {page} 页，共 {total} 页',
    'ui.bind.previewAll': '显示全部 {count} 页',
    'ui.bind.previewFailed': '无法在此预览装订结果，请点“打开”用 PDF 阅读器查看。',
    'ui.template.custom': '自定义…',
    'ui.template.customLabel': '自定义写法',
    'ui.template.insert': '插入：',
    'ui.template.field.page': '页码',
    'ui.template.field.total': '总页数',
    'ui.template.field.purpose': '申请名称',
    'ui.template.field.applicant': '申请单位',
    'ui.template.unknown': '“{fields}”不是可插入的内容，会原样印出；请用上面的按钮插入。',
  },
  en: {
    'ui.bind.preset': 'This packet is for',
    'ui.bind.preset.online': 'Submitting online',
    'ui.bind.preset.online.help':
      'Uploaded to an online portal: images compressed to keep the file small, no divider or blank pages.',
    'ui.bind.preset.print': 'Printing and binding',
    'ui.bind.preset.print.help':
      'Printed and bound: double-sided, a binding margin on the left, a divider before each material, landscape pages turned portrait.',
    'ui.bind.preset.mixed':
      'The options were changed one by one under “Advanced options”; choose either purpose to reset them.',
    'ui.bind.why.incomplete': {
      one: '1 item is not finished (listed below). Finish it to bind, or tick “Bind anyway” to see the result first.',
      other:
        '{count} items are not finished (listed below). Finish them to bind, or tick “Bind anyway” to see the result first.',
    },
    'ui.bind.why.running': 'Binding now; you can bind again when it is done.',
    'ui.bind.previewTitle': { one: 'Preview of the packet (1 page)', other: 'Preview of the packet ({count} pages)' },
    'ui.bind.previewLoading': 'Loading the preview of the packet…',
    'ui.bind.previewPage': 'Page {page} of {total}',
    'ui.bind.previewAll': { one: 'Show the page', other: 'Show all {count} pages' },
    'ui.bind.previewFailed': 'The packet cannot be previewed here; click “Open” to view it in a PDF reader.',
    'ui.template.custom': 'Custom…',
    'ui.template.customLabel': 'Custom wording',
    'ui.template.insert': 'Insert:',
    'ui.template.field.page': 'Page number',
    'ui.template.field.total': 'Page count',
    'ui.template.field.purpose': 'Application name',
    'ui.template.field.applicant': 'Applicant',
    'ui.template.unknown': '“{fields}” cannot be filled in and would print as typed; use the buttons above to insert.',
  },
});
