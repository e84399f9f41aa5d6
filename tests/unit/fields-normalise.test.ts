/**
 * Field values are stored in the form the user meant: what the UI, the CLI and an applied profile
 * save is read back from matprep.json, and the check finds nothing left to complain about.
 */
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normaliseDomain, normaliseFieldText } from '../../src/core/model/fields';
import { validateField } from '../../src/i18n/fields';
import { runInProcess } from '../support/cli';
import { createTestApp } from '../support/app';

const savedFields = async (dir: string) => JSON.parse(await readFile(join(dir, 'matprep.json'), 'utf8')).fields;

describe('normaliseFieldText', () => {
  it.each([
    ['uscc', ' 91310110666007217t ', '91310110666007217T'],
    ['uscc', '9131 0110 6660 0721 7t', '91310110666007217T'],
    ['uscc', '９１３１０１１０６６６００７２１７ｔ', '91310110666007217T'],
    ['cn-id', '11010519491231002x', '11010519491231002X'],
    ['mobile', '138 0013 8000', '13800138000'],
    ['mobile', '138-0013-8000', '13800138000'],
    ['mobile', '+86 138 0013 8000', '13800138000'],
    ['text', '  上海某某科技有限公司 ', '上海某某科技有限公司'],
    ['email', ' Info@Example.com ', 'Info@Example.com'],
  ])('%s %j → %j', (type, raw, stored) => {
    expect(normaliseFieldText(type, raw)).toBe(stored);
    if (type !== 'text' && type !== 'email') expect(validateField(type, stored).valid).toBe(true);
  });

  it.each([
    ['example.com', 'example.com'],
    ['www.example.com', 'example.com'],
    ['WWW.Example.COM', 'example.com'],
    ['https://www.example.com/', 'example.com'],
    ['http://example.com/about/index.html?x=1#top', 'example.com'],
    ['example.com.', 'example.com'],
    ['example。com', 'example.com'],
    ['blog.example.com', 'blog.example.com'],
    ['www.cn', 'www.cn'],
    ['https://例子.中国/', '例子.中国'],
  ])('domain %j → %j', (raw, stored) => {
    expect(normaliseDomain(raw)).toBe(stored);
  });

  it('a URL-shaped domain that reaches the validator is told to enter only the domain', () => {
    const verdict = validateField('domain', 'https://example.com/');
    expect(verdict.valid).toBe(false);
    expect(verdict.reason).toContain('只填域名');
  });
});

describe('saved field values (UI handler, CLI) are normalised in matprep.json', () => {
  it('UI: project:setField stores the meant form, and the check is clean', async () => {
    const app = await createTestApp();
    const dir = join(await mkdtemp(join(tmpdir(), 'matprep-norm-')), '示例');
    await app.call('project:create', { dir, ruleId: 'icp-filing-enterprise', name: '示例' });
    const set = (fieldId: string, value: string | string[]) => app.call('project:setField', { dir, fieldId, value });
    await set('uscc', '91310110666007217t');
    await set('legal_rep_id', '11010519491231002x');
    await set('legal_rep_mobile', '138 0013 8000');
    // The UI sends a multiple field as one value per line.
    const view = await set('domains', ['https://www.Example.com/', 'www.例子.中国', 'shop.example.com/']);
    expect(await savedFields(dir)).toMatchObject({
      uscc: '91310110666007217T',
      legal_rep_id: '11010519491231002X',
      legal_rep_mobile: '13800138000',
      domains: 'example.com\n例子.中国\nshop.example.com',
    });
    const problems = view.report.fields.filter((f) =>
      ['uscc', 'legal_rep_id', 'legal_rep_mobile', 'domains'].includes(f.id),
    );
    expect(problems.map((f) => [f.id, f.status])).toEqual([
      ['uscc', 'ok'],
      ['legal_rep_id', 'ok'],
      ['legal_rep_mobile', 'ok'],
      ['domains', 'ok'],
    ]);
  });

  it('CLI: matprep set stores the same forms; a value that is still wrong is kept for the check to explain', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'matprep-norm-')), 'cli');
    expect((await runInProcess('init', dir, '--rule', 'icp-filing-enterprise', '--name', '示例')).code).toBe(0);
    expect((await runInProcess('set', dir, 'domains', 'HTTPS://WWW.EXAMPLE.CN/index.html')).code).toBe(0);
    expect((await runInProcess('set', dir, 'legal_rep_mobile', '+86 138-0013-8000')).code).toBe(0);
    // Upper-cased, still wrong: stored, and `set` says why (exit 1) in the checker's words.
    const wrong = await runInProcess('set', dir, 'uscc', '91310110666007217a');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('“A”');
    // A 是/否 question takes what its checkbox used to (scripts written for the older packs).
    expect((await runInProcess('set', dir, 'webmaster_is_legal_rep', 'true')).code).toBe(0);
    const fields = await savedFields(dir);
    expect(fields.webmaster_is_legal_rep).toBe('是');
    expect(fields.domains).toBe('example.cn');
    expect(fields.legal_rep_mobile).toBe('13800138000');
    expect(fields.uscc).toBe('91310110666007217A');
  });
});
