/**
 * The facts the built-in rule packs encode, pinned against the domain sources
 * (docs/domain/ and the sources each pack cites), so an edit that drifts
 * from them fails here with the pack and item named.
 */
import { describe, expect, it } from 'vitest';
import { builtInRulesDir, listRulePacks } from '../../src/core/rules/loader';
import type { MaterialRule, RulePack } from '../../src/core/model/schemas/rules';
import { conditionFields, parseCondition } from '../../src/core/model/rules/conditions';
import { parseSource } from '../../src/core/model/rules/sources';
import { PROVINCES } from '../../src/core/model/fields/provinces';

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
      // The newest rule folded into the ICP filing list: Guangdong's 承诺书 from 2021-06-21 (H1).
      'icp-filing-enterprise': '2021-06-21',
      'icp-filing-individual': '2021-06-21',
      'icp-licence-b25': '2017-09-01',
      'edi-licence-b21': '2017-09-01',
      'mlps-filing-level2': '2007-06-22',
      'mlps-filing-level3': '2007-06-22',
      'news-info-service-licence': '2017-06-01',
      'net-culture-licence': '2011-04-01',
      'algorithm-filing': '2022-03-01',
      'genai-model-filing': '2023-08-15',
      'drug-info-service-certificate': '2004-07-08',
      'hr-service-licence': '2018-10-01',
    });
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

  it('has the licence validity and renewal window of docs/domain/licences.md, and none for filings', async () => {
    const packs = await builtInPacks();
    const validity = (id: string) => packs.get(id)!.validity;
    expect(validity('icp-licence-b25')).toMatchObject({ years: 5, renewBeforeDays: 90 });
    expect(validity('edi-licence-b21')).toMatchObject({ years: 5, renewBeforeDays: 90 });
    // 届满前 90 日 is unconfirmed (🔶): the note has to say so.
    expect(validity('icp-licence-b25')!.note).toMatch(UNCONFIRMED);
    expect(validity('edi-licence-b21')!.note).toMatch(UNCONFIRMED);
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
  it('has the 真实性核验单 signed by the website owner, who need not be the legal representative (H1, T1)', async () => {
    const pack = (await builtInPacks()).get('icp-filing-enterprise')!;
    const form = material(pack, 'verification-form');
    expect(form.confirm).toEqual(['网站负责人亲笔签名', '加盖公章']);
    expect(form.help).toContain('新疆、江西');
    expect(form.help).toContain('手印');
    expect(pack.sources.some((s) => s.startsWith('T1:') && s.includes('资料上传常见问题.md'))).toBe(true);
    // The 广东承诺书 is the one the legal representative signs.
    expect(material(pack, 'guangdong-commitment').confirm).toEqual(['法人亲笔签名']);
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

  it('asks for more than 3 months of validity on licences and ID cards (H2)', async () => {
    const packs = await builtInPacks();
    const enterprise = packs.get('icp-filing-enterprise')!;
    for (const id of ['business-licence', 'legal-rep-id-card', 'webmaster-id-card'])
      expect(material(enterprise, id).expires, id).toEqual({ minDaysLeft: 90 });
    expect(material(packs.get('icp-filing-individual')!, 'id-card').expires).toEqual({ minDaysLeft: 90 });
  });

  it('offers the 网站建设方案书 to individuals in 江苏、上海、湖南 too, as an optional item (H1)', async () => {
    const pack = (await builtInPacks()).get('icp-filing-individual')!;
    expect(pack.materials.map((m) => m.id)).toEqual([
      'id-card',
      'domain-certificate',
      'verification-form',
      'guangdong-commitment',
      'site-plan',
      'face-verification',
    ]);
    expect(material(pack, 'site-plan')).toMatchObject({
      required: false,
      severity: 'warning',
      when: 'province in [江苏, 上海, 湖南]',
      source: 'H1',
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
  it('says the 30-day deadline for 表四 is unconfirmed (🔶)', async () => {
    const pack = (await builtInPacks()).get('mlps-filing-level3')!;
    expect(pack.description).toMatch(UNCONFIRMED);
    expect(material(pack, 'form-4-attachments').help).toMatch(UNCONFIRMED);
  });

  it('lists Seed 001’s 安全事件发生情况 as an optional item at both levels, with its source', async () => {
    const packs = await builtInPacks();
    for (const id of ['mlps-filing-level2', 'mlps-filing-level3']) {
      const pack = packs.get(id)!;
      expect(material(pack, 'security-incidents'), id).toMatchObject({
        required: false,
        severity: 'warning',
        source: 'Seed 001',
      });
      expect(
        pack.sources.some((s) => s.startsWith('Seed 001:')),
        id,
      ).toBe(true);
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
      'security-update-log', // Seed 000: optional
    ]);
    // Export names follow the binding order.
    expect(pack.materials.map((m) => m.exportName!.slice(0, 2))).toEqual(
      pack.materials.map((_, i) => String(i + 1).padStart(2, '0')),
    );
  });
});

describe('网络文化经营许可证', () => {
  it('marks the 2011 staffing threshold as unconfirmed after the 2017 revision', async () => {
    const pack = (await builtInPacks()).get('net-culture-licence')!;
    const personnel = material(pack, 'personnel-proof');
    expect(personnel.help).toContain('8 名');
    expect(personnel.help).toMatch(UNCONFIRMED);
  });
});

describe('互联网药品信息服务资格证书', () => {
  it('has the application form first, as a warning only (not in the official list, 🔶), and the L3 list after it', async () => {
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
    expect(material(pack, 'application')).toMatchObject({ severity: 'warning', source: 'L3' });
    expect(material(pack, 'application').note).toMatch(UNCONFIRMED);
  });

  it('requires at least 2 pharmacy / medical-device professionals (L3) as an error', async () => {
    const pack = (await builtInPacks()).get('drug-info-service-certificate')!;
    const count = pack.fields.find((f) => f.id === 'professional_count')!;
    expect(count.checks).toEqual([expect.objectContaining({ require: 'professional_count >= 2' })]);
    expect(count.checks![0].severity ?? 'error').toBe('error');
  });
});

describe('人力资源服务许可证', () => {
  it('checks the 3 full-time staff, but only as a warning since the article is unconfirmed (🔶)', async () => {
    const pack = (await builtInPacks()).get('hr-service-licence')!;
    const staff = pack.fields.find((f) => f.id === 'fulltime_staff')!;
    expect(staff.checks).toEqual([expect.objectContaining({ require: 'fulltime_staff >= 3', severity: 'warning' })]);
    expect(staff.note).toMatch(UNCONFIRMED);
  });
});
