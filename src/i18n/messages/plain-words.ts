/** Errors that say what to do with the button that does it, and 依据 links opened in the browser. */
import { defineMessages } from '../catalog/define';

export const plainWordsMessages = defineMessages({
  'zh-CN': {
    'app.linkNotCited': '只能打开内置规则包“依据”中列出的网页，“{url}”不在其中，未打开。',
    'ui.sources.open': '打开网页：{title}',
    'ui.sources.openShort': '打开网页',
    'ui.open.notProject':
      '文件夹“{dir}”里还没有项目。可以在这个文件夹新建项目（先在右侧选择申请类型），或选择其他文件夹。',
    'ui.open.createHere': '在此文件夹新建项目',
    'alerts.unchecked.damaged': '项目记录已损坏。在“最近的项目”中打开它，再点“从备份恢复”。',
    'ui.open.damaged':
      '文件夹“{dir}”中的项目记录已损坏，无法打开。已添加的材料文件没有受影响，损坏的记录也另存了一份。点“从备份恢复”回到上次正常保存时的状态。',
    'ui.open.restore': '从备份恢复',
    'project.noLastGood':
      '项目“{dir}”没有可恢复的备份（本版本还没有保存过它的修改）。请用其他副本（如网盘或U盘中的拷贝）替换这个项目文件夹。',
  },
  en: {
    'app.linkNotCited':
      'Only pages listed under “Sources” of a built-in rule pack can be opened; “{url}” is not one of them.',
    'ui.sources.open': 'Open page: {title}',
    'ui.sources.openShort': 'Open page',
    'ui.open.notProject':
      'There is no project in “{dir}” yet. Create a project in this folder (choose the application type on the right first), or choose another folder.',
    'ui.open.createHere': 'Create a project in this folder',
    'alerts.unchecked.damaged':
      'The project record is damaged. Open it under “Recent projects”, then click “Restore from backup”.',
    'ui.open.damaged':
      'The project record in “{dir}” is damaged and cannot be opened. The material files are not affected, and the damaged record was kept as a copy. Click “Restore from backup” to go back to how it was last saved.',
    'ui.open.restore': 'Restore from backup',
    'project.noLastGood':
      'The project “{dir}” has no backup to restore (this version has not saved a change to it yet). Replace the project folder with another copy (from a network drive or USB stick).',
  },
});
