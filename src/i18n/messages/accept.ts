/**
 * Accepting a warning as it is (已查看，仍使用): the material step's button and its undo, the
 * checklist's and bind screen's count of accepted warnings, `matprep accept` and how `matprep check`
 * lists them, and the errors when the warning named is not there or is not a warning.
 */
import { defineMessages } from '../catalog/define';

export const acceptMessages = defineMessages({
  'zh-CN': {
    'accept.notAWarning': '材料“{material}”的“{code}”是需要改正或补做的事项，不是提醒，不能“仍使用”。请按提示处理。',
    'accept.noSuchWarning': '材料“{material}”现在没有提醒“{code}”。可以确认的提醒：{open}。',
    'accept.notAccepted': '材料“{material}”没有已确认的提醒“{code}”，无需撤销。',
    'ui.accept.button': '已查看，仍使用',
    'ui.accept.done': '已确认：{message}',
    'ui.accept.undo': '撤销',
    'ui.accept.undoFor': '撤销确认：{message}',
    'ui.accept.count': '已确认 {count} 项提醒',
    'accept.cli.usage': '用法：matprep accept <文件夹> <材料ID> <提醒代码> [--file <文件名>] [--undo]',
    'accept.cli.accepted': '已确认“{material}”的提醒 {code}：已查看，仍使用。',
    'accept.cli.undone': '已撤销“{material}”的提醒 {code} 的确认，提醒重新显示。',
    'accept.cli.line': '已确认（仍使用）：{message}',
  },
  en: {
    'accept.notAWarning':
      '"{code}" on material "{material}" is a problem to fix or a step still to do, not a warning, so it cannot be used anyway. Do what the hint says.',
    'accept.noSuchWarning': 'Material "{material}" has no warning "{code}" now. Warnings you can accept: {open}.',
    'accept.notAccepted': 'Material "{material}" has no accepted warning "{code}"; there is nothing to undo.',
    'ui.accept.button': 'Checked — use it anyway',
    'ui.accept.done': 'Accepted: {message}',
    'ui.accept.undo': 'Undo',
    'ui.accept.undoFor': 'Undo accepting: {message}',
    'ui.accept.count': { one: '{count} warning accepted', other: '{count} warnings accepted' },
    'accept.cli.usage': 'Usage: matprep accept <dir> <materialId> <warning code> [--file <file name>] [--undo]',
    'accept.cli.accepted': 'Accepted warning {code} on "{material}": checked, used anyway.',
    'accept.cli.undone': 'Took back accepting warning {code} on "{material}"; the warning shows again.',
    'accept.cli.line': 'Accepted (used anyway): {message}',
  },
});
