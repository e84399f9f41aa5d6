/**
 * Files on a material the answers no longer ask for (its `when:` turned false): the check's problem
 * naming the answer that switched it off, the checklist's 不装订 note and the bind warning.
 */
import { defineMessages } from '../catalog/define';

export const notBoundMessages = defineMessages({
  'zh-CN': {
    'check.material.notApplicableBecause': '“{field}”为“{value}”，不需要此项材料；已添加的 {count} 个文件不会装订。',
    'check.material.notApplicableUnset': '“{field}”未填写，不需要此项材料；已添加的 {count} 个文件不会装订。',
    'ui.checklist.notBound': '不装订',
    'bind.notBound': '“{title}”未装订：{reason}',
  },
  en: {
    'check.material.notApplicableBecause': {
      one: '"{field}" is "{value}", so this material is not needed; its {count} file will not be bound.',
      other: '"{field}" is "{value}", so this material is not needed; its {count} files will not be bound.',
    },
    'check.material.notApplicableUnset': {
      one: '"{field}" is not filled in, so this material is not needed; its {count} file will not be bound.',
      other: '"{field}" is not filled in, so this material is not needed; its {count} files will not be bound.',
    },
    'ui.checklist.notBound': 'Not bound',
    'bind.notBound': '"{title}" not bound: {reason}',
  },
});
