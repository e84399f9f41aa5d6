export const bindMessages = {
  'zh-CN': {
    // Input files
    'file.empty': '文件“{file}”是空的（0 字节）。请重新扫描或导出后再添加。',
    'file.unsupported.office': '“{file}”是 Word/Excel 等办公文档，不能直接装订。请在办公软件中“另存为 PDF”后再添加。',
    'file.unsupported.heic':
      '“{file}”是 HEIC/HEIF 照片（苹果手机默认格式）。请在手机“设置 > 相机 > 格式”中选择“兼容性最佳”，或把照片导出为 JPG 后再添加。',
    'file.unsupported.webp': '“{file}”是 WebP 图片。请用看图软件或截图工具另存为 JPG 或 PNG 后再添加。',
    'file.unsupported.gif': '“{file}”是 GIF 图片。请另存为 PNG 或 JPG 后再添加。',
    'file.unsupported.tiff': '“{file}”是 TIFF 图片。请在扫描软件中改存为 PDF 或 JPG 后再添加。',
    'file.unsupported.bmp': '“{file}”是 BMP 图片。请另存为 PNG 或 JPG 后再添加。',
    'file.unsupported.ofd': '“{file}”是 OFD 版式文件。请用 OFD 阅读器“另存为 PDF”或打印为 PDF 后再添加。',
    'file.unsupported.zip': '“{file}”是压缩包。请先解压，再逐个添加其中的 PDF 或图片。',
    'file.unsupported.text': '“{file}”是纯文本文件，不是 PDF 或图片。请打开原件另存为 PDF 后再添加。',
    'file.unsupported.unknown':
      '无法识别“{file}”的格式。支持 PDF、JPG、PNG，以及添加时自动转换的 WebP、TIFF、GIF，请转换为其中一种后再添加。',
    'pdf.notPdf': '“{file}”不是 PDF 文件（虽然扩展名是 .pdf）。请找到原始文件，或重新导出为 PDF。',
    'pdf.damaged': '“{file}”已损坏，无法读取（{detail}）。请重新扫描或向出具方索取新的文件。',
    'pdf.noPages': '“{file}”中没有任何页面。请检查文件是否导出完整，重新生成后再添加。',
    'pdf.passwordRequired': '“{file}”设置了打开密码。请在文件旁输入密码后再装订。',
    'pdf.passwordWrong': '“{file}”的密码不正确。请核对密码（注意大小写）后重新输入。',
    'image.damaged': '图片“{file}”不完整或已损坏（可能没有传输完）。请重新拍摄或重新复制该图片。',
    'image.unreadable': '无法读取图片“{file}”。请另存为 JPG 或 PNG 后再添加。',
    'image.tooLarge': '图片“{file}”像素过多（超过 {megapixels} 百万像素），可能不是正常照片。请缩小后再添加。',
    'image.convertFailed':
      '“{file}”是 {format} 图片，但内容不完整或已损坏，无法转换。请重新下载或重新扫描，或另存为 JPG/PNG 后再添加。',
    // Binding
    'bind.cancelled': '装订已取消，没有生成文件。',
    'bind.nothing': '没有可装订的材料：请先为材料添加文件。',
    'bind.incomplete': '材料还不完整（{missing}），已拒绝装订。请补齐后再试，或使用 --allow-incomplete 先生成草稿。',
    'bind.repaired': '“{file}”有损坏，已自动修复后装订，请核对其页面。',
    'bind.failedFile': '装订“{file}”时出错：{detail}',
    'bind.cover.heading': '申 请 材 料',
    'bind.cover.applicant': '申请单位',
    'bind.cover.matter': '申请事项',
    'bind.cover.contact': '联 系 人',
    'bind.cover.date': '日    期',
    'bind.cover.dateValue': '{year}年{month}月{day}日',
    'bind.toc.title': '目    录',
    'bind.toc.bookmark': '目录',
    'bind.cover.bookmark': '封面',
    'bind.blank': '（此页无正文）',
    'bind.divider.number': '材料 {n}',
    'bind.appendix.label': '附录{n}：',
    'bind.metadata.title': '{title} 申请材料',
    'bind.metadata.subject': '{title}：{count} 项材料，共 {pages} 页',
    // Export
    'export.tooLarge':
      '材料“{material}”压缩到最低可读质量后仍有 {size} KB，超过规则要求的 {limit} KB。请减少页数、裁掉空白或分开提交。',
    'export.tooLargeAsIs':
      '材料“{material}”导出为 PDF 后有 {size} KB，超过规则要求的 {limit} KB。其中的 PDF 不是扫描件，为保留可选中的文字没有压缩。请减少页数、分开提交，或用制作它的软件另存为更小的 PDF。',
    'export.written': '已导出 {count} 个文件到 {output}',
    'export.nothing': '没有可导出的文件：还没有为任何材料添加文件。请先在“材料”中添加文件，再导出。',
    // 补正清单
    'correction.title': '补 正 清 单',
    'correction.project': '项目',
    'correction.matter': '申请事项',
    'correction.date': '检查日期',
    'correction.summary': '共 {count} 项需要补正（完成度 {percent}%）。',
    'correction.none': '没有需要补正的内容，材料已齐全。',
    'correction.col.no': '序号',
    'correction.col.item': '事项',
    'correction.col.status': '状态',
    'correction.col.problem': '问题与处理办法',
    'correction.kind.field': '信息',
    'correction.kind.material': '材料',
    'correction.status.missing': '缺少',
    'correction.status.invalid': '不符合要求',
    'correction.status.warning': '请注意',
    'correction.status.unconfirmed': '待完成',
    'correction.hint': '处理：{hint}',
    'correction.page': '第 {page} 页 共 {total} 页',
    // CLI
    'cli.bind.usage':
      '用法：matprep bind <项目文件夹> -o <输出.pdf> [--dpi N] [--jpeg-quality N] [--duplex] [--dividers] [--watermark|--no-watermark] [--header] [--binding-margin] [--number-front-matter|--no-number-front-matter] [--landscape keep|rotate] [--source-outlines keep|drop] [--forms flatten|keep] [--appendix <材料ID,...>] [--changes-page] [--allow-incomplete] [--deterministic] [--password <文件名>=<密码>] [--correction-list <补正清单.pdf>] [--json]',
    // `bind --help` prints these under the usage line. Not given, an option keeps the project's choice (set in the app).
    'cli.bind.options': `选项（不写的选项沿用项目在程序中保存的设置）：
  --dpi N                       图片分辨率，72–600（默认 200）
  --jpeg-quality N              图片质量，30–100（默认 85；小一些文件更小）
  --duplex                      双面打印：每份材料从奇数页开始
  --dividers                    每份材料前加分隔页
  --watermark / --no-watermark  给要求加水印的材料（如身份证）加 / 不加水印
  --header                      页眉显示申请单位名称
  --binding-margin              左侧留装订线（约 25 毫米）
  --number-front-matter / --no-number-front-matter
                                封面和目录也编页码 / 页码从第一份材料开始
  --landscape keep|rotate       横向页面：保持横向（默认）/ 旋转为纵向
  --source-outlines keep|drop   原文件自带的书签：保留（默认）/ 不保留
  --forms flatten|keep          PDF 表单：压平，打印效果一致（默认）/ 保留可填写
  --appendix <材料ID,...>       这些材料放在最后，作为附录
  --changes-page                目录后加一页补正说明（上次提交以来的变更，逐条对应补正意见）
  --allow-incomplete            材料不完整也装订（草稿）
  --deterministic               相同输入生成完全相同的文件（日期取 --today）
  --password <文件名>=<密码>    加密 PDF 的打开密码
  --correction-list <文件.pdf>  拒绝装订时写出补正清单
  --json                        以 JSON 输出结果`,
    'cli.export.usage': '用法：matprep export <项目文件夹> -o <输出.zip> [--json]',
    'cli.bind.written': '已生成 {output}：{pages} 页，{size}',
  },
  en: {
    'file.empty': '"{file}" is empty (0 bytes). Scan or export it again, then add it.',
    'file.unsupported.office':
      '"{file}" is a Word/Excel document and cannot be bound directly. Use "Save as PDF" in your office program, then add the PDF.',
    'file.unsupported.heic':
      '"{file}" is a HEIC/HEIF photo (the iPhone default). Choose "Most Compatible" under Settings > Camera > Formats, or export the photo as JPG, then add it.',
    'file.unsupported.webp': '"{file}" is a WebP image. Save it as JPG or PNG, then add it.',
    'file.unsupported.gif': '"{file}" is a GIF image. Save it as PNG or JPG, then add it.',
    'file.unsupported.tiff': '"{file}" is a TIFF image. Save the scan as PDF or JPG, then add it.',
    'file.unsupported.bmp': '"{file}" is a BMP image. Save it as PNG or JPG, then add it.',
    'file.unsupported.ofd': '"{file}" is an OFD document. Use an OFD reader to save or print it as PDF, then add it.',
    'file.unsupported.zip': '"{file}" is an archive. Extract it and add the PDFs or images inside one by one.',
    'file.unsupported.text':
      '"{file}" is a plain text file, not a PDF or image. Open the original and save it as PDF, then add it.',
    'file.unsupported.unknown':
      'The format of "{file}" is not recognised. PDF, JPG and PNG are supported, and WebP, TIFF and GIF are converted when added; convert it to one of these and add it again.',
    'pdf.notPdf':
      '"{file}" is not a PDF file (even though it is named .pdf). Find the original or export it as PDF again.',
    'pdf.damaged': '"{file}" is damaged and cannot be read ({detail}). Scan it again or ask the issuer for a new copy.',
    'pdf.noPages': '"{file}" has no pages. Check that it was exported completely, generate it again and add it.',
    'pdf.passwordRequired':
      '"{file}" is protected by an open password. Enter the password next to the file, then bind again.',
    'pdf.passwordWrong': 'The password for "{file}" is wrong. Check it (it is case-sensitive) and enter it again.',
    'image.damaged': 'The image "{file}" is incomplete or damaged (perhaps not fully copied). Take or copy it again.',
    'image.unreadable': 'The image "{file}" cannot be read. Save it as JPG or PNG and add it again.',
    'image.tooLarge':
      'The image "{file}" has too many pixels (over {megapixels} megapixels) to be a normal photo. Reduce it and add it again.',
    'image.convertFailed':
      '"{file}" is a {format} image but is incomplete or damaged, so it cannot be converted. Download or scan it again, or save it as JPG/PNG, then add it.',
    'bind.cancelled': 'Binding was cancelled; no file was written.',
    'bind.nothing': 'There is nothing to bind: add files to the materials first.',
    'bind.incomplete':
      'The materials are incomplete ({missing}), so binding was refused. Complete them, or use --allow-incomplete for a draft.',
    'bind.repaired': '"{file}" was damaged and has been repaired for binding; please check its pages.',
    'bind.failedFile': 'Binding "{file}" failed: {detail}',
    'bind.cover.heading': 'Application Materials',
    'bind.cover.applicant': 'Applicant',
    'bind.cover.matter': 'Application',
    'bind.cover.contact': 'Contact',
    'bind.cover.date': 'Date',
    'bind.cover.dateValue': '{year}-{month}-{day}',
    'bind.toc.title': 'Contents',
    'bind.toc.bookmark': 'Contents',
    'bind.cover.bookmark': 'Cover',
    'bind.blank': '(This page is intentionally blank)',
    'bind.divider.number': 'Material {n}',
    'bind.appendix.label': 'Appendix {n}: ',
    'bind.metadata.title': '{title}: application materials',
    'bind.metadata.subject': '{title}: {count} materials, {pages} pages',
    'export.tooLarge':
      'Material "{material}" is still {size} KB at the lowest readable quality, over the {limit} KB the rules allow. Remove pages, crop blank borders or submit it in parts.',
    'export.tooLargeAsIs':
      'Material "{material}" is {size} KB as a PDF, over the {limit} KB the rules allow. Its PDF is not a scan, so it was left uncompressed to keep its text selectable. Remove pages, submit it in parts, or save a smaller PDF from the program that made it.',
    'export.written': 'Exported {count} files to {output}',
    'export.nothing':
      'There is nothing to export: no material has a file yet. Add files under Materials first, then export.',
    'correction.title': 'List of corrections',
    'correction.project': 'Project',
    'correction.matter': 'Application',
    'correction.date': 'Checked on',
    'correction.summary': '{count} items need correcting ({percent}% complete).',
    'correction.none': 'Nothing needs correcting; the materials are complete.',
    'correction.col.no': 'No.',
    'correction.col.item': 'Item',
    'correction.col.status': 'Status',
    'correction.col.problem': 'Problem and what to do',
    'correction.kind.field': 'Field',
    'correction.kind.material': 'Material',
    'correction.status.missing': 'Missing',
    'correction.status.invalid': 'Invalid',
    'correction.status.warning': 'Note',
    'correction.status.unconfirmed': 'To finish',
    'correction.hint': 'To do: {hint}',
    'correction.page': 'Page {page} of {total}',
    'cli.bind.usage':
      'Usage: matprep bind <project-dir> -o <out.pdf> [--dpi N] [--jpeg-quality N] [--duplex] [--dividers] [--watermark|--no-watermark] [--header] [--binding-margin] [--number-front-matter|--no-number-front-matter] [--landscape keep|rotate] [--source-outlines keep|drop] [--forms flatten|keep] [--appendix <material id,...>] [--changes-page] [--allow-incomplete] [--deterministic] [--password <file name>=<password>] [--correction-list <list.pdf>] [--json]',
    'cli.bind.options': `Options (an option not given keeps the project's setting, as saved in the app):
  --dpi N                       image resolution, 72–600 (default 200)
  --jpeg-quality N              image quality, 30–100 (default 85; lower gives a smaller file)
  --duplex                      double-sided: each material starts on an odd page
  --dividers                    a divider page before each material
  --watermark / --no-watermark  watermark the materials that ask for one (ID cards and the like), or not
  --header                      the applicant's name in a header on every page
  --binding-margin              a wider left margin to bind along (about 25 mm)
  --number-front-matter / --no-number-front-matter
                                number the cover and contents too / start numbering at the first material
  --landscape keep|rotate       landscape pages: keep them landscape (default) / turn them portrait
  --source-outlines keep|drop   bookmarks the files bring along: keep (default) / drop
  --forms flatten|keep          PDF forms: flatten, so they print as shown (default) / keep fillable
  --appendix <material id,...>  bind these materials last, as appendices
  --changes-page                add a 补正说明 page after the 目录 (changes since the last submission, per request)
  --allow-incomplete            bind even when materials are missing (a draft)
  --deterministic               identical input gives identical bytes (dated by --today)
  --password <file name>=<pw>   the open password of an encrypted PDF
  --correction-list <file.pdf>  when refused, write the 补正清单 there
  --json                        print the result as JSON`,
    'cli.export.usage': 'Usage: matprep export <project-dir> -o <out.zip> [--json]',
    'cli.bind.written': 'Wrote {output}: {pages} pages, {size}',
  },
};
