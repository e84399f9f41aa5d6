/**
 * The check over realistic projects for packs other than ICP备案·单位: 等保三级, ICP许可证 (B25),
 * 人力资源服务许可证, 药品信息服务资格证书, ICP备案·个人, APP备案, 公安联网备案, 新闻许可 refusals, 数据出境标准合同.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/core/check';
import { cnIdCheckChar } from '../../src/core/model/fields';
import { ProjectDocSchema, type MaterialEntry, type ProjectDoc } from '../../src/core/model/schemas/project';
import { builtInRulesDir, loadRulePackFile } from '../../src/core/rules/loader';
import type { RulePack } from '../../src/core/model/schemas/rules';
import { file } from './check-fixtures';
import { wording } from '../support/wording';

const today = '2026-11-23';
const load = (id: string) => loadRulePackFile(join(builtInRulesDir(), `${id}.yaml`));
const id = '44030519851203123';
const validId = id + cnIdCheckChar(id);

/** Every applicable material present, with its parts, dates and confirmations. */
function fullyPrepared(
  pack: RulePack,
  fields: ProjectDoc['fields'],
  overrides: Record<string, Partial<MaterialEntry>> = {},
): ProjectDoc {
  const materials: Record<string, MaterialEntry> = {};
  for (const m of pack.materials) {
    const parts = m.parts?.map((p) => p.id) ?? [undefined];
    materials[m.id] = {
      files: parts.map((part) => file({ name: `${m.id}.pdf`, mediaType: 'application/pdf', pages: 1, part })),
      confirmations: [...(m.confirm ?? [])],
      issuedOn: m.recency ? '2026-06-30' : undefined,
      validUntil: m.expires ? '长期' : undefined,
      ...overrides[m.id],
    };
  }
  return ProjectDocSchema.parse({
    schemaVersion: 1,
    id: 'p',
    name: 'p',
    rulePack: { id: pack.id, version: pack.version },
    fields,
    materials,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
  });
}

const company = {
  org_name: '深圳市示例网络有限公司',
  uscc: '91310115591693856A',
  legal_rep_name: '王五',
  legal_rep_id: validId,
  contact_name: '赵六',
  contact_mobile: '13712345678',
  contact_email: 'zhao@example.cn',
};

describe('等保备案（三级）', () => {
  const fields = {
    ...company,
    system_names: '官网\n客服系统',
    system_count: 2,
    grading_date: '2026-10-15',
    has_supervisor: '否',
    new_system: '否',
  };

  it('is complete with every form and attachment; 附件07 only with a supervisor', async () => {
    const pack = await load('mlps-filing-level3');
    const report = checkProject(fullyPrepared(pack, fields), pack, today);
    expect(report.materials.filter((m) => m.status !== 'ok' && m.status !== 'not-required')).toEqual([]);
    expect(report.complete).toBe(true);
    expect(report.materials.find((m) => m.id === 'att-07-supervisor')!.status).toBe('not-required');
    const supervised = checkProject(
      fullyPrepared(pack, { ...fields, has_supervisor: '是' }, { 'att-07-supervisor': { files: [] } }),
      pack,
      today,
    );
    expect(supervised.materials.find((m) => m.id === 'att-07-supervisor')!.status).toBe('missing');
  });

  it('wants an assessment report from the last 12 months', async () => {
    const pack = await load('mlps-filing-level3');
    const report = checkProject(
      fullyPrepared(pack, fields, { 'att-05-assessment': { issuedOn: '2025-10-01' } }),
      pack,
      today,
    );
    const assessment = report.materials.find((m) => m.id === 'att-05-assessment')!;
    expect(assessment.problems.map((p) => p.code)).toEqual(['material.tooOld']);
    expect(report.complete).toBe(false);
  });

  it('checks an earlier filing certificate number (🔶 format) as a warning only', async () => {
    const pack = await load('mlps-filing-level3');
    const status = (value: string) => {
      const report = checkProject(fullyPrepared(pack, { ...fields, previous_filing_no: value }), pack, today);
      return { field: report.fields.find((f) => f.id === 'previous_filing_no')!, complete: report.complete };
    };
    expect(status('44030513002-00012')).toMatchObject({ field: { status: 'ok' }, complete: true });
    const wrong = status('4403051300-00012');
    expect(wrong.field.status).toBe('warning');
    expect(wording(wrong.field.problems[0]).message).toContain('11 位数字');
    expect(wrong.complete).toBe(true);
  });
});

describe('ICP经营许可证（B25）', () => {
  const fields = {
    ...company,
    coverage: '单省',
    province: '广东',
    registered_capital: 200,
    foreign_invested: '否',
    domains: 'example.cn',
    special_content: [],
  };

  it('treats the unconfirmed (🔶) social-insurance and Guangdong domain items as warnings only', async () => {
    const pack = await load('icp-licence-b25');
    const doc = fullyPrepared(pack, fields, {
      'staff-social-insurance': { files: [] },
      'domain-registration-proof': { files: [] },
    });
    const report = checkProject(doc, pack, today);
    const insurance = report.materials.find((m) => m.id === 'staff-social-insurance')!;
    expect(insurance).toMatchObject({ status: 'warning' });
    expect(insurance.problems).toMatchObject([{ code: 'material.missing', severity: 'warning' }]);
    expect(report.materials.find((m) => m.id === 'domain-registration-proof')!.status).toBe('warning');
    expect(report.materials.find((m) => m.id === 'pre-approval')!.status).toBe('not-required');
    expect(report.complete).toBe(true);
  });

  it('wants 100 万元 of registered capital for one province and 1000 万元 across regions', async () => {
    const pack = await load('icp-licence-b25');
    const capital = (coverage: string, amount: number) => {
      const report = checkProject(
        fullyPrepared(pack, { ...fields, coverage, registered_capital: amount }),
        pack,
        today,
      );
      return { field: report.fields.find((f) => f.id === 'registered_capital')!, complete: report.complete };
    };
    expect(capital('单省', 200)).toMatchObject({ field: { status: 'ok', problems: [] }, complete: true });
    expect(capital('单省', 99.5)).toMatchObject({ field: { status: 'invalid' }, complete: false });
    const crossRegion = capital('跨地区', 200);
    expect(crossRegion).toMatchObject({ field: { status: 'invalid' }, complete: false });
    expect(crossRegion.field.problems).toMatchObject([{ code: 'field.requirement', severity: 'error' }]);
    expect(wording(crossRegion.field.problems[0]).message).toContain('跨地区经营的注册资本不少于 1000 万元');
    expect(capital('跨地区', 1000).field.status).toBe('ok');
  });

  it('no longer offers 网络游戏 (文旅市发〔2019〕81号) and refuses foreign-invested applicants', async () => {
    const pack = await load('net-culture-licence');
    const base = {
      ...company,
      business_scope: ['网络音乐'],
      foreign_invested: '否',
      domains: 'example.cn',
      icp_licence_no: '粤B2-20200001',
    };
    expect(checkProject(fullyPrepared(pack, base), pack, today).complete).toBe(true);
    const game = checkProject(fullyPrepared(pack, { ...base, business_scope: ['网络游戏'] }), pack, today);
    expect(game.fields.find((f) => f.id === 'business_scope')!.problems).toMatchObject([{ code: 'field.option' }]);
    expect(game.complete).toBe(false);
    const foreign = checkProject(fullyPrepared(pack, { ...base, foreign_invested: '是' }), pack, today);
    const refusal = foreign.fields.find((f) => f.id === 'foreign_invested')!;
    expect(refusal).toMatchObject({ status: 'invalid', problems: [{ code: 'field.requirement', severity: 'error' }] });
    expect(wording(refusal.problems[0]).message).toContain('负面清单');
    expect(foreign.complete).toBe(false);
  });

  it('requires the stamp and the “与原件一致” note on the licence copy', async () => {
    const pack = await load('icp-licence-b25');
    const doc = fullyPrepared(pack, fields, { 'business-licence': { confirmations: ['加盖公章'] } });
    const licence = checkProject(doc, pack, today).materials.find((m) => m.id === 'business-licence')!;
    expect(licence.status).toBe('unconfirmed');
    expect(wording(licence.problems[0]).message).toContain('本文件与原件一致');
  });
});

describe('人力资源服务许可证', () => {
  it('takes a 告知承诺书 instead of the articles and premises proof under 告知承诺制 (第七条)', async () => {
    const pack = await load('hr-service-licence');
    const base = { ...company, address: '深圳市福田区示例路 1 号', fulltime_staff: 3, online_recruitment: '否' };
    const status = (report: ReturnType<typeof checkProject>, id: string) =>
      report.materials.find((m) => m.id === id)!.status;
    const general = checkProject(fullyPrepared(pack, base, { 'commitment-letter': { files: [] } }), pack, today);
    expect(general.complete).toBe(true);
    expect(status(general, 'commitment-letter')).toBe('not-required');
    const promised = checkProject(
      fullyPrepared(
        pack,
        { ...base, application_route: '告知承诺制' },
        {
          'articles-and-rules': { files: [] },
          'premises-proof': { files: [] },
        },
      ),
      pack,
      today,
    );
    expect(promised.complete).toBe(true);
    expect(status(promised, 'premises-proof')).toBe('not-required');
    expect(status(promised, 'commitment-letter')).toBe('ok');
  });

  it('asks for the telecom licence and its number only for online recruitment', async () => {
    const pack = await load('hr-service-licence');
    const base = { ...company, address: '深圳市福田区示例路 1 号', fulltime_staff: 3, online_recruitment: '否' };
    // Unanswered, the 是/否 question itself is what is missing; nothing is assumed.
    const { online_recruitment: _, ...noAnswer } = base;
    const unanswered = checkProject(fullyPrepared(pack, noAnswer, { 'telecom-licence': { files: [] } }), pack, today);
    expect(unanswered.fields.find((f) => f.id === 'online_recruitment')!.status).toBe('missing');
    expect(unanswered.complete).toBe(false);
    const offline = checkProject(fullyPrepared(pack, base, { 'telecom-licence': { files: [] } }), pack, today);
    expect(offline.complete).toBe(true);
    expect(offline.materials.find((m) => m.id === 'telecom-licence')!.status).toBe('not-required');
    const online = checkProject(
      fullyPrepared(pack, { ...base, online_recruitment: '是' }, { 'telecom-licence': { files: [] } }),
      pack,
      today,
    );
    expect(online.fields.find((f) => f.id === 'icp_licence_no')!.status).toBe('missing');
    expect(online.materials.find((m) => m.id === 'telecom-licence')!.status).toBe('missing');
    expect(online.complete).toBe(false);
  });

  it('refuses fewer than 3 full-time staff (人社部令第50号 第六条第（三）项)', async () => {
    const pack = await load('hr-service-licence');
    const base = { ...company, address: '深圳市福田区示例路 1 号', online_recruitment: '否' };
    const report = checkProject(fullyPrepared(pack, { ...base, fulltime_staff: 2 }), pack, today);
    const staff = report.fields.find((f) => f.id === 'fulltime_staff')!;
    expect(staff).toMatchObject({ status: 'invalid', problems: [{ code: 'field.requirement', severity: 'error' }] });
    expect(wording(staff.problems[0]).message).toContain('3 名');
    expect(report.complete).toBe(false);
    const three = checkProject(fullyPrepared(pack, { ...base, fulltime_staff: 3 }), pack, today);
    expect(three.fields.find((f) => f.id === 'fulltime_staff')!.status).toBe('ok');
  });
});

describe('互联网药品信息服务资格证书', () => {
  const fields = {
    ...company,
    site_owner_name: '赵六',
    site_owner_id: validId,
    domains: 'example.cn',
    site_name: '示例药品信息网',
  };

  it('refuses fewer than 2 pharmacy / medical-device professionals (L3)', async () => {
    const pack = await load('drug-info-service-certificate');
    const one = checkProject(fullyPrepared(pack, { ...fields, professional_count: 1 }), pack, today);
    const count = one.fields.find((f) => f.id === 'professional_count')!;
    expect(count).toMatchObject({ status: 'invalid', problems: [{ code: 'field.requirement', severity: 'error' }] });
    expect(wording(count.problems[0]).message).toContain('2 名以上');
    expect(one.complete).toBe(false);
    const two = checkProject(fullyPrepared(pack, { ...fields, professional_count: 2 }), pack, today);
    expect(two.complete).toBe(true);
  });

  it('requires the 申请表 the 办法 makes mandatory', async () => {
    const pack = await load('drug-info-service-certificate');
    const report = checkProject(
      fullyPrepared(pack, { ...fields, professional_count: 2 }, { application: { files: [] } }),
      pack,
      today,
    );
    expect(report.materials.find((m) => m.id === 'application')!).toMatchObject({
      status: 'missing',
      problems: [{ code: 'material.missing', severity: 'error' }],
    });
    expect(report.complete).toBe(false);
  });
});

describe('ICP备案（个人）', () => {
  const fields = {
    name: '王五',
    id_number: validId,
    address: '南京市玄武区示例路 2 号',
    mobile: '13712345678',
    email: 'wang@example.cn',
    domains: 'example.cn',
    site_name: '王五的读书笔记',
    service_content: '博客/个人空间',
    id_from_other_province: '否',
  };

  it('offers the 网站建设方案书 in 江苏 without blocking, and not elsewhere', async () => {
    const pack = await load('icp-filing-individual');
    const jiangsu = checkProject(
      fullyPrepared(pack, { ...fields, province: '江苏' }, { 'site-plan': { files: [] } }),
      pack,
      today,
    );
    expect(jiangsu.complete).toBe(true);
    expect(jiangsu.materials.find((m) => m.id === 'site-plan')!.status).toBe('not-required');
    const withPlan = checkProject(fullyPrepared(pack, { ...fields, province: '江苏' }), pack, today);
    expect(withPlan.materials.find((m) => m.id === 'site-plan')!.status).toBe('ok');
    const beijing = checkProject(
      fullyPrepared(pack, { ...fields, province: '北京' }, { 'site-plan': { files: [] } }),
      pack,
      today,
    );
    expect(beijing.materials.find((m) => m.id === 'site-plan')!.status).toBe('not-required');
    expect(beijing.materials.find((m) => m.id === 'guangdong-commitment')!.status).toBe('not-required');
  });
});

describe('APP备案', () => {
  const fields = {
    host_type: '单位',
    org_name: '深圳市示例网络有限公司',
    uscc: '91310115591693856A',
    province: '广东',
    principal_name: '王五',
    principal_id: validId,
    principal_mobile: '13712345678',
    app_owner_is_principal: '是',
    app_kind: 'APP',
    app_name: '示例阅读',
    service_content: '电子书阅读',
    platforms: ['Android'],
    package_name: 'com.example.reader',
    public_key: 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA',
    signature_md5: '1A:2B:3C:4D:5E:6F:70:81:92:A3:B4:C5:D6:E7:F8:09',
    distribution: '应用宝',
  };

  it('asks an APP for its package name, key and MD5, a 小程序 for its AppID instead', async () => {
    const pack = await load('app-filing');
    expect(checkProject(fullyPrepared(pack, fields), pack, today).complete).toBe(true);
    const mini = checkProject(fullyPrepared(pack, { ...fields, app_kind: '小程序' }), pack, today);
    const status = (id: string) => mini.fields.find((f) => f.id === id)!.status;
    expect(status('mini_program_appid')).toBe('missing');
    expect(status('package_name')).toBe('not-required');
    expect(mini.complete).toBe(false);
  });
});

describe('公安联网备案', () => {
  const fields = {
    host_type: '单位',
    org_name: '深圳市示例网络有限公司',
    uscc: '91310115591693856A',
    legal_rep_name: '王五',
    legal_rep_id: validId,
    webmaster_name: '赵六',
    webmaster_id: validId,
    webmaster_mobile: '13712345678',
    webmaster_email: 'zhao@example.cn',
    site_name: '示例网',
    domains: 'example.cn',
    icp_filing_no: '粤ICP备2023007649号-1',
    go_live_date: '2026-11-20',
    access_provider: '示例云',
    server_ips: '192.0.2.10',
    interactive: '否',
  };

  it('wants the 安全管理制度 and 安全评估报告 only for interactive services', async () => {
    const pack = await load('psb-filing');
    const none = { 'security-rules': { files: [] }, 'security-assessment': { files: [] } };
    expect(checkProject(fullyPrepared(pack, fields, none), pack, today).complete).toBe(true);
    const interactive = checkProject(fullyPrepared(pack, { ...fields, interactive: '是' }, none), pack, today);
    expect(interactive.materials.find((m) => m.id === 'security-assessment')!.status).toBe('missing');
    expect(interactive.complete).toBe(false);
  });

  it('refuses a 公网安备 number whose digits belong to another province', async () => {
    const pack = await load('psb-filing');
    const report = checkProject(
      fullyPrepared(pack, { ...fields, psb_filing_no: '粤公网安备 31010333002939号' }),
      pack,
      today,
    );
    const number = report.fields.find((f) => f.id === 'psb_filing_no')!;
    expect(number.status).toBe('invalid');
    expect(wording(number.problems[0]).message).toContain('“粤”');
  });
});

describe('互联网新闻信息服务许可: refusals', () => {
  it('blocks 采编发布 for an ordinary company, foreign investment, and a wrong deciding authority', async () => {
    const pack = await load('news-info-service-licence');
    const base = {
      org_name: '示例传媒有限公司',
      uscc: '91310115591693856A',
      principal_name: '王五',
      principal_id: validId,
      chief_editor_name: '赵六',
      chief_editor_id: validId,
      contact_mobile: '13712345678',
      contact_email: 'zhao@example.cn',
      service_forms: ['应用程序'],
      service_types: ['转载服务'],
      applicant_type: '其他单位',
      authority_route: '省级网信办受理初审、国家网信办决定',
      foreign_investment: '否',
      non_public_capital_in_editing: '否',
    };
    expect(checkProject(fullyPrepared(pack, base), pack, today).complete).toBe(true);
    const field = (over: Record<string, unknown>, id: string) =>
      checkProject(fullyPrepared(pack, { ...base, ...over }), pack, today).fields.find((f) => f.id === id)!;
    const editing = field({ service_types: ['采编发布服务'] }, 'service_types');
    expect(editing.status).toBe('invalid');
    expect(wording(editing.problems[0]).message).toContain('第六条');
    expect(field({ foreign_investment: '是' }, 'foreign_investment').status).toBe('invalid');
    expect(field({ authority_route: '国家网信办受理和决定' }, 'authority_route').status).toBe('invalid');
    const central = { applicant_type: '新闻单位（含其控股的单位）', applicant_level: '中央' };
    expect(
      field({ ...central, service_types: ['采编发布服务'], authority_route: '国家网信办受理和决定' }, 'service_types')
        .status,
    ).toBe('ok');
  });
});

describe('个人信息出境标准合同备案', () => {
  it('sends 100 万人 or 1 万人 of sensitive data to a security assessment instead', async () => {
    const pack = await load('data-export-standard-contract');
    // The 影响评估报告 is from the last 3 months (备案指南).
    const recent = { 'pia-report': { issuedOn: '2026-10-15' } };
    const base = {
      ...company,
      is_ciio: '否',
      personal_count: 200_000,
      sensitive_count: 0,
      recipient_name: 'Example GmbH',
      recipient_country: '德国',
      contract_effective: '2026-11-20',
    };
    expect(checkProject(fullyPrepared(pack, base, recent), pack, today).complete).toBe(true);
    // A report from June is older than 3 months on 23 November.
    expect(checkProject(fullyPrepared(pack, base), pack, today).complete).toBe(false);
    const many = checkProject(fullyPrepared(pack, { ...base, personal_count: 1_000_000 }, recent), pack, today);
    expect(many.fields.find((f) => f.id === 'personal_count')!.status).toBe('invalid');
    const sensitive = checkProject(fullyPrepared(pack, { ...base, sensitive_count: 10_000 }, recent), pack, today);
    expect(sensitive.fields.find((f) => f.id === 'sensitive_count')!.status).toBe('invalid');
    const few = checkProject(fullyPrepared(pack, { ...base, personal_count: 5_000 }, recent), pack, today);
    expect(few.fields.find((f) => f.id === 'personal_count')!.status).toBe('warning');
    expect(few.complete).toBe(true);
  });
});
