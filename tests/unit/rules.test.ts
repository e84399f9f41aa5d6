import { mkdtemp, readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../src/core/errors';
import {
  builtInRulesDir,
  compareVersions,
  formatRuleProblem,
  getRulePack,
  listRulePacks,
  loadRulePackFile,
  parseRulePack,
  ruleFileJsonSchema,
  RulePackError,
} from '../../src/core/rules/loader';
import { parseCondition } from '../../src/core/model/rules/conditions';

const builtIn = builtInRulesDir();

const REQUIRED_PACKS = [
  'icp-filing-enterprise',
  'icp-filing-individual',
  'icp-licence-b25',
  'edi-licence-b21',
  'mlps-filing-level2',
  'mlps-filing-level3',
  'news-info-service-licence',
  'net-culture-licence',
  'algorithm-filing',
  'genai-model-filing',
  'drug-info-service-certificate',
  'hr-service-licence',
  // Added for issue 10: the filings almost every website and app needs, and more licences.
  'app-filing',
  'psb-filing',
  'idc-licence-b11',
  'cdn-licence-b12',
  'isp-licence-b14',
  'broadcast-programme-licence',
  'publication-distribution-licence',
  'data-export-standard-contract',
];

describe('built-in rule packs', () => {
  it('finds the built-in folder from the module location', () => {
    expect(builtIn.endsWith('rules')).toBe(true);
  });

  it('every built-in file loads without problems', async () => {
    const files = (await readdir(builtIn)).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(REQUIRED_PACKS.length);
    for (const name of files) {
      const { pack, problems } = parseRulePack(await readFile(join(builtIn, name), 'utf8'), name);
      expect(problems.map((p) => formatRuleProblem(p, 'zh-CN'))).toEqual([]);
      expect(`${pack!.id}.yaml`).toBe(name);
    }
  });

  it('has every required licence, each citing sources and an effective date', async () => {
    const { packs, summaries } = await listRulePacks({ builtIn });
    expect(summaries.filter((s) => s.errors.length > 0)).toEqual([]);
    for (const id of REQUIRED_PACKS) {
      const pack = packs.find((p) => p.id === id);
      expect(pack, id).toBeDefined();
      expect(pack!.sources.length).toBeGreaterThan(0);
      expect(pack!.effective).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('says why each warning-level or 🔶 item is only a warning', async () => {
    const { packs } = await listRulePacks({ builtIn });
    for (const pack of packs) {
      for (const item of [...pack.materials, ...pack.fields]) {
        if (item.severity === 'warning') expect(item.note, `${pack.id}/${item.id}`).toBeTruthy();
      }
    }
  });

  it('gives validity (years, renewal window) where docs/domain/licences.md states one', async () => {
    const { packs } = await listRulePacks({ builtIn });
    const validity = Object.fromEntries(packs.map((p) => [p.id, p.validity]));
    expect(validity['icp-licence-b25']).toMatchObject({ years: 5, renewBeforeDays: 90 });
    expect(validity['net-culture-licence']).toMatchObject({ years: 3, renewBeforeDays: 30 });
    expect(validity['news-info-service-licence']).toMatchObject({ years: 3, renewBeforeDays: 30 });
    expect(validity['drug-info-service-certificate']).toMatchObject({ years: 5, renewBeforeDays: 180 });
    expect(validity['mlps-filing-level3']).toMatchObject({ years: 1 });
    expect(validity['icp-filing-enterprise']).toBeUndefined();
  });

  it('ICP备案（单位） has the materials in packet order with their conditions', async () => {
    const pack = await getRulePack({ builtIn }, 'icp-filing-enterprise');
    const ids = pack.materials.map((m) => m.id);
    expect(ids.slice(0, 8)).toEqual([
      'business-licence',
      'legal-rep-id-card',
      'webmaster-id-card',
      'authorization-letter',
      'domain-certificate',
      'verification-form',
      'guangdong-commitment',
      'pre-approval',
    ]);
    const byId = Object.fromEntries(pack.materials.map((m) => [m.id, m]));
    expect(byId['business-licence'].expires).toEqual({ minDaysLeft: 90 });
    expect(byId['legal-rep-id-card'].parts?.map((p) => p.id)).toEqual(['front', 'back']);
    expect(byId['legal-rep-id-card'].watermark).toContain('{purpose}');
    expect(byId['verification-form'].confirm).toEqual(['网站负责人亲笔签名', '加盖公章']);
    expect(byId['guangdong-commitment'].when).toBe('province = 广东');
    expect(byId['pre-approval'].when).toBe('special_content not empty');
    const fields = Object.fromEntries(pack.fields.map((f) => [f.id, f]));
    expect(fields.webmaster_mobile.differentFrom).toEqual(['legal_rep_mobile']);
    expect(fields.webmaster_email.differentFrom).toEqual(['legal_rep_email']);
    expect(fields.uscc.type).toBe('uscc');
    expect(fields.domains).toMatchObject({ type: 'domain', multiple: true });
    // Every condition in the pack parses against its fields.
    for (const item of [...pack.fields, ...pack.materials]) {
      if (item.when)
        expect(() =>
          parseCondition(
            item.when!,
            pack.fields.map((f) => f.id),
          ),
        ).not.toThrow();
    }
  });

  it('ships a JSON Schema file identical to the one generated from zod', async () => {
    const shipped = JSON.parse(await readFile(join(builtIn, 'rule-pack.schema.json'), 'utf8'));
    expect(shipped).toEqual(JSON.parse(JSON.stringify(ruleFileJsonSchema())));
    const schema = ruleFileJsonSchema() as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(
      expect.arrayContaining(['id', 'title', 'version', 'effective', 'sources', 'materials']),
    );
    expect(schema.properties).toHaveProperty('materials');
  });
});

const minimal = `id: demo
title: 演示
version: "1"
effective: "2026-01-01"
authority: 演示机关
sources: [演示来源]
fields:
  - { id: province, label: 省份, type: select, options: [广东, 江苏] }
materials:
  - id: licence
    title: 营业执照
`;

describe('parseRulePack problems', () => {
  const problems = (text: string) => parseRulePack(text, 'demo.yaml').problems;
  const located = (text: string) => problems(text).map((p) => `${p.line}:${p.col} ${p.code}`);

  it('accepts the minimal pack and fills defaults', () => {
    const { pack } = parseRulePack(minimal, 'demo.yaml');
    expect(pack!.materials[0]).toMatchObject({ required: true, severity: 'error', accept: ['pdf', 'jpg', 'png'] });
  });

  it('reports YAML syntax errors at their position', () => {
    expect(located(minimal.replace('title: 演示\n', 'title: "演示\n'))[0]).toMatch(/^\d+:\d+ rules\.yaml\./);
    expect(located(minimal + 'id: again\n')).toEqual(['12:1 rules.yaml.duplicateKey']);
    expect(located(minimal.replace('materials:\n  - id', 'materials:\n\t- id'))[0]).toMatch(/rules\.yaml\./);
  });

  it('reports schema problems at the offending key or value', () => {
    expect(located(minimal.replace('version: "1"', 'version: 1'))).toEqual(['3:10 rules.schema.type']);
    expect(located(minimal.replace('effective: "2026-01-01"', 'effective: 2026-1-1'))).toEqual([
      '4:12 rules.schema.dateFormat',
    ]);
    expect(located(minimal.replace('    title: 营业执照', '    title: 营业执照\n    acept: [pdf]'))).toEqual([
      '12:5 rules.schema.unknownKey',
    ]);
    expect(located(minimal.replace('authority: 演示机关\n', ''))).toEqual(['1:1 rules.schema.missing']);
    expect(located(minimal.replace('type: select', 'type: choice'))).toEqual(['8:38 rules.schema.enum']);
    expect(located(minimal.replace('id: licence', 'id: Licence'))).toEqual(['10:9 rules.schema.idFormat']);
    expect(located(minimal.replace('sources: [演示来源]', 'sources: []'))).toEqual(['6:10 rules.schema.tooSmallItems']);
  });

  it('reports duplicate ids, bad conditions and bad references, one line per problem', () => {
    const text = `${minimal}    when: provinse = 广东
  - id: licence
    title: 营业执照副本
    when: province = 广州
  - id: other
    title: 其他
    when: "province in [广东"
`;
    expect(located(text)).toEqual([
      '12:11 rules.condition.unknownField',
      '13:9 rules.duplicate.material',
      '15:22 rules.condition.unknownOption',
      '18:27 rules.condition.unexpectedEnd',
    ]);
  });

  it('formats problems as file:line:col message, in Chinese or English', () => {
    const [p] = problems(minimal.replace('version: "1"', 'version: 1'));
    expect(formatRuleProblem(p, 'zh-CN')).toBe('demo.yaml:3:10 “version”的类型不对，应为文本。');
    expect(formatRuleProblem(p, 'en')).toBe('demo.yaml:3:10 "version" has the wrong type; expected text.');
  });

  it('checks references between fields', () => {
    const text = minimal.replace(
      '  - { id: province, label: 省份, type: select, options: [广东, 江苏] }',
      '  - { id: province, label: 省份, type: select }\n  - { id: mobile, label: 手机, type: mobile, differentFrom: [phone] }',
    );
    expect(located(text).map((l) => l.split(' ')[1])).toEqual(['rules.optionsMissing', 'rules.unknownFieldRef']);
  });

  it('parses the conditions of field checks at load time, with their positions', () => {
    const text = minimal.replace(
      '  - { id: province, label: 省份, type: select, options: [广东, 江苏] }',
      `  - { id: province, label: 省份, type: select, options: [广东, 江苏] }
  - id: capital
    label: 注册资本
    type: number
    checks:
      - { when: province = 广东, require: capitl >= 100, message: 不少于 100 万元 }
      - { when: province = 广州, require: capital >= 100, message: 不少于 100 万元 }`,
    );
    expect(located(text)).toEqual(['13:41 rules.condition.unknownField', '14:28 rules.condition.unknownOption']);
    // A check without its message is a schema problem on that check.
    expect(located(text.replace(', message: 不少于 100 万元 }', ' }'))).toEqual(['13:9 rules.schema.missing']);
  });
});

describe('loading and listing packs', () => {
  async function userDir(files: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'matprep-rules-'));
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    return dir;
  }
  const icpText = () => readFile(join(builtIn, 'icp-filing-enterprise.yaml'), 'utf8');

  it('throws a UserError naming the file and the first problem for a broken file', async () => {
    const dir = await userDir({ 'bad.yaml': minimal.replace('version: "1"', 'version: 1') });
    const error = await loadRulePackFile(join(dir, 'bad.yaml')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RulePackError);
    expect(isUserError(error) && error.code).toBe('rules.invalidPack');
    expect((error as RulePackError).format('zh-CN')).toContain('bad.yaml:3:10');
    expect((error as RulePackError).format('en')).toContain('expected text');
    const missing = await loadRulePackFile(join(dir, 'none.yaml')).catch((e: unknown) => e);
    expect(isUserError(missing) && missing.code).toBe('error.notFound');
  });

  it('adds user packs, lets same-or-newer versions override built-ins, and lists broken ones with errors', async () => {
    const icp = await icpText();
    const dir = await userDir({
      'a-demo.yaml': minimal,
      'b-broken.yaml': minimal.replace('id: demo', 'id: broken-demo').replace('version: "1"', 'version: 1'),
      'c-icp-newer.yaml': icp
        .replace(/^version: .*$/m, 'version: "9999.1"')
        .replace(/^title: .*$/m, 'title: 我的ICP备案'),
      'd-hr-older.yaml': (await readFile(join(builtIn, 'hr-service-licence.yaml'), 'utf8')).replace(
        /^version: .*$/m,
        'version: "2025.9"',
      ),
      'e-not-yaml.txt': 'ignored',
      'f-garbage.yml': ': : :\n\t- [',
    });
    const { packs, summaries } = await listRulePacks({ builtIn, user: dir });
    expect(packs.find((p) => p.id === 'demo')).toBeDefined();
    expect(packs.find((p) => p.id === 'icp-filing-enterprise')!.title).toBe('我的ICP备案');
    // The shipped version, whatever it is now: the older user copy is not used.
    expect(packs.find((p) => p.id === 'hr-service-licence')!.version).toBe(
      (await getRulePack({ builtIn }, 'hr-service-licence')).version,
    );
    expect(packs.filter((p) => p.id === 'icp-filing-enterprise')).toHaveLength(1);
    expect(packs.length).toBe(REQUIRED_PACKS.length + 1);

    const summary = (file: string) => summaries.find((s) => s.file.endsWith(file))!;
    expect(summary('c-icp-newer.yaml')).toMatchObject({ origin: 'user', errors: [] });
    expect(summary('b-broken.yaml')).toMatchObject({ id: 'broken-demo', origin: 'user' });
    expect(summary('b-broken.yaml').errors[0]).toMatch(/b-broken\.yaml:3:10 /);
    expect(summary('f-garbage.yml')).toMatchObject({ id: 'f-garbage', origin: 'user' });
    expect(summary('f-garbage.yml').errors.length).toBeGreaterThan(0);
    expect(summary('d-hr-older.yaml').errors[0]).toContain('2025.9');
    expect(summaries.find((s) => s.file.endsWith('e-not-yaml.txt'))).toBeUndefined();
    // The replaced built-in is reported as not used, so nothing silently disappears.
    expect(summary(join('rules', 'icp-filing-enterprise.yaml')).errors[0]).toContain('c-icp-newer.yaml');
  });

  it('an equal version in the user folder replaces the built-in', async () => {
    const dir = await userDir({ 'icp.yaml': (await icpText()).replace(/^title: .*$/m, 'title: 本地修订') });
    expect((await getRulePack({ builtIn, user: dir }, 'icp-filing-enterprise')).title).toBe('本地修订');
  });

  it('ignores a missing user folder and reports an unknown pack id', async () => {
    const { packs } = await listRulePacks({ builtIn, user: join(tmpdir(), 'matprep-no-such-folder') });
    expect(packs.length).toBe(REQUIRED_PACKS.length);
    const error = await getRulePack({ builtIn }, 'no-such-pack').catch((e: unknown) => e);
    expect(isUserError(error) && error.code).toBe('rules.unknownPack');
    expect(isUserError(error) && error.format('zh-CN')).toContain('no-such-pack');
  });

  it('reads packs from nested user folder paths only at the top level', async () => {
    const dir = await userDir({});
    await mkdir(join(dir, 'sub'));
    await writeFile(join(dir, 'sub', 'demo.yaml'), minimal);
    const { packs } = await listRulePacks({ builtIn, user: dir });
    expect(packs.find((p) => p.id === 'demo')).toBeUndefined();
  });
});

describe('compareVersions', () => {
  it.each([
    ['2026.1', '2026.1', 0],
    ['2026.2', '2026.10', -1],
    ['2027', '2026.9', 1],
    ['1.0', '1', 0],
    ['2026.1-b', '2026.1-a', 1],
  ])('%s vs %s → %i', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
  });
});
