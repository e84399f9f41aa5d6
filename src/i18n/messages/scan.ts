/** Photos made into scans (core/scan): `matprep scan`, the photo checks, the before/after view. */
import { defineMessages } from '../catalog/define';

export const scanMessages = defineMessages({
  'zh-CN': {
    'scan.notImage': '“{file}”不是照片或图片（JPG/PNG），无法处理成扫描件。',
    'check.image.blur': '照片“{file}”模糊，审核时看不清文字。',
    'check.image.blur.hint': '请在光线充足处重新拍摄：手机拿稳，先点屏幕对焦到证件上再拍；或用扫描仪扫描。',
    'check.image.glare': '照片“{file}”上有反光，遮住了部分内容。',
    'check.image.glare.hint': '请换个角度或关掉闪光灯重新拍摄，避免灯光直射证件；证件有塑封的更要注意。',
    'check.image.cropped': '照片“{file}”没有拍全：证件的角或边超出了画面（四角不全）。',
    'check.image.cropped.hint': '请退后一些重新拍摄，让证件四个角都在画面内并留出一点桌面。',
    'check.image.background': '照片“{file}”中证件只占一小部分，四周都是背景。',
    'check.image.background.hint': '请使用“拉平”后的版本（在文件上选“使用扫描版”），或靠近一些重新拍摄。',
    'check.image.screen': '照片“{file}”看起来是对着屏幕拍的（隔屏拍摄），审核不接受。',
    'check.image.screen.hint': '请拍摄证件原件，或使用原件的扫描件，不要翻拍电脑或手机屏幕。',
    'scan.autoConfirmed': '已按照片自动检查勾选（四角都在画面内、无反光），如不对可取消。',
    'scan.cli.usage': '用法：matprep scan <照片> -o <输出.jpg> [--json]',
    'scan.cli.noPage': '没有找到证件边缘，照片按原样输出。',
    'scan.cli.done': '已保存扫描件：{output}（{width}×{height}）',
    'scan.cli.problem': '问题：{message}',
  },
  en: {
    'scan.notImage': '"{file}" is not a photo or image (JPG/PNG), so it cannot be made into a scan.',
    'check.image.blur': 'The photo "{file}" is blurred: a reviewer cannot read the text.',
    'check.image.blur.hint':
      'Take it again in good light: hold the phone still and tap the document on the screen to focus first; or use a scanner.',
    'check.image.glare': 'The photo "{file}" has glare covering part of the document.',
    'check.image.glare.hint':
      'Take it again from another angle or without the flash, so no lamp shines straight onto the document (laminated cards especially).',
    'check.image.cropped': 'The photo "{file}" is not complete: a corner or edge of the document is out of the frame.',
    'check.image.cropped.hint':
      'Step back and take it again with all four corners inside the frame and a little of the desk around them.',
    'check.image.background': 'In the photo "{file}" the document fills only a small part; the rest is background.',
    'check.image.background.hint':
      'Use the flattened version (choose "Use the scan" on the file), or take the photo again from closer.',
    'check.image.screen': 'The photo "{file}" looks like a photo of a screen, which reviewers do not accept.',
    'check.image.screen.hint': 'Photograph or scan the original document, not a computer or phone screen showing it.',
    'scan.autoConfirmed':
      'Ticked from the photo check (all four corners in frame, no glare); untick it if that is wrong.',
    'scan.cli.usage': 'Usage: matprep scan <photo> -o <out.jpg> [--json]',
    'scan.cli.noPage': 'No document edges found; the photo is written as it is.',
    'scan.cli.done': 'Scan saved: {output} ({width}×{height})',
    'scan.cli.problem': 'Problem: {message}',
  },
});
