/** The granted licence (number, dates) recorded on a project. */
import { defineMessages } from '../catalog/define';

export const licenceMessages = defineMessages({
  'zh-CN': {
    'ui.licence.title': '获批的许可证',
    'ui.licence.intro': '拿到许可证后在这里填写证号和日期，首页的三色预警会在到期前提醒您办理延续。',
    'ui.licence.introYears':
      '拿到许可证后在这里填写证号和日期（有效期 {years} 年；不填“有效期至”时按发证日期推算），首页的三色预警会在到期前提醒您办理延续。',
    'ui.licence.number': '许可证编号',
    'ui.licence.grantedOn': '发证日期',
    'ui.licence.validUntil': '有效期至',
  },
  en: {
    'ui.licence.title': 'The granted licence',
    'ui.licence.intro':
      'Once the licence is granted, enter its number and dates here; the expiry alerts on Home remind you to renew it in time.',
    'ui.licence.introYears':
      'Once the licence is granted, enter its number and dates here (valid for {years} years; without “valid until” it is counted from the grant date); the expiry alerts on Home remind you to renew it in time.',
    'ui.licence.number': 'Licence number',
    'ui.licence.grantedOn': 'Granted on',
    'ui.licence.validUntil': 'Valid until',
  },
});
