/** The Home screen's search over the built-in packs: formal names, short names and everyday names. */
import { beforeAll, describe, expect, it } from 'vitest';
import { builtInRulesDir, listRulePacks } from '../../src/core/rules/loader';
import { rulePackMatch, searchRulePacks } from '../../src/core/model/rules/search';
import type { RulePackSummary } from '../../src/core/model/schemas/rules';

let packs: RulePackSummary[];
/** The packs called that (listed first), and all that were found. */
const named = (query: string) => packs.filter((p) => rulePackMatch(p, query) === 2).map((p) => p.id);
const found = (query: string) => searchRulePacks(packs, query).map((p) => p.id);

beforeAll(async () => {
  packs = (await listRulePacks({ builtIn: builtInRulesDir() })).summaries;
});

describe('rulePackMatches', () => {
  it('an empty or blank query shows every pack', () => {
    expect(found('')).toHaveLength(packs.length);
    expect(found('  ')).toEqual(packs.map((p) => p.id));
  });

  it.each([
    ['网站备案', ['icp-filing-enterprise', 'icp-filing-individual']],
    ['网站 备案', ['icp-filing-enterprise', 'icp-filing-individual']],
    ['APP备案', ['app-filing']],
    ['小程序备案', ['app-filing']],
    ['公安备案', ['psb-filing']],
    ['公网安备', ['psb-filing']],
    ['IDC', ['idc-licence-b11']],
    ['数据出境', ['data-export-standard-contract']],
    ['ICP 备案', ['icp-filing-enterprise', 'icp-filing-individual']],
    ['ｉｃｐ备案（单位）', ['icp-filing-enterprise']],
    ['ICP证', ['icp-licence-b25']],
    ['等级保护', ['mlps-filing-level2', 'mlps-filing-level3']],
    ['等保', ['mlps-filing-level2', 'mlps-filing-level3']],
    ['文网文', ['net-culture-licence']],
    ['网文', ['net-culture-licence']],
    ['大模型', ['genai-model-filing']],
    ['ai备案', ['genai-model-filing']],
    ['算法备案', ['algorithm-filing']],
    ['职业中介', ['hr-service-licence']],
    ['b21', ['edi-licence-b21']],
  ])('%j finds %j first', (query, ids) => {
    expect(named(query).sort()).toEqual([...ids].sort());
    expect(found(query).slice(0, ids.length).sort()).toEqual([...ids].sort());
  });

  it('packs that only mention the name come after those called that', () => {
    // The drug-information certificate's description mentions ICP 备案 (it is a pre-approval for it).
    // So does the 公安联网备案's (it is made after the ICP 备案).
    expect(found('网站备案')).toEqual([
      'icp-filing-enterprise',
      'icp-filing-individual',
      'psb-filing',
      'drug-info-service-certificate',
    ]);
  });

  it('a name no pack goes by finds nothing', () => {
    expect(found('食品经营许可证')).toEqual([]);
  });
});
