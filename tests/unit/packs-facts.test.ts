/**
 * The facts the built-in rule packs encode, each pinned with the article of the regulation or the
 * official filing guide it comes from (the texts each pack lists in `sources`; docs/rules/ says the
 * same in prose), so an edit that drifts from them fails here with the pack and item named.
 */
import { describe, expect, it } from 'vitest';
import { builtInRulesDir, listRulePacks } from '../../src/core/rules/loader';
import type { MaterialRule, RulePack } from '../../src/core/model/schemas/rules';
import { conditionFields, parseCondition } from '../../src/core/model/rules/conditions';
import { parseSource } from '../../src/core/model/rules/sources';
import { PROVINCES } from '../../src/core/model/fields/provinces';

/** Effective dates of the packs added for issue 10 (filled in below as each is added). */
const NEW_PACK_EFFECTIVE: Record<string, string> = {
  'app-filing': '2023-08-04', // 工信部信管〔2023〕105号
  'psb-filing': '2011-01-08', // 公安部令第33号 (2011 revision)
  'idc-licence-b11': '2017-09-01', // 工信部令第42号
  'cdn-licence-b12': '2017-09-01',
  'isp-licence-b14': '2017-09-01',
  'broadcast-programme-licence': '2020-12-01',
  'publication-distribution-licence': '2016-06-01', // 总局、商务部令第10号
  'data-export-standard-contract': '2024-03-22', // 网信办令第16号
};
/** New packs that are filings (no licence validity). */
const NEW_FILINGS = ['app-filing', 'psb-filing', 'data-export-standard-contract', 'publication-distribution-licence'];

async function builtInPacks(): Promise<Map<string, RulePack>> {
  const { packs } = await listRulePacks({ builtIn: builtInRulesDir() });
  return new Map(packs.map((p) => [p.id, p]));
}

/** How a pack says a fact is not confirmed in the official text (the authors' 🔶, in words people read). */
const UNCONFIRMED = /未[^，。；]*(确认|核对)/;

function material(pack: RulePack, id: string): MaterialRule {
  const found = pack.materials.find((m) => m.id === id);
  if (!found) throw new Error(`${pack.id} has no material ${id}`);
  return found;
}

describe('every built-in pack', () => {
  it('has the effective date of the rule it is built on', async () => {
    const packs = await builtInPacks();
    const effective = Object.fromEntries([...packs.values()].map((p) => [p.id, p.effective]));
    expect(effective).toEqual({
      // The newest rule folded into the ICP filing list: Guangdong's 承诺书 from 2021-06-21.
      'icp-filing-enterprise': '2021-06-21',
      'icp-filing-individual': '2021-06-21',
      'icp-licence-b25': '2017-09-01', // 工信部令第42号
      'edi-licence-b21': '2017-09-01',
      'mlps-filing-level2': '2007-06-22', // 公通字〔2007〕43号
      'mlps-filing-level3': '2007-06-22',
      'news-info-service-licence': '2017-06-01', // 国家网信办令第1号
      'net-culture-licence': '2017-12-15', // 文化部令第57号 (the 2017 revision), not the 2011 text
      'algorithm-filing': '2022-03-01',
      'genai-model-filing': '2023-08-15',
      'drug-info-service-certificate': '2017-11-17', // 总局令第37号 修正
      'hr-service-licence': '2023-08-01', // 人社部令第50号
      ...NEW_PACK_EFFECTIVE,
    });
  });

  it('says when it was last checked against its sources', async () => {
    for (const pack of (await builtInPacks()).values()) {
      expect(pack.reviewed, pack.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(pack.reviewed! >= pack.effective, pack.id).toBe(true);
    }
  });

  it('cites regulations or official filing guides, never internal notes, seeds or vendor pages', async () => {
    const internal =
      /LICENCES\.md|PORTALS\.md|Seed \d|shared\/domain|华为云|腾讯云|阿里云|github\.com|bdocx|第三方|资料汇编|弃用/;
    for (const pack of (await builtInPacks()).values()) {
      for (const source of pack.sources) expect(source, pack.id).not.toMatch(internal);
      // Each source names a regulation (《…》 with its 文号 or a standard number) or an official guide or system.
      for (const source of pack.sources) {
        expect(source, pack.id).toMatch(/《[^》]+》|GB(?:\/T)? \d|系统|平台|指南|须知|说明|要求/);
      }
      for (const m of pack.materials) expect(m.source, `${pack.id}/${m.id}`).not.toMatch(internal);
    }
  });

  it('cites, for each material, only sources the pack lists', async () => {
    for (const pack of (await builtInPacks()).values()) {
      // "L1: 《…》" → "L1"; "公通字[2007]43号: …" → "公通字[2007]43号".
      const declared = pack.sources.map((s) => s.slice(0, s.indexOf(':')).trim());
      for (const m of pack.materials) {
        expect(m.source, `${pack.id}/${m.id} names no source`).toBeTruthy();
        for (const cited of m.source!.split(/[,，]/).map((s) => s.trim())) {
          expect(
            declared.some((d) => cited === d || cited.startsWith(`${d} `)),
            `${pack.id}/${m.id} cites "${cited}", not among ${declared.join(' | ')}`,
          ).toBe(true);
        }
      }
    }
  });

  it('gives every source a readable title, with a repository path only as its link', async () => {
    for (const pack of (await builtInPacks()).values()) {
      for (const source of pack.sources) {
        const { title } = parseSource(source);
        expect(title, `${pack.id}: ${source}`).not.toMatch(/^https?:/);
        expect(title, `${pack.id}: ${source}`).not.toMatch(/\S+\/\S+\/\S+\.(md|ya?ml)\b/);
      }
    }
  });

  it('says what a clerk can read in help, notes and messages, not the sources’ shorthands (依据 lists those)', async () => {
    for (const pack of (await builtInPacks()).values()) {
      const keys = pack.sources.flatMap((s) => parseSource(s).key ?? []);
      const texts: [string, string | undefined][] = [
        ['description', pack.description],
        ['validity', pack.validity?.note],
        ...[...pack.fields, ...pack.materials].flatMap((item): [string, string | undefined][] => [
          [`${item.id}.help`, item.help],
          [`${item.id}.note`, item.note],
          ...('checks' in item ? (item.checks ?? []) : []).map((c): [string, string] => [
            `${item.id}.check`,
            c.message,
          ]),
        ]),
      ];
      for (const [where, text] of texts) {
        if (!text) continue;
        for (const key of keys) {
          const bare = new RegExp(`(?<![\\w.])${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`);
          expect(text, `${pack.id} ${where} names ${key}`).not.toMatch(bare);
        }
        expect(text, `${pack.id} ${where}`).not.toMatch(/\b(?:[HLTG]\d|Seed \d+|LICENCES\.md|PORTALS\.md)\b/);
      }
    }
  });

  it('has each licence’s validity and renewal window, and none for filings', async () => {
    const packs = await builtInPacks();
    const validity = (id: string) => packs.get(id)!.validity;
    expect(validity('icp-licence-b25')).toMatchObject({ years: 5, renewBeforeDays: 90 });
    expect(validity('edi-licence-b21')).toMatchObject({ years: 5, renewBeforeDays: 90 });
    // 届满前 90 日 is stated in 工信部令第42号 (it was wrongly marked unconfirmed).
    for (const id of ['icp-licence-b25', 'edi-licence-b21']) {
      expect(validity(id)!.note, id).not.toMatch(UNCONFIRMED);
      expect(validity(id)!.note, id).toContain('《电信业务经营许可管理办法》');
    }
    expect(validity('net-culture-licence')).toMatchObject({ years: 3, renewBeforeDays: 30 });
    expect(validity('news-info-service-licence')).toMatchObject({ years: 3, renewBeforeDays: 30 });
    expect(validity('drug-info-service-certificate')).toMatchObject({ years: 5, renewBeforeDays: 180 });
    expect(validity('mlps-filing-level3')).toMatchObject({ years: 1 });
    for (const id of [
      'icp-filing-enterprise',
      'icp-filing-individual',
      'mlps-filing-level2',
      'algorithm-filing',
      'genai-model-filing',
      'hr-service-licence',
      ...NEW_FILINGS,
    ])
      expect(validity(id), id).toBeUndefined();
  });
});

describe('what the packs ask and say, against the controls the app shows', () => {
  it('a question that decides other items is a required 是/否 answer, never an optional checkbox', async () => {
    for (const pack of (await builtInPacks()).values()) {
      const ids = pack.fields.map((f) => f.id);
      const deciding = new Set(
        [...pack.fields, ...pack.materials].flatMap((item) =>
          item.when ? conditionFields(parseCondition(item.when, ids)) : [],
        ),
      );
      for (const id of deciding) {
        const field = pack.fields.find((f) => f.id === id)!;
        expect(field.type, `${pack.id}: ${id}`).not.toBe('boolean');
        if (field.type === 'select' && field.options?.includes('否')) {
          expect(field, `${pack.id}: ${id}`).toMatchObject({ required: true, options: ['是', '否'] });
        }
      }
    }
  });

  it('puts the 网站负责人 question before the people it decides about, and asks for them only on 否', async () => {
    const pack = (await builtInPacks()).get('icp-filing-enterprise')!;
    const ids = pack.fields.map((f) => f.id);
    expect(ids.indexOf('webmaster_is_legal_rep')).toBeLessThan(ids.indexOf('legal_rep_name'));
    const decided = [...pack.fields, ...pack.materials].filter((item) => item.when?.includes('webmaster_is_legal_rep'));
    expect(decided.map((item) => [item.id, item.when])).toEqual([
      ['webmaster_name', 'webmaster_is_legal_rep = 否'],
      ['webmaster_id', 'webmaster_is_legal_rep = 否'],
      ['webmaster_mobile', 'webmaster_is_legal_rep = 否'],
      ['webmaster_email', 'webmaster_is_legal_rep = 否'],
      ['webmaster-id-card', 'webmaster_is_legal_rep = 否'],
      ['authorization-letter', 'webmaster_is_legal_rep = 否'],
    ]);
  });

  it('tells the user to tick 长期有效 (the app shows a date box and that checkbox), not to type 长期', async () => {
    for (const pack of (await builtInPacks()).values()) {
      for (const item of [...pack.fields, ...pack.materials]) {
        expect(item.help ?? '', `${pack.id}: ${item.id}`).not.toMatch(/填“长期”/);
        if (/长期/.test(item.help ?? '') && 'expires' in item && item.expires) {
          expect(item.help, `${pack.id}: ${item.id}`).toContain('勾选“长期有效”');
        }
      }
    }
  });

  it('offers the same provinces wherever a pack asks for one (the profile form offers these too)', async () => {
    for (const pack of (await builtInPacks()).values()) {
      const province = pack.fields.find((f) => f.id === 'province');
      if (province) expect(province.options, pack.id).toEqual([...PROVINCES]);
    }
  });

  it('never shows the 🔶 marker (a missing glyph in the app font); the text says 未…确认 instead', async () => {
    for (const pack of (await builtInPacks()).values()) {
      expect(JSON.stringify(pack), pack.id).not.toContain('🔶');
    }
  });

  it('says on each 承诺书 step of the ICP filings what belongs there and what does not', async () => {
    const packs = await builtInPacks();
    for (const [packId, ids] of [
      ['icp-filing-enterprise', ['verification-form', 'guangdong-commitment', 'no-pre-approval-commitment']],
      ['icp-filing-individual', ['verification-form', 'guangdong-commitment']],
    ] as const) {
      for (const id of ids) {
        const help = material(packs.get(packId)!, id).help ?? '';
        expect(help, `${packId}: ${id}`).toMatch(/^这里(只)?放/);
        expect(help, `${packId}: ${id}`).toContain('不放这里');
      }
    }
  });
});

describe('ICP备案', () => {
  it('cites 信息产业部令第33号 (备案管理办法) and 国务院令第292号 for the filing and its 前置审批', async () => {
    const packs = await builtInPacks();
    for (const id of ['icp-filing-enterprise', 'icp-filing-individual']) {
      const pack = packs.get(id)!;
      expect(
        pack.sources.some((s) => s.includes('《非经营性互联网信息服务备案管理办法》（信息产业部令第33号')),
        id,
      ).toBe(true);
      // 20 working days once the materials are complete (令33 第九条).
      expect(pack.description, id).toContain('20 个工作日');
      expect(pack.description, id).toContain('第九条');
    }
    const pre = material(packs.get('icp-filing-enterprise')!, 'pre-approval');
    expect(pre.source).toMatch(/国务院令第292号 第5条/);
    expect(pre.source).toMatch(/信息产业部令第33号 第8条/);
  });

  it('offers today’s 前置审批 list: no 电子公告, 宗教 added, 教育 / 医疗保健 only where the province still asks', async () => {
    const pack = (await builtInPacks()).get('icp-filing-enterprise')!;
    const special = pack.fields.find((f) => f.id === 'special_content')!;
    expect(special.options).not.toContain('电子公告服务');
    expect(special.options).toContain('宗教'); // 《互联网宗教信息服务管理办法》(2022)
    expect(special.options).toContain('教育（本省仍要求时）');
    expect(special.options).toContain('医疗保健（本省仍要求时）');
    expect(special.note).toMatch(UNCONFIRMED); // per-province status not checked province by province
    expect(pack.sources.some((s) => s.includes('《互联网宗教信息服务管理办法》'))).toBe(true);
    expect(material(pack, 'pre-approval').source).toContain('宗教局令第17号');
  });

  it('models 电子化核验 (online 核验单 + 承诺书, every province) next to the signed paper 核验单', async () => {
    const pack = (await builtInPacks()).get('icp-filing-enterprise')!;
    const method = pack.fields.find((f) => f.id === 'verification_method')!;
    expect(method.options).toEqual(['电子化核验', '纸质核验单']);
    expect(method.help).toContain('各省通用');
    const form = material(pack, 'verification-form');
    expect(form.when).toBe('verification_method != 电子化核验');
    // Signed by the website owner, who need not be the legal representative.
    expect(form.confirm).toEqual(['网站负责人亲笔签名', '加盖公章']);
    expect(form.help).toContain('新疆、江西');
    expect(form.help).toContain('手印');
    expect(material(pack, 'e-verification-record')).toMatchObject({
      when: 'verification_method = 电子化核验',
      required: false,
    });
    // The 广东承诺书 is the one the legal representative signs by hand; elsewhere the 承诺书 is signed online.
    const guangdong = material(pack, 'guangdong-commitment');
    expect(guangdong.confirm).toEqual(['法人亲笔签名']);
    expect(guangdong.help).toContain('各省都在线签署承诺书');
  });

  it('asks for a domain under a MIIT-approved TLD that is itself still valid (工信部信管〔2017〕264号)', async () => {
    const packs = await builtInPacks();
    for (const id of ['icp-filing-enterprise', 'icp-filing-individual']) {
      const pack = packs.get(id)!;
      const domains = pack.fields.find((f) => f.id === 'domains')!;
      expect(domains.help, id).toMatch(/顶级域须(是|经)工信部批准/);
      expect(domains.help, id).toContain('有效期内');
      expect(material(pack, 'domain-certificate').help, id).toContain('有效期内');
      expect(material(pack, 'domain-certificate').source, id).toContain('信管〔2017〕264号');
    }
  });

  it('asks individuals with an ID from another province for the local 居住证, where the province asks', async () => {
    const pack = (await builtInPacks()).get('icp-filing-individual')!;
    expect(pack.fields.find((f) => f.id === 'id_from_other_province')).toMatchObject({
      required: true,
      options: ['是', '否'],
    });
    expect(material(pack, 'residence-permit')).toMatchObject({
      when: 'id_from_other_province = 是',
      severity: 'warning',
    });
    expect(material(pack, 'residence-permit').note).toMatch(UNCONFIRMED);
  });

  it('keeps every upload in JPG/PNG within the strictest portal cap (Tencent: < 2 MB each)', async () => {
    const packs = await builtInPacks();
    for (const id of ['icp-filing-enterprise', 'icp-filing-individual']) {
      for (const m of packs.get(id)!.materials) {
        expect(m.accept, `${id}/${m.id}`).toEqual(expect.arrayContaining(['jpg', 'png']));
        if (m.maxFileSizeKB !== undefined) expect(m.maxFileSizeKB, `${id}/${m.id}`).toBeLessThanOrEqual(2048);
      }
    }
  });

  it('asks for more than 3 months of validity on licences and ID cards', async () => {
    const packs = await builtInPacks();
    const enterprise = packs.get('icp-filing-enterprise')!;
    for (const id of ['business-licence', 'legal-rep-id-card', 'webmaster-id-card'])
      expect(material(enterprise, id).expires, id).toEqual({ minDaysLeft: 90 });
    expect(material(packs.get('icp-filing-individual')!, 'id-card').expires).toEqual({ minDaysLeft: 90 });
  });

  it('offers the 网站建设方案书 to individuals in 江苏、上海、湖南 too, as an optional item', async () => {
    const pack = (await builtInPacks()).get('icp-filing-individual')!;
    expect(pack.materials.map((m) => m.id)).toEqual([
      'id-card',
      'domain-certificate',
      'verification-form',
      'guangdong-commitment',
      'residence-permit',
      'site-plan',
      'face-verification',
    ]);
    expect(material(pack, 'site-plan')).toMatchObject({
      required: false,
      severity: 'warning',
      when: 'province in [江苏, 上海, 湖南]',
      source: 'ICP备案系统',
    });
    expect(material(pack, 'site-plan').note).toBeTruthy();
  });

  it('says the face check itself is required even though uploading a photo is optional', async () => {
    const packs = await builtInPacks();
    for (const id of ['icp-filing-enterprise', 'icp-filing-individual']) {
      const face = material(packs.get(id)!, 'face-verification');
      expect(face).toMatchObject({ required: false, severity: 'warning' });
      expect(face.help, id).toContain('本身必需');
    }
  });
});

describe('等保备案', () => {
  it('puts the 30-day filing and 10-working-day certificate on 公通字〔2007〕43号 第十五、十七条', async () => {
    const packs = await builtInPacks();
    for (const id of ['mlps-filing-level2', 'mlps-filing-level3']) {
      const pack = packs.get(id)!;
      expect(pack.description, id).not.toMatch(UNCONFIRMED);
      expect(pack.description, id).toMatch(/第十五、十七条|第十五至十七条/);
      const grading = pack.fields.find((f) => f.id === 'grading_date')!;
      expect(grading.help, id).toContain('第十五条');
      expect(grading.help, id).toContain('第十七条');
      expect(grading.help, id).not.toMatch(UNCONFIRMED);
      // 网络安全法 第二十一条: the duty the filing serves.
      expect(pack.description, id).toContain('《网络安全法》第二十一条');
    }
    const form4 = material(packs.get('mlps-filing-level3')!, 'form-4-attachments');
    expect(form4.help).not.toMatch(UNCONFIRMED);
    expect(form4.source).toContain('公通字[2007]43号 第15条');
  });

  it('asks for the 专家评审意见 and the 主管部门 opinion from level 2 up (GB/T 22240-2020)', async () => {
    const packs = await builtInPacks();
    const level2 = packs.get('mlps-filing-level2')!;
    expect(material(level2, 'expert-review')).toMatchObject({
      severity: 'error',
      required: true,
      source: '等保定级指南',
    });
    expect(
      level2.sources.some((s) =>
        s.startsWith('等保定级指南: 《信息安全技术 网络安全等级保护定级指南》（GB/T 22240-2020）'),
      ),
    ).toBe(true);
    expect(material(level2, 'supervisor-opinion').when).toBe('has_supervisor = 是');
    const level3 = packs.get('mlps-filing-level3')!;
    expect(material(level3, 'att-06-expert-review').source).toContain('等保定级指南');
    expect(material(level3, 'att-07-supervisor').source).toContain('等保定级指南');
  });

  it('does not hold up the first filing of a new system for its 测评报告 (filed within 30 days of going live)', async () => {
    const pack = (await builtInPacks()).get('mlps-filing-level3')!;
    expect(material(pack, 'att-05-assessment').when).toBe('new_system = 否');
    expect(pack.fields.find((f) => f.id === 'new_system')).toMatchObject({ required: true, options: ['是', '否'] });
    expect(material(pack, 'att-05-assessment').source).toContain('公通字[2007]43号 第14条');
  });

  it('keeps the local 安全事件发生情况 as an optional item at both levels, sourced to the local 受理须知', async () => {
    const packs = await builtInPacks();
    for (const id of ['mlps-filing-level2', 'mlps-filing-level3']) {
      const pack = packs.get(id)!;
      expect(material(pack, 'security-incidents'), id).toMatchObject({
        required: false,
        severity: 'warning',
        source: '地方受理须知',
      });
      expect(material(pack, 'security-incidents').note, id).toMatch(UNCONFIRMED);
    }
  });
});

describe('互联网新闻信息服务许可证', () => {
  it('binds the materials in the order of 第10条 (一)–(六), after the application form', async () => {
    const pack = (await builtInPacks()).get('news-info-service-licence')!;
    expect(pack.materials.map((m) => m.id)).toEqual([
      'application',
      'citizenship-proof', // (一)
      'staff-qualifications', // (二)
      'management-rules', // (三)
      'security-measures', // (四)
      'security-assessment', // (五)
      'legal-person-proof', // (六) 法人资格、场所、资金和股权结构等证明
      'premises-proof',
      'funding-proof',
      'ownership-structure',
      'shareholder-proof', // 实施细则: 股东证明
      'no-foreign-investment-commitment', // 第七、八条 → 无外资承诺
      'security-update-log', // optional evidence for 第10条（四）
    ]);
    // Export names follow the binding order.
    expect(pack.materials.map((m) => m.exportName!.slice(0, 2))).toEqual(
      pack.materials.map((_, i) => String(i + 1).padStart(2, '0')),
    );
  });
});

describe('互联网新闻信息服务许可证: who may apply (令1号 第6–9条)', () => {
  it('refuses 采编发布 for units that are not 新闻单位 or run by 新闻宣传部门 (第六条)', async () => {
    const pack = (await builtInPacks()).get('news-info-service-licence')!;
    const check = pack.fields.find((f) => f.id === 'service_types')!.checks![0];
    expect(check.when).toBe('service_types contains 采编发布服务');
    expect(check.require).toContain('applicant_type in');
    expect(check.severity ?? 'error').toBe('error');
    expect(check.message).toContain('第六条');
  });

  it('refuses foreign investment (第七条) and non-public capital in 采编 (第八条)', async () => {
    const pack = (await builtInPacks()).get('news-info-service-licence')!;
    const rule = (id: string) => pack.fields.find((f) => f.id === id)!.checks![0];
    expect(rule('foreign_investment')).toMatchObject({ require: 'foreign_investment = 否' });
    expect(rule('foreign_investment').message).toContain('第七条');
    expect(rule('non_public_capital_in_editing')).toMatchObject({ require: 'non_public_capital_in_editing = 否' });
    expect(rule('non_public_capital_in_editing').message).toContain('第八条');
  });

  it('picks the authority by applicant (第九条)', async () => {
    const pack = (await builtInPacks()).get('news-info-service-licence')!;
    const route = pack.fields.find((f) => f.id === 'authority_route')!;
    expect(route.checks!.map((c) => c.message)).toEqual([
      expect.stringContaining('第九条'),
      expect.stringContaining('第九条'),
      expect.stringContaining('第九条'),
    ]);
    expect(pack.authority).toContain('其他单位：省级网信办受理初审、国家网信办决定');
  });
});

describe('网络文化经营许可证', () => {
  it('cites the 2017 revision (文化部令第57号) and no longer offers 网络游戏 (文旅市发〔2019〕81号)', async () => {
    const pack = (await builtInPacks()).get('net-culture-licence')!;
    expect(pack.sources[0]).toContain('文化部令第57号');
    expect(
      pack.sources.some((s) => s.startsWith('81号文: 《文化和旅游部办公厅关于调整〈网络文化经营许可证〉审批范围')),
    ).toBe(true);
    expect(pack.fields.find((f) => f.id === 'business_scope')!.options).not.toContain('网络游戏');
    expect(pack.fields.find((f) => f.id === 'business_scope')!.help).toContain('文旅市发〔2019〕81号');
    // The capital thresholds of the old practice are not in the 2017 text: no check any more.
    expect(pack.fields.find((f) => f.id === 'registered_capital')!.checks).toBeUndefined();
  });

  it('refuses foreign-invested applicants (负面清单: 互联网文化经营 is closed to foreign investment)', async () => {
    const pack = (await builtInPacks()).get('net-culture-licence')!;
    const check = pack.fields.find((f) => f.id === 'foreign_invested')!.checks![0];
    expect(check.require).toBe('foreign_invested = 否');
    expect(check.message).toContain('负面清单');
  });

  it('marks the old 8-person staffing threshold as unconfirmed in the 2017 text, and puts it on 第八条', async () => {
    const pack = (await builtInPacks()).get('net-culture-licence')!;
    const personnel = material(pack, 'personnel-proof');
    expect(personnel.help).toContain('8 名');
    expect(personnel.help).toMatch(UNCONFIRMED);
    expect(personnel.help).toContain('第八条');
  });
});

describe('增值电信业务经营许可证 (B25 / B21)', () => {
  it('puts the one-year bar on 《行政许可法》第七十八条 and the capital on 令42 第六条', async () => {
    const packs = await builtInPacks();
    for (const id of ['icp-licence-b25', 'edi-licence-b21']) {
      const pack = packs.get(id)!;
      expect(pack.description, id).toContain('《行政许可法》第七十八条');
      expect(
        pack.sources.some((s) => s.startsWith('行政许可法78:')),
        id,
      ).toBe(true);
      const capital = pack.fields.find((f) => f.id === 'registered_capital')!;
      expect(
        capital.checks!.every((c) => c.message.includes('第六条')),
        id,
      ).toBe(true);
      // Every 令42 material cites the article it is listed in.
      for (const m of pack.materials.filter((m) => m.source?.startsWith('令42'))) {
        expect(m.source, `${id}/${m.id}`).toMatch(/令42 第[68]条/);
      }
    }
  });

  it('adds the evidence the 管局 guides ask for, as reminders (not in 令42 第八条)', async () => {
    const packs = await builtInPacks();
    for (const id of ['icp-licence-b25', 'edi-licence-b21']) {
      const pack = packs.get(id)!;
      for (const m of ['staff-social-insurance', 'domain-registration-proof', 'premises-proof']) {
        expect(material(pack, m), `${id}/${m}`).toMatchObject({ severity: 'warning' });
        expect(material(pack, m).source, `${id}/${m}`).toContain('增值电信办事指南');
      }
    }
  });

  it('asks foreign-invested applicants for their investors’ papers and holds B25 to 50 % (外商投资电信企业管理规定)', async () => {
    const packs = await builtInPacks();
    const b25 = packs.get('icp-licence-b25')!;
    expect(b25.fields.find((f) => f.id === 'foreign_invested')).toMatchObject({
      required: true,
      options: ['是', '否'],
    });
    expect(b25.fields.find((f) => f.id === 'foreign_share')!.checks![0]).toMatchObject({
      require: 'foreign_share <= 50',
    });
    expect(b25.fields.find((f) => f.id === 'foreign_share')!.checks![0].severity ?? 'error').toBe('error');
    // B21: 电子商务 is open beyond 50 %, which the form cannot tell: a reminder only.
    const b21 = packs.get('edi-licence-b21')!;
    expect(b21.fields.find((f) => f.id === 'foreign_share')!.checks![0].severity).toBe('warning');
    for (const pack of [b25, b21]) {
      expect(material(pack, 'foreign-investor-docs')).toMatchObject({
        when: 'foreign_invested = 是',
        source: '外资电信规定',
      });
    }
  });
});

describe('互联网药品信息服务资格证书', () => {
  it('has the mandatory 申请表 first, as an error, and the 办法’s list after it', async () => {
    const pack = (await builtInPacks()).get('drug-info-service-certificate')!;
    expect(pack.materials.map((m) => m.id)).toEqual([
      'application',
      'business-licence',
      'domain-certificate',
      'site-sections',
      'history-backup-rules',
      'browsing-method',
      'professional-qualifications',
      'site-owner-id-and-cv',
      'security-measures',
      'information-sources',
    ]);
    expect(material(pack, 'application')).toMatchObject({ severity: 'error', source: '药品信息办法' });
    expect(pack.sources[0]).toContain('总局令第37号修正');
  });

  it('requires at least 2 pharmacy / medical-device professionals as an error', async () => {
    const pack = (await builtInPacks()).get('drug-info-service-certificate')!;
    const count = pack.fields.find((f) => f.id === 'professional_count')!;
    expect(count.checks).toEqual([expect.objectContaining({ require: 'professional_count >= 2' })]);
    expect(count.checks![0].severity ?? 'error').toBe('error');
  });
});

describe('人力资源服务许可证', () => {
  it('requires the 3 full-time staff as an error (人社部令第50号 第六条第（三）项)', async () => {
    const pack = (await builtInPacks()).get('hr-service-licence')!;
    const staff = pack.fields.find((f) => f.id === 'fulltime_staff')!;
    expect(staff.checks).toEqual([expect.objectContaining({ require: 'fulltime_staff >= 3' })]);
    expect(staff.checks![0].severity ?? 'error').toBe('error');
    expect(staff.checks![0].message).toContain('第六条');
    expect(pack.sources.some((s) => s.includes('人力资源社会保障部令第50号'))).toBe(true);
  });

  it('offers 告知承诺制 (第七条): a 告知承诺书 instead of the articles and premises proof', async () => {
    const pack = (await builtInPacks()).get('hr-service-licence')!;
    expect(pack.fields.find((f) => f.id === 'application_route')!.options).toEqual(['一般程序', '告知承诺制']);
    expect(material(pack, 'commitment-letter')).toMatchObject({
      when: 'application_route = 告知承诺制',
      source: '人社部令第50号 第7条',
    });
    expect(material(pack, 'premises-proof').when).toBe('application_route != 告知承诺制');
  });
});

describe('算法备案 / 生成式人工智能备案', () => {
  it('asks for what 第二十四条 names (服务形式, 应用领域, 算法类型, 自评估报告, 拟公示内容) and cites it there', async () => {
    const pack = (await builtInPacks()).get('algorithm-filing')!;
    for (const id of ['service_form', 'application_domain', 'algorithm_type']) {
      expect(
        pack.fields.find((f) => f.id === id),
        id,
      ).toMatchObject({ required: true });
    }
    expect(material(pack, 'self-assessment').source).toBe('算法规定 第24条');
    expect(material(pack, 'disclosure').source).toBe('算法规定 第24条');
    // The rest comes from the filing system's own instructions, not from the 规定.
    for (const id of ['commitment', 'safety-officer-id-card', 'responsibility-report']) {
      expect(material(pack, id).source, id).toBe('算法备案填报说明');
    }
  });

  it('has the 登记 route for apps that only call an already-filed model', async () => {
    const pack = (await builtInPacks()).get('genai-model-filing')!;
    expect(pack.fields.find((f) => f.id === 'route')).toMatchObject({ required: true, options: ['备案', '登记'] });
    expect(pack.fields.find((f) => f.id === 'called_model_filing_no')!.when).toBe('route = 登记');
    expect(material(pack, 'filing-form').when).toBe('route = 备案');
    expect(material(pack, 'registration-form').when).toBe('route = 登记');
    // Both routes carry the security assessment the 办法 第十七条 asks for.
    expect(material(pack, 'att-1-self-assessment').when).toBeUndefined();
    expect(material(pack, 'att-1-self-assessment').source).toContain('生成式AI办法 第17条');
  });
});

describe('APP / 小程序 / 快应用备案 (工信部信管〔2023〕105号)', () => {
  it('cites 105号文 and 反电信网络诈骗法 第二十三条, and explains the -NA / -NX / -NK numbers', async () => {
    const pack = (await builtInPacks()).get('app-filing')!;
    expect(pack.sources.some((s) => s.includes('工信部信管〔2023〕105号'))).toBe(true);
    expect(pack.sources.some((s) => s.includes('《中华人民共和国反电信网络诈骗法》第二十三条'))).toBe(true);
    expect(pack.description).toContain('京ICP备2023000001号-1A');
    expect(pack.description).toMatch(/小程序 X，快应用 K/);
    expect(pack.fields.find((f) => f.id === 'app_kind')!.options).toEqual(['APP', '小程序', '快应用']);
  });

  it('asks for 包名 / 公钥 / 签名 MD5 for an APP and the AppID otherwise, and both people’s IDs', async () => {
    const pack = (await builtInPacks()).get('app-filing')!;
    const when = (id: string) => pack.fields.find((f) => f.id === id)!.when;
    expect([when('package_name'), when('public_key'), when('signature_md5')]).toEqual([
      'app_kind = APP',
      'app_kind = APP',
      'app_kind = APP',
    ]);
    expect(when('mini_program_appid')).toBe('app_kind != APP');
    expect(material(pack, 'principal-id-card').source).toBe('APP备案通知');
    expect(material(pack, 'app-owner-id-card').when).toBe('app_owner_is_principal = 否');
    expect(material(pack, 'face-verification').help).toContain('本身必需');
    expect(material(pack, 'pre-approval').when).toBe('special_content not empty');
    expect(material(pack, 'verification-and-commitment').title).toContain('承诺书');
  });
});

describe('公安联网备案 (公安部令第33号)', () => {
  it('files within 30 days of going live (第十二条), after the ICP filing', async () => {
    const pack = (await builtInPacks()).get('psb-filing')!;
    expect(pack.sources[0]).toContain('《计算机信息网络国际联网安全保护管理办法》（公安部令第33号');
    expect(pack.description).toContain('30 日内');
    expect(pack.description).toContain('第十二条');
    expect(pack.fields.find((f) => f.id === 'go_live_date')!.help).toContain('第十二条');
    expect(pack.fields.find((f) => f.id === 'icp_filing_no')).toMatchObject({ type: 'icp-filing-no', required: true });
    expect(pack.fields.find((f) => f.id === 'server_ips')).toMatchObject({ type: 'ipv4', required: true });
    expect(pack.fields.find((f) => f.id === 'psb_filing_no')!.type).toBe('psb-filing-no');
  });

  it('asks interactive services for a 安全管理制度 and a 安全评估报告, and says they get an on-site check', async () => {
    const pack = (await builtInPacks()).get('psb-filing')!;
    expect(material(pack, 'security-rules')).toMatchObject({
      when: 'interactive = 是',
      source: '公安部令第33号 第10条',
    });
    expect(material(pack, 'security-assessment')).toMatchObject({
      when: 'interactive = 是',
      source: '舆论属性评估规定',
    });
    expect(pack.description).toContain('现场检查');
  });
});

describe('增值电信 B11 / B12 / B14', () => {
  it('asks for the 令42 list plus resource agreements, topology and the 信息安全管理系统 assessment', async () => {
    const packs = await builtInPacks();
    for (const id of ['idc-licence-b11', 'cdn-licence-b12', 'isp-licence-b14']) {
      const pack = packs.get(id)!;
      const ids = pack.materials.map((m) => m.id);
      for (const m of [
        'application',
        'business-licence',
        'lawful-operation-commitment',
        'resource-agreements',
        'network-topology',
        'isms-assessment',
      ]) {
        expect(ids, `${id}: ${m}`).toContain(m);
      }
      expect(material(pack, 'isms-assessment').severity, id).toBe('error');
      expect(pack.validity, id).toMatchObject({ years: 5, renewBeforeDays: 90 });
    }
  });
});

describe('个人信息出境标准合同备案', () => {
  it('lists the five materials of 网信办令第13号 第七条 and refuses cases that need a security assessment', async () => {
    const pack = (await builtInPacks()).get('data-export-standard-contract')!;
    for (const id of ['uscc-certificate', 'legal-rep-id', 'commitment', 'standard-contract', 'pia-report']) {
      expect(material(pack, id).source, id).toContain('网信办令第13号');
      expect(material(pack, id).severity, id).toBe('error');
    }
    const errorChecks = pack.fields.flatMap((f) => (f.checks ?? []).filter((c) => (c.severity ?? 'error') === 'error'));
    expect(errorChecks.map((c) => c.require)).toEqual([
      'is_ciio = 否',
      'personal_count < 1000000',
      'sensitive_count < 10000',
    ]);
    expect(pack.description).toContain('10 个工作日内');
  });
});
