/** The bind screen's word on a packet bound before the project changed, and the 补正清单's summary of notes. */

export const uiFixesMessages = {
  'zh-CN': {
    'ui.bind.lastPacketStale': '上次装订（材料已修改）',
    'ui.bind.stale': '材料已修改，请重新装订。下面是修改前装订的文件。',
    'correction.notesOnly': '材料已齐全；以下 {count} 项为提示，供参考。',
    'correction.alsoNotes': '另有 {count} 项提示，供参考。',
  },
  en: {
    'ui.bind.lastPacketStale': 'Last packet (materials changed since)',
    'ui.bind.stale': 'The materials have changed since this packet was bound: bind again. Below is the earlier file.',
    'correction.notesOnly': 'The materials are complete; notes below for reference: {count}.',
    'correction.alsoNotes': ' Notes for reference: {count}.',
  },
};
