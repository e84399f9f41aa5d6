/** Files added to a material: why an input file cannot be used (type, damaged PDF, image), the file list and the preview. */
import { defineMessages } from '../catalog/define';

export const filesMessages = defineMessages({
  'zh-CN': {
    // Why a PDF could not be read (core/pdf/damage.ts): plain words for the common cases, the tool's text as detail.
    'pdf.damage.truncated': '文件不完整，结尾缺失，可能下载或复制时中断了',
    'pdf.damage.pageTreeLoop': '页面目录循环引用自身',
    'pdf.damage.noPages': '找不到页面目录',
    'pdf.damage.xref': '对象索引（交叉引用表）已损坏',
    'pdf.damage.explained': '{reason}；技术细节：{detail}',
    'pdf.damage.technical': '技术细节：{detail}',
    'pdf.damage.unknown': '原因不明',

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
    'ui.file.pages': '{count} 页',
    'ui.file.pixels': '{width}×{height}',
    'ui.file.part': '对应部分',
    'ui.file.partNone': '未标明',
    'ui.file.up': '上移“{name}”',
    'ui.file.down': '下移“{name}”',
    'ui.file.rotate': '顺时针旋转“{name}”',
    'ui.file.rotateLeft': '逆时针旋转“{name}”',
    'ui.file.remove': '移除“{name}”',
    'ui.file.removed': '已移除“{name}”',
    'ui.file.undo': '撤销',
    'ui.file.rotated': '已旋转 {deg}°',
    'ui.file.converted': '已由 {from} 转换为 {to}',
    'ui.file.convertedGif': '已由 GIF 转换为 {to}（动图只保留第一帧）',
    'ui.file.preview': '“{name}”的预览',
    'ui.file.previewFailed': '无法预览此文件',
    'ui.file.open': '放大预览“{name}”',
    'ui.preview.close': '关闭预览',
    'ui.preview.page': '“{name}”第 {page} 页，共 {total} 页',
    'ui.preview.pageOf': '第 {page} 页，共 {total} 页',
    'ui.preview.prev': '上一页',
    'ui.preview.next': '下一页',
    'ui.file.passwordNeeded': '此 PDF 需要打开密码',
    'ui.file.password': '“{name}”的密码',
    'ui.file.addWithPassword': '用此密码添加',
    'ui.file.skip': '不添加此文件',
    'ui.size.kb': '{value} KB',
    'ui.size.mb': '{value} MB',
    'file.notRegular': '“{file}”是符号链接或特殊文件（不是普通文件），为安全起见没有读取它。请把它换成普通文件后重试。',
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
  },
  en: {
    'pdf.damage.truncated': 'the file is incomplete: its end is missing, perhaps a download or copy was cut short',
    'pdf.damage.pageTreeLoop': 'its list of pages refers back to itself',
    'pdf.damage.noPages': 'its list of pages cannot be found',
    'pdf.damage.xref': 'its index of objects (cross-reference table) is damaged',
    'pdf.damage.explained': '{reason}; technical detail: {detail}',
    'pdf.damage.technical': 'technical detail: {detail}',
    'pdf.damage.unknown': 'reason unknown',

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
    'ui.file.pages': { one: '1 page', other: '{count} pages' },
    'ui.file.pixels': '{width}×{height}',
    'ui.file.part': 'Part',
    'ui.file.partNone': 'Not marked',
    'ui.file.up': 'Move "{name}" up',
    'ui.file.down': 'Move "{name}" down',
    'ui.file.rotate': 'Rotate "{name}" clockwise',
    'ui.file.rotateLeft': 'Rotate "{name}" counter-clockwise',
    'ui.file.remove': 'Remove "{name}"',
    'ui.file.removed': 'Removed "{name}"',
    'ui.file.undo': 'Undo',
    'ui.file.rotated': 'Rotated {deg}°',
    'ui.file.converted': 'Converted from {from} to {to}',
    'ui.file.convertedGif': 'Converted from GIF to {to} (first frame only)',
    'ui.file.preview': 'Preview of "{name}"',
    'ui.file.previewFailed': 'Cannot preview this file',
    'ui.file.open': 'Enlarge preview of "{name}"',
    'ui.preview.close': 'Close preview',
    'ui.preview.page': '"{name}", page {page} of {total}',
    'ui.preview.pageOf': 'Page {page} of {total}',
    'ui.preview.prev': 'Previous page',
    'ui.preview.next': 'Next page',
    'ui.file.passwordNeeded': 'This PDF needs a password to open',
    'ui.file.password': 'Password for "{name}"',
    'ui.file.addWithPassword': 'Add with this password',
    'ui.file.skip': 'Skip this file',
    'ui.size.kb': '{value} KB',
    'ui.size.mb': '{value} MB',
    'file.notRegular':
      '"{file}" is a symbolic link or a special file (not a regular file), so it was not read. Replace it with a regular file and try again.',
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
  },
});
