/** The settings screen and the app settings file. */
import { defineMessages } from '../catalog/define';

export const settingsMessages = defineMessages({
  'zh-CN': {
    'settings.corrupt': '设置文件“{file}”已损坏（{detail}），已另存备份“{backup}”，将使用默认设置。',
    'settings.invalid': '设置文件“{file}”内容无效（{detail}），已另存备份“{backup}”，将使用默认设置。',
    'ui.settings.title': '设置',
    'ui.settings.language': '界面语言',
    'ui.settings.defaultDpi': '默认图片分辨率（DPI）',
    'ui.settings.watermarkTemplate': '默认水印文字',
    'ui.settings.pageNumberFormat': '默认页码格式',
    'ui.settings.lang.zh-CN': '简体中文',
    'ui.settings.lang.en': 'English',
    'ui.settings.watermarkHelp': '新项目默认使用的水印写法，示例按“{purpose}”“{applicant}”显示。',
    'ui.settings.userRulesDir': '自定义规则包文件夹',
    'ui.settings.userRulesNone': '未设置',
    'ui.settings.choose': '选择文件夹…',
    'ui.settings.clear': '清除',
    'ui.settings.about': '关于',
    'ui.settings.version': '版本 {version} · {platform}',
    'ui.settings.previewLabel': '效果（示例）：',
    'ui.settings.sampleApplicant': '某某科技有限公司',
    'ui.settings.samplePurpose': 'ICP备案（单位）',
    'ui.settings.defaultsIntro': '下面的分辨率、水印文字和页码格式是新项目的默认值，每个项目可在“装订”中单独修改。',
  },
  en: {
    'settings.corrupt':
      'The settings file "{file}" is damaged ({detail}); a backup was saved as "{backup}" and defaults are used.',
    'settings.invalid':
      'The settings file "{file}" is invalid ({detail}); a backup was saved as "{backup}" and defaults are used.',
    'ui.settings.title': 'Settings',
    'ui.settings.language': 'Language',
    'ui.settings.defaultDpi': 'Default image resolution (DPI)',
    'ui.settings.watermarkTemplate': 'Default watermark text',
    'ui.settings.pageNumberFormat': 'Default page number format',
    'ui.settings.lang.zh-CN': '简体中文 (Simplified Chinese)',
    'ui.settings.lang.en': 'English',
    'ui.settings.watermarkHelp': 'The wording new projects use, shown for “{purpose}” and “{applicant}”.',
    'ui.settings.userRulesDir': 'Custom rule pack folder',
    'ui.settings.userRulesNone': 'Not set',
    'ui.settings.choose': 'Choose folder…',
    'ui.settings.clear': 'Clear',
    'ui.settings.about': 'About',
    'ui.settings.version': 'Version {version} · {platform}',
    'ui.settings.previewLabel': 'Result (example):',
    // The watermark is printed on a Chinese packet, so its example stays Chinese in every language.
    'ui.settings.sampleApplicant': '某某科技有限公司',
    'ui.settings.samplePurpose': 'ICP备案（单位）',
    'ui.settings.defaultsIntro':
      'The resolution, watermark text and page-number format below are the defaults for new projects; each project can change them under Binding.',
  },
});
