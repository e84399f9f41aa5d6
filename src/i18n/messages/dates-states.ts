/** Dates typed and shown as YYYY-MM-DD, and the three states (完成 / 待处理 / 有问题) with their legend. */
import { defineMessages } from '../catalog/define';

export const datesStatesMessages = defineMessages({
  'zh-CN': {
    'ui.date.placeholder': '年-月-日，如 2026-01-05',
    'ui.date.calendar': '从日历选择日期',
    'ui.date.invalid': '“{text}”不是有效的日期。请按 2026-01-05 的格式填写（也可写 2026/1/5 或 2026年1月5日）。',
    'ui.date.longTerm': '长期有效',
    'ui.state.done': '完成',
    'ui.state.todo': '待处理',
    'ui.state.problem': '有问题',
    'ui.state.legend': '状态说明',
    'ui.state.done.means': '已备齐，无需再做',
    'ui.state.todo.means': '还要添加、填写或确认',
    'ui.state.problem.means': '有错误，需要改正',
    'ui.state.summary': '总体：',
  },
  en: {
    'ui.date.placeholder': 'year-month-day, e.g. 2026-01-05',
    'ui.date.calendar': 'Pick the date from a calendar',
    'ui.date.invalid': '“{text}” is not a valid date. Write it as 2026-01-05 (2026/1/5 or 2026年1月5日 work too).',
    'ui.date.longTerm': 'Never expires (长期)',
    'ui.state.done': 'Done',
    'ui.state.todo': 'To do',
    'ui.state.problem': 'Problem',
    'ui.state.legend': 'What the states mean',
    'ui.state.done.means': 'ready, nothing left to do',
    'ui.state.todo.means': 'something to add, fill in or confirm',
    'ui.state.problem.means': 'something wrong to correct',
    'ui.state.summary': 'Overall:',
  },
});
