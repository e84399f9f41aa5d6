/**
 * Finding a rule pack from what people call it. Packs name themselves formally (非经营性互联网信息服务
 * 备案), people search for the everyday name (网站备案), so a short list of everyday names says which
 * words of the packs' own texts they mean. Browser-safe: the Home screen's search box runs it.
 */
import type { RulePackSummary } from '../schemas/rules';

/** Everyday name → words that the packs meaning it use in their titles or descriptions. */
const EVERYDAY_NAMES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['网站备案', ['icp备案']],
  ['域名备案', ['icp备案']],
  ['工信部备案', ['icp备案']],
  ['小程序备案', ['app备案']],
  ['快应用备案', ['app备案']],
  ['公安备案', ['公安联网备案']],
  ['网安备案', ['公安联网备案']],
  ['公网安备', ['公安联网备案']],
  ['idc', ['idc许可证']],
  ['cdn', ['cdn许可证']],
  ['isp', ['isp许可证']],
  ['数据出境', ['标准合同备案']],
  ['非经营性备案', ['icp备案']],
  ['icp证', ['icp经营许可证']],
  ['icp许可', ['icp经营许可证']],
  ['电信许可', ['增值电信业务经营许可证']],
  ['edi证', ['edi许可证']],
  ['等级保护', ['等保']],
  ['网文', ['网络文化经营许可证']],
  ['新闻许可', ['新闻信息服务许可']],
  ['药品信息', ['互联网药品信息服务']],
  ['医疗器械信息', ['互联网药品信息服务']],
  ['职业中介', ['人力资源服务许可证']],
  ['网络招聘', ['人力资源服务许可证']],
  ['ai备案', ['大模型备案']],
  ['生成式ai', ['大模型备案']],
  ['深度合成', ['算法备案']],
];

/** Lower case, full-width folded, without spaces and punctuation: `ICP 备案·单位` → `icp备案单位`. */
function plain(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The words a query stands for: itself, and what any everyday name in it (or that it begins) means. */
function wanted(query: string): string[] {
  const words = [query];
  for (const [name, means] of EVERYDAY_NAMES) {
    if (query.includes(name) || (query.length >= 2 && name.startsWith(query))) words.push(...means);
  }
  return words;
}

type Searchable = Pick<RulePackSummary, 'id' | 'title' | 'shortTitle' | 'description' | 'authority' | 'en'>;

/** 2: the pack is called that (title, short title, id); 1: its description or authority mentions it; 0: neither. */
export function rulePackMatch(pack: Searchable, query: string): 0 | 1 | 2 {
  const needle = plain(query);
  if (needle === '') return 2;
  const words = wanted(needle);
  const has = (...texts: (string | undefined)[]) => {
    const text = plain(texts.join(' '));
    return words.some((word) => text.includes(word));
  };
  // The pack's English too, whatever the UI's language: "ICP filing" finds ICP备案 in either.
  const en = pack.en ?? {};
  if (has(pack.title, pack.shortTitle, pack.id, en.title, en.shortTitle)) return 2;
  return has(pack.description, pack.authority, en.description, en.authority) ? 1 : 0;
}

/** The packs the search box finds: those called that first, then those that only mention it, each in list order. */
export function searchRulePacks<P extends Searchable>(packs: readonly P[], query: string): P[] {
  const scored = packs.map((pack) => ({ pack, score: rulePackMatch(pack, query) }));
  return [2, 1].flatMap((score) => scored.filter((s) => s.score === score).map((s) => s.pack));
}
