/** Company profiles (主体信息), the 三色预警 expiry dashboard and the security-update log. */
export const extrasMessages = {
  'zh-CN': {
    'profile.notFound': '找不到主体信息“{id}”，它可能已被删除。请刷新列表后重试。',
    'profile.nameRequired': '请填写主办单位名称后再保存主体信息。',
    'profile.documentNotFound': '主体信息“{profile}”中没有资料“{key}”，它可能已被移除。请刷新后重试。',
    'profile.vaultMissing': '主体资料库中的文件“{file}”不见了（主体：{profile}）。请在主体信息中重新导入该文件。',
    'profile.vaultTampered':
      '主体资料库中的文件“{file}”已被改动，与导入时不一致（主体：{profile}）。请重新导入该文件。',
    'profile.library.business-licence': '营业执照',
    'profile.library.legal-rep-id-card': '法定代表人身份证',
    'profile.library.articles-and-shareholders': '公司章程及股权结构',
    'profile.library.audit-report': '审计报告或验资报告',
    'profile.library.domain-certificate': '域名证书',
    'profile.library.premises-proof': '经营场所使用权证明',

    'alerts.level.red': '红色预警',
    'alerts.level.yellow': '黄色预警',
    'alerts.level.blue': '正常',
    'alerts.licence': '{title}（许可证本身）',
    'alerts.expired': '“{subject}”已于 {date} 过期（已过 {days} 天）。请尽快换发或重新办理。',
    'alerts.inWindow':
      '“{subject}”将于 {date} 到期，只剩 {days} 天，已进入 {window} 天的办理期限。请立即准备续办材料。',
    'alerts.approaching': '“{subject}”将于 {date} 到期，还有 {days} 天；{window} 天办理期限开始前请备好材料。',
    'alerts.fine': '“{subject}”有效至 {date}，还有 {days} 天。',
    'alerts.unchecked.title': '以下项目无法检查有效期：',
    'alerts.unchecked.item': '“{project}”（{dir}）：{reason}',
    'alerts.unchecked.packBroken':
      '它使用的规则包“{id}”有错误，无法加载：{error}请改正该规则文件（或把它移出规则文件夹），再回到首页。',
    'alerts.unchecked.packMissing': '找不到它使用的规则包“{id}”，可能已从规则文件夹中删除。请放回该规则文件。',
    'alerts.unchecked.othersEmpty': '其余最近的项目里没有带有效期的证件。',

    'check.securityLog.empty':
      '网络安全更新记录为空。建议把近半年的重大安全更新整理成记录，作为网络安全保障措施的证据。',
    'securityLog.about': '（{detail}）',
    'check.securityLog.undated': '第 {index} 条更新记录{about}还没有日期。请填写 YYYY-MM-DD 格式的日期。',
    'check.securityLog.badDate': '第 {index} 条更新记录的日期“{date}”格式不对，请写成 YYYY-MM-DD，例如 2026-01-31。',
    'check.securityLog.future': '第 {index} 条更新记录的日期 {date} 晚于今天（{today}）。请改正日期。',
    'check.securityLog.unsigned':
      '第 {index} 条更新记录{about}还未经负责人签字。缺少签名的更新记录会引起审核质疑，请签字后勾选“已签字”。',
    'check.securityLog.noResponsible': '第 {index} 条更新记录{about}还没有填写责任人。',
    'check.securityLog.incomplete': '第 {index} 条更新记录{about}还缺少“发现的问题”或“整改措施”。',
    'check.securityLog.old':
      '第 {index} 条更新记录（{date}）已超过 6 个月，审核通常看近半年的更新。可保留，但请补充近期记录。',
    'securityLog.noMaterial': '规则“{pack}”中没有“网络安全演进图”这项材料，无法附上。',
    'securityLog.noEntries': '还没有网络安全更新记录，无法生成演进图。请先添加记录。',
    'securityLog.notReady':
      '第 {index} 条安全更新记录还没填完或有错误，无法生成演进图。请先在“安全更新记录”一步改好它。',
    'check.securityLog.chartOutdated':
      '演进图是按改动前的安全更新记录生成的，与现在的记录不一致。请在“安全更新记录”一步重新生成演进图。',
    'securityLog.chart.title': '网络安全演进图',
    'securityLog.chart.period': '{from} 至 {to}，共 {count} 次安全更新',
    'securityLog.chart.generated': '生成日期：{date}',
    'securityLog.chart.signed': '已签字确认',
    'securityLog.chart.unsigned': '未签字',
    'securityLog.chart.undated': '无日期',
    'securityLog.chart.col.date': '日期',
    'securityLog.chart.col.problem': '发现的问题',
    'securityLog.chart.col.fix': '整改措施',
    'securityLog.chart.col.effect': '整改效果',
    'securityLog.chart.col.responsible': '负责人',
    'securityLog.chart.col.signed': '签字',
    'securityLog.chart.more': '另有 {count} 条较早的记录未列出。',
  },
  en: {
    'profile.notFound':
      'Company profile "{id}" was not found; it may have been deleted. Refresh the list and try again.',
    'profile.nameRequired': 'Enter the company name before saving the profile.',
    'profile.documentNotFound':
      'Profile "{profile}" has no document "{key}"; it may have been removed. Refresh and try again.',
    'profile.vaultMissing':
      'The stored copy of "{file}" in the profile library is missing (profile: {profile}). Import the file into the profile again.',
    'profile.vaultTampered':
      'The stored copy of "{file}" in the profile library was changed since it was imported (profile: {profile}). Import the file again.',
    'profile.library.business-licence': 'Business licence',
    'profile.library.legal-rep-id-card': 'Legal representative ID card',
    'profile.library.articles-and-shareholders': 'Articles of association and shareholding',
    'profile.library.audit-report': 'Audit or capital verification report',
    'profile.library.domain-certificate': 'Domain certificate',
    'profile.library.premises-proof': 'Proof of right to use the premises',

    'alerts.level.red': 'Red alert',
    'alerts.level.yellow': 'Yellow alert',
    'alerts.level.blue': 'Fine',
    'alerts.licence': '{title} (the licence itself)',
    'alerts.expired': '"{subject}" expired on {date} ({days} days ago). Renew or re-apply as soon as possible.',
    'alerts.inWindow':
      '"{subject}" expires on {date}, only {days} days left: the {window}-day renewal window has started. Prepare the renewal now.',
    'alerts.approaching':
      '"{subject}" expires on {date}, {days} days left; have the materials ready before the {window}-day window starts.',
    'alerts.fine': '"{subject}" is valid until {date}, {days} days left.',
    'alerts.unchecked.title': 'These projects could not be checked for expiry dates:',
    'alerts.unchecked.item': '"{project}" ({dir}): {reason}',
    'alerts.unchecked.packBroken':
      'its rule pack "{id}" has errors and cannot be loaded: {error} Fix that rule file (or move it out of the rules folder), then come back to Home.',
    'alerts.unchecked.packMissing':
      'its rule pack "{id}" cannot be found; it may have been removed from the rules folder. Put the rule file back.',
    'alerts.unchecked.othersEmpty': 'The other recent projects have no documents with an expiry date.',

    'check.securityLog.empty':
      'The security-update log is empty. Record the major security updates of the last six months as evidence of your security measures.',
    'securityLog.about': ' ({detail})',
    'check.securityLog.undated': 'Update #{index}{about} has no date yet. Enter a date as YYYY-MM-DD.',
    'check.securityLog.badDate': 'The date "{date}" of update #{index} is not in the form YYYY-MM-DD, e.g. 2026-01-31.',
    'check.securityLog.future': 'The date {date} of update #{index} is after today ({today}). Correct the date.',
    'check.securityLog.unsigned':
      'Update #{index}{about} is not signed by the person responsible yet. Unsigned update logs raise doubts in review; have it signed, then tick "Signed".',
    'check.securityLog.noResponsible': 'Update #{index}{about} names no person responsible yet.',
    'check.securityLog.incomplete': 'Update #{index}{about} does not describe the problem found or the fix yet.',
    'check.securityLog.old':
      'Update #{index} ({date}) is more than 6 months old; reviewers usually look at the last six months. Keep it, but add recent updates.',
    'securityLog.noMaterial':
      'Rule pack "{pack}" has no "security timeline" material, so the chart cannot be attached.',
    'securityLog.noEntries': 'There are no security updates yet, so no timeline can be drawn. Add updates first.',
    'securityLog.notReady':
      'Update #{index} of the security-update log is not finished or has an error, so no chart can be drawn. Fix it first in the "Security update log" step.',
    'check.securityLog.chartOutdated':
      'The chart was drawn from the security-update log before its latest changes and no longer matches it. Generate it again in the "Security update log" step.',
    'securityLog.chart.title': 'Security update timeline',
    'securityLog.chart.period': '{from} to {to}, {count} security updates',
    'securityLog.chart.generated': 'Generated on {date}',
    'securityLog.chart.signed': 'Signed',
    'securityLog.chart.unsigned': 'Not signed',
    'securityLog.chart.undated': 'No date',
    'securityLog.chart.col.date': 'Date',
    'securityLog.chart.col.problem': 'Problem found',
    'securityLog.chart.col.fix': 'Fix',
    'securityLog.chart.col.effect': 'Effect',
    'securityLog.chart.col.responsible': 'Responsible',
    'securityLog.chart.col.signed': 'Signed',
    'securityLog.chart.more': '{count} older updates are not listed.',
  },
};
