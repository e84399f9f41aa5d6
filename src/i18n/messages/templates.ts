/** Fill-in templates: loading them, `matprep template`, and the material step's "生成模板" strip. */
import { defineMessages } from '../catalog/define';

export const templatesMessages = defineMessages({
  'zh-CN': {
    'templates.invalid': '模板文件“{file}”有 {count} 处问题，无法使用。第一处：{detail}。请改正这个模板文件后再试。',
    'templates.idMismatch': '模板的 id “{id}”与文件名不一致，请把 id 改成文件名（不含 .yaml）。',
    'templates.notFound':
      '规则包引用的模板“{template}”不存在（应在“{file}”）。请补上这个模板文件，或从材料中删去 template。',
    'templates.noTemplate': '材料“{material}”没有可生成的模板。有模板的材料：{known}。',
    'templates.noneInPack': '这个规则包的材料都不需要自己写，没有可生成的模板。',
    'templates.badFormat': '不能生成“{file}”：只能生成 .pdf 或 .docx 文件，请把输出文件的扩展名改成其中一个。',
    'templates.cli.usage':
      '用法：matprep template <项目文件夹> --list [--json]  或  matprep template <项目文件夹> <材料ID> -o <输出.pdf|输出.docx>',
    'templates.cli.written': '已生成“{title}”：{output}。空白处请手写，打印后签字盖章，扫描后用 matprep add 添加。',
    'templates.cli.listHeader': '可生成模板的材料（材料ID：文书名称 [格式]）：',
    'templates.dialogTitle': '保存模板',
    'ui.template.title': '这份材料需要自己写：用模板',
    'ui.template.intro': '模板已按主体信息填好单位名称、统一社会信用代码等；空白处请手写。',
    'ui.template.introNamed': '“{title}”的模板已按主体信息填好单位名称、统一社会信用代码等；空白处请手写。',
    'ui.template.step1': '生成模板',
    'ui.template.step2': '打印签字盖章',
    'ui.template.step3': '扫描后添加',
    'ui.template.steps': '三步完成',
    'ui.template.pdf': '生成 PDF',
    'ui.template.docx': '生成 Word',
    'ui.template.generating': '正在生成…',
    'ui.template.saved': '已保存：{path}',
    'ui.template.basis': '格式依据：{basis}',
  },
  en: {
    'templates.invalid': {
      one: 'Template file "{file}" has {count} problem and cannot be used. First: {detail}. Correct the template file and try again.',
      other:
        'Template file "{file}" has {count} problems and cannot be used. First: {detail}. Correct the template file and try again.',
    },
    'templates.idMismatch':
      'The template id "{id}" differs from its file name; make the id the file name (without .yaml).',
    'templates.notFound':
      'The rule pack names the template "{template}", which does not exist (expected at "{file}"). Add the template file, or remove template from the material.',
    'templates.noTemplate': 'Material "{material}" has no template to generate. Materials with a template: {known}.',
    'templates.noneInPack': 'No material of this rule pack is written by the applicant, so there are no templates.',
    'templates.badFormat':
      'Cannot make "{file}": only .pdf and .docx files can be generated. Change the output file’s extension to one of them.',
    'templates.cli.usage':
      'Usage: matprep template <project-dir> --list [--json]  or  matprep template <project-dir> <materialId> -o <out.pdf|out.docx>',
    'templates.cli.written':
      'Wrote "{title}": {output}. Fill in the blanks by hand, print, sign and stamp it, then scan it and add it with matprep add.',
    'templates.cli.listHeader': 'Materials with a template (material id: document [formats]):',
    'templates.dialogTitle': 'Save template',
    'ui.template.title': 'You write this document yourself: use the template',
    'ui.template.intro':
      'The template is filled in with the company’s name, unified social credit code and the other details you entered; write in the blanks by hand.',
    'ui.template.introNamed':
      'The template of “{title}” is filled in with the company’s name, unified social credit code and the other details you entered; write in the blanks by hand.',
    'ui.template.step1': 'Generate the template',
    'ui.template.step2': 'Print, sign and stamp',
    'ui.template.step3': 'Scan and add it',
    'ui.template.steps': 'Three steps',
    'ui.template.pdf': 'Generate PDF',
    'ui.template.docx': 'Generate Word',
    'ui.template.generating': 'Generating…',
    'ui.template.saved': 'Saved: {path}',
    'ui.template.basis': 'Wording follows: {basis}',
  },
});
