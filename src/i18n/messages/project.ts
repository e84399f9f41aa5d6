/** The project folder and file (matprep.json): opening, saving, importing files and the values it accepts. */
import { defineMessages } from '../catalog/define';

export const projectMessages = defineMessages({
  'zh-CN': {
    'project.exists': '“{file}”已存在，这个文件夹里已经有一个项目。请直接打开它，或选择一个空文件夹。',
    'project.notFound': '文件夹“{dir}”里没有项目（缺少 matprep.json）。请选择项目文件夹，或新建项目。',
    'project.corrupt':
      '项目文件“{file}”已损坏，无法读取（{detail}）。文件没有被改动，已另存备份“{backup}”。请从备份或其他副本恢复后再打开。',
    'project.invalid':
      '项目文件“{file}”有 {count} 处内容不符合格式，第一处：{detail}。文件没有被改动，已另存备份“{backup}”。请改正这些位置，或从备份恢复。',
    'document.unknownKey': '不认识的键“{key}”（位于“{path}”），可能由更新版本的 matprep 写入，请用更新版本打开',
    'project.fileTooLarge': '文件“{file}”超过 {limitMB} MB，无法导入。请先压缩或拆分该文件。',
    'project.notAFile': '“{file}”不是文件（可能是文件夹），无法导入。',
    'project.fileNotAttached': '材料“{material}”中没有这个文件（{fileId}），它可能已被移除。请刷新后重试。',
    'project.vaultMissing': '项目中保存的文件“{file}”不见了（材料：{material}）。请重新导入该文件。',
    'project.vaultTampered':
      '项目中保存的文件“{file}”已被改动，与导入时不一致（材料：{material}）。为防止提交错误材料，请重新导入该文件。',
    'project.unknownField': '规则中没有字段“{field}”。可用字段：{known}。',
    'project.unknownMaterial': '规则中没有材料“{material}”。可用材料：{known}。',
    'project.invalidValue': '字段“{field}”的值无效：{reason}',
    'project.badOption': '字段“{field}”只能取以下值之一：{options}。',
    'project.unknownConfirmation': '材料“{material}”不需要确认“{what}”。需要的确认项：{known}。',
    'project.badDate': '日期“{value}”格式不对，请写成 YYYY-MM-DD，例如 2026-01-31。',
    'project.ruleMismatch': '项目使用的规则“{id}”版本 {version} 已不存在，现使用版本 {current}。请检查清单是否有变化。',
    'project.fileNotInProject': '项目中没有这个文件（{sha256}），它可能已被移除。请刷新后重试。',
    'project.pagesNotPdf': '“{file}”不是 PDF，只有 PDF 文件可以挑选、调整页面顺序或单独旋转页面。',
    'project.pagesUnknown': '还不知道“{file}”有多少页，无法调整页面。请移除该文件后重新导入。',
    'project.pagesEmpty': '“{file}”至少要保留一页。如果整份文件都不需要，请直接移除该文件。',
    'project.pageOutOfRange': '“{file}”只有 {pages} 页，没有第 {page} 页。请刷新后重新选择页面。',
    'project.pageTwice': '“{file}”的第 {page} 页被选了两次。每页只能装订一次，请重新选择页面。',
    'project.badOutputName':
      '装订文件名“{name}”不可用：只能是一个文件名（不含文件夹、“..”、\\ / : * ? " < > | 等字符），装订件总是保存在项目的 out 文件夹中。请换一个名称。',
    'project.openNotPdf': '只能打开 PDF 文件，“{file}”不是 PDF，未打开。',
    'project.busy': '项目“{dir}”正被另一个程序（本应用的另一个窗口或 matprep 命令）修改，等待超时。请等它完成后重试。',
    'project.notRealFolder':
      '项目中的“{path}”是符号链接或不是普通文件夹，为安全起见已拒绝使用。请把它换成普通文件夹后重试。',
    'project.outputInside':
      '不能把输出写到“{file}”：它会覆盖项目记录（matprep.json）或保存区（vault）中的文件。请选择其他位置，例如项目的 out 文件夹。',
    'document.jsonSyntax': '第 {line} 行第 {column} 列不是有效的 JSON',
    'project.newerVersion':
      '项目文件“{file}”由更新版本的 matprep 创建（格式版本 {version}，本版本只能读取到版本 {supported}）。文件没有被改动。请升级 matprep 后再打开。',
  },
  en: {
    'project.exists':
      '"{file}" already exists: this folder already holds a project. Open it, or choose an empty folder.',
    'project.notFound':
      'There is no project in "{dir}" (no matprep.json). Choose a project folder, or create a new project.',
    'project.corrupt':
      'The project file "{file}" is damaged and cannot be read ({detail}). It was not changed; a backup was saved as "{backup}". Restore it from a backup or another copy, then open it again.',
    'project.invalid': {
      one: 'The project file "{file}" does not match the format in {count} place. First: {detail}. It was not changed; a backup was saved as "{backup}". Correct that place, or restore from a backup.',
      other:
        'The project file "{file}" does not match the format in {count} places. First: {detail}. It was not changed; a backup was saved as "{backup}". Correct those places, or restore from a backup.',
    },
    'document.unknownKey':
      'unknown key "{key}" (in {path}), perhaps made by a newer version of matprep; open it with that version',
    'project.fileTooLarge':
      'File "{file}" is larger than {limitMB} MB and cannot be imported. Compress or split it first.',
    'project.notAFile': '"{file}" is not a file (perhaps a folder) and cannot be imported.',
    'project.fileNotAttached':
      'Material "{material}" has no such file ({fileId}); it may have been removed. Refresh and try again.',
    'project.vaultMissing': 'The stored copy of "{file}" is missing (material: {material}). Import the file again.',
    'project.vaultTampered':
      'The stored copy of "{file}" was changed since it was imported (material: {material}). To avoid submitting the wrong document, import the file again.',
    'project.unknownField': 'The rule pack has no field "{field}". Fields: {known}.',
    'project.unknownMaterial': 'The rule pack has no material "{material}". Materials: {known}.',
    'project.invalidValue': 'Invalid value for field "{field}": {reason}',
    'project.badOption': 'Field "{field}" accepts only: {options}.',
    'project.unknownConfirmation': 'Material "{material}" has no confirmation "{what}". Confirmations: {known}.',
    'project.badDate': 'Date "{value}" is not in the form YYYY-MM-DD, e.g. 2026-01-31.',
    'project.ruleMismatch':
      'The project used rule pack "{id}" version {version}, which no longer exists; now using version {current}. Check whether the list changed.',
    'project.pagesNotPdf':
      '"{file}" is not a PDF. Only the pages of a PDF can be chosen, reordered or rotated one by one.',
    'project.pagesUnknown':
      'The number of pages in "{file}" is not known, so its pages cannot be changed. Remove the file and import it again.',
    'project.pagesEmpty': 'Keep at least one page of "{file}". If none of it is needed, remove the file instead.',
    'project.pageOutOfRange':
      '"{file}" has {pages} pages; there is no page {page}. Refresh and choose the pages again.',
    'project.pageTwice':
      'Page {page} of "{file}" was chosen twice. Each page can be bound once; choose the pages again.',
    'project.fileNotInProject':
      'This file ({sha256}) is not in the project; it may have been removed. Refresh and try again.',
    'project.badOutputName':
      'The packet name "{name}" cannot be used: it must be a plain file name (no folders, "..", or characters such as \\ / : * ? " < > |); packets are always saved in the project\'s out folder. Choose another name.',
    'project.openNotPdf': 'Only PDF files can be opened from here; "{file}" is not a PDF and was not opened.',
    'project.busy':
      'The project "{dir}" is being changed by another program (another window of this app or a matprep command) and did not become free. Wait for it to finish, then try again.',
    'project.notRealFolder':
      '"{path}" in the project is a symbolic link or not a folder, so it was refused. Replace it with a real folder and try again.',
    'project.outputInside':
      'Cannot write to "{file}": it would replace the project record (matprep.json) or a file in its vault. Choose another place, such as the project\'s out folder.',
    'document.jsonSyntax': 'not valid JSON at line {line}, column {column}',
    'project.newerVersion':
      'The project file "{file}" was made by a newer version of matprep (format {version}; this version reads up to {supported}). It was not changed. Update matprep, then open it again.',
  },
});
