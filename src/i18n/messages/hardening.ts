/**
 * Messages of the hardening work (issue 12): a busy project, paths that are not what they should be
 * (links, devices), files that would inflate past the limits, data written by a newer version, and
 * folders the app was not given by the user.
 */

export const hardeningMessages = {
  'zh-CN': {
    'project.busy': '项目“{dir}”正被另一个程序（本应用的另一个窗口或 matprep 命令）修改，等待超时。请等它完成后重试。',
    'file.notRegular': '“{file}”是符号链接或特殊文件（不是普通文件），为安全起见没有读取它。请把它换成普通文件后重试。',
    'project.notRealFolder':
      '项目中的“{path}”是符号链接或不是普通文件夹，为安全起见已拒绝使用。请把它换成普通文件夹后重试。',
    'project.outputInside':
      '不能把输出写到“{file}”：它会覆盖项目记录（matprep.json）或保存区（vault）中的文件。请选择其他位置，例如项目的 out 文件夹。',
    'document.jsonSyntax': '第 {line} 行第 {column} 列不是有效的 JSON',
    'project.newerVersion':
      '项目文件“{file}”由更新版本的 matprep 创建（格式版本 {version}，本版本只能读取到版本 {supported}）。文件没有被改动。请升级 matprep 后再打开。',
    'pdf.nestedCompression':
      '“{file}”中有数据被重复压缩（{filters}），这是“解压炸弹”的常见做法，已拒绝导入。请向出具方索取正常导出的 PDF。',
    'pdf.streamTooLarge':
      '“{file}”中的数据解压后超过 {limitMB} MB，可能是“解压炸弹”，已拒绝导入。请向出具方索取正常的文件，或重新扫描。',
    'pdf.imageTooLarge':
      '“{file}”中有一张图片像素过多（{megapixels} 百万像素，上限 {limit} 百万像素），已拒绝导入。请缩小图片后重新导出 PDF。',
    'pdf.tooManyPixels': '“{file}”中的图片合计超过 {limit} 百万像素，已拒绝导入。请拆分文件或降低扫描分辨率后再添加。',
    'image.tooManyPages': 'TIFF 图片“{file}”有 {pages} 页，超过上限 {limit} 页，已拒绝导入。请拆分后再添加。',
    'image.tooManyPixels':
      'TIFF 图片“{file}”的各页合计超过 {limit} 百万像素，已拒绝导入。请降低扫描分辨率或拆分文件后再添加。',
    'app.folderNotChosen': '文件夹“{dir}”不是您在本应用中选择或最近打开过的项目，已拒绝。请通过“打开项目”选择它。',
    'app.pathNotInOutput': '“{file}”不在项目的 out 文件夹中，应用只打开、显示或打印那里的文件。',
    'app.rulesDirByDialog': '规则文件夹只能通过“选择文件夹…”按钮打开的对话框设置（收到的路径“{dir}”未被采用）。',
    'dialog.chooseRules': '选择规则文件夹',
  },
  en: {
    'project.busy':
      'The project "{dir}" is being changed by another program (another window of this app or a matprep command) and did not become free. Wait for it to finish, then try again.',
    'file.notRegular':
      '"{file}" is a symbolic link or a special file (not a regular file), so it was not read. Replace it with a regular file and try again.',
    'project.notRealFolder':
      '"{path}" in the project is a symbolic link or not a folder, so it was refused. Replace it with a real folder and try again.',
    'project.outputInside':
      'Cannot write to "{file}": it would replace the project record (matprep.json) or a file in its vault. Choose another place, such as the project\'s out folder.',
    'document.jsonSyntax': 'not valid JSON at line {line}, column {column}',
    'project.newerVersion':
      'The project file "{file}" was made by a newer version of matprep (format {version}; this version reads up to {supported}). It was not changed. Update matprep, then open it again.',
    'pdf.nestedCompression':
      '"{file}" holds data compressed more than once ({filters}), the usual make-up of a decompression bomb, so it was not imported. Ask the issuer for a normally exported PDF.',
    'pdf.streamTooLarge':
      '"{file}" holds data that expands past {limitMB} MB (possibly a decompression bomb), so it was not imported. Ask the issuer for a normal file, or scan it again.',
    'pdf.imageTooLarge':
      '"{file}" holds an image with too many pixels ({megapixels} megapixels; the limit is {limit}), so it was not imported. Make the image smaller and export the PDF again.',
    'pdf.tooManyPixels':
      'The images in "{file}" add up to more than {limit} megapixels, so it was not imported. Split the file or scan at a lower resolution.',
    'image.tooManyPages':
      'The TIFF image "{file}" has {pages} pages, more than the limit of {limit}, so it was not imported. Split it first.',
    'image.tooManyPixels':
      'The pages of the TIFF image "{file}" add up to more than {limit} megapixels, so it was not imported. Scan at a lower resolution or split the file.',
    'app.folderNotChosen':
      'The folder "{dir}" is not one you chose in this app or opened recently, so it was refused. Choose it with "Open project".',
    'app.pathNotInOutput':
      '"{file}" is not in a project\'s out folder; the app opens, shows or prints only files there.',
    'app.rulesDirByDialog':
      'The rules folder can only be set with the dialog of the "Choose folder…" button (the path "{dir}" was not used).',
    'dialog.chooseRules': 'Choose the rules folder',
  },
};
