/** The 三色预警 dashboard: licences and documents that expire, by colour. */
import { defineMessages } from '../catalog/define';

export const alertsMessages = defineMessages({
  'zh-CN': {
    'alerts.level.red': '红色预警',
    'alerts.level.yellow': '黄色预警',
    'alerts.level.green': '正常',
    'alerts.licence': '{title}（许可证本身）',
    'alerts.expired': '“{subject}”已于 {date} 过期（已过 {days} 天）。请尽快换发或重新办理。',
    'alerts.inWindow':
      '“{subject}”将于 {date} 到期，只剩 {days} 天，已进入 {window} 天的办理期限。请立即准备续办材料。',
    'alerts.approaching': '“{subject}”将于 {date} 到期，还有 {days} 天；{window} 天办理期限开始前请备好材料。',
    'alerts.fine': '“{subject}”有效至 {date}，无需处理。',
    'alerts.unchecked.title': '以下项目无法检查有效期：',
    'alerts.unchecked.item': '“{project}”（{dir}）：{reason}',
    'alerts.unchecked.packBroken':
      '它使用的规则包“{id}”有错误，无法加载：{error}请改正该规则文件（或把它移出规则文件夹），再回到首页。',
    'alerts.unchecked.packMissing': '找不到它使用的规则包“{id}”，可能已从规则文件夹中删除。请放回该规则文件。',
    'alerts.unchecked.othersEmpty': '其余最近的项目里没有带有效期的证件。',
    'ui.alerts.title': '三色预警',
    'ui.alerts.intro':
      '最近项目中证件和许可证的有效期：红色为已过期或已进入办理期限，黄色为即将进入，绿色为正常。点击“去处理”打开对应材料。',
    'ui.alerts.empty': '最近的项目里没有带有效期的证件。',
    'ui.alerts.listLabel': '预警列表',
    'ui.alerts.expired': '已过期 {days} 天',
    'ui.alerts.daysLeft': '剩余 {days} 天',
    'ui.alerts.validUntil': '有效至 {date}',
    'ui.alerts.open': '去处理：{project} 的“{title}”',
    'ui.alerts.openShort': '去处理',
    'ui.alerts.view': '查看：{project} 的“{title}”',
    'ui.alerts.viewShort': '查看',
  },
  en: {
    'alerts.level.red': 'Red alert',
    'alerts.level.yellow': 'Yellow alert',
    'alerts.level.green': 'Fine',
    'alerts.licence': '{title} (the licence itself)',
    'alerts.expired': '"{subject}" expired on {date} ({days} days ago). Renew or re-apply as soon as possible.',
    'alerts.inWindow':
      '"{subject}" expires on {date}, only {days} days left: the {window}-day renewal window has started. Prepare the renewal now.',
    'alerts.approaching':
      '"{subject}" expires on {date}, {days} days left; have the materials ready before the {window}-day window starts.',
    'alerts.fine': '"{subject}" is valid until {date}; nothing to do.',
    'alerts.unchecked.title': 'These projects could not be checked for expiry dates:',
    'alerts.unchecked.item': '"{project}" ({dir}): {reason}',
    'alerts.unchecked.packBroken':
      'its rule pack "{id}" has errors and cannot be loaded: {error} Fix that rule file (or move it out of the rules folder), then come back to Home.',
    'alerts.unchecked.packMissing':
      'its rule pack "{id}" cannot be found; it may have been removed from the rules folder. Put the rule file back.',
    'alerts.unchecked.othersEmpty': 'The other recent projects have no documents with an expiry date.',
    'ui.alerts.title': 'Expiry alerts',
    'ui.alerts.intro':
      'Validity of documents and licences in your recent projects: red means expired or inside the renewal window, yellow means it is coming up, green means fine. “Handle” opens that material.',
    'ui.alerts.empty': 'No documents with an expiry date in your recent projects.',
    'ui.alerts.listLabel': 'Alerts',
    'ui.alerts.expired': 'expired {days} days ago',
    'ui.alerts.daysLeft': '{days} days left',
    'ui.alerts.validUntil': 'Valid until {date}',
    'ui.alerts.open': 'Handle “{title}” of {project}',
    'ui.alerts.openShort': 'Handle',
    'ui.alerts.view': 'View “{title}” of {project}',
    'ui.alerts.viewShort': 'View',
  },
});
