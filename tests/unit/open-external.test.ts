/**
 * 依据 links open in the browser, through the real dispatch: https only (refused by the contract before
 * any handler runs), and only a page a built-in pack cites — never a link from a user's own pack.
 */
import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp } from '../support/app';
import { builtInRulesDir } from '../../src/core/rules/loader';
import { listRulePacks } from '../../src/core/rules/loader';
import { sourceUrls } from '../../src/core/model/rules/sources';

describe('shell:openExternal', () => {
  it('opens a page a built-in pack cites, and nothing else', async () => {
    const { packs } = await listRulePacks({ builtIn: builtInRulesDir() });
    const cited = [...sourceUrls(packs)];
    expect(cited.length).toBeGreaterThanOrEqual(3);
    expect(cited.every((url) => url.startsWith('https://'))).toBe(true);

    // A user pack that cites its own page: that page is still not opened.
    const userDir = await mkdtemp(join(tmpdir(), 'matprep-user-rules-'));
    const own = (await readFile(join(builtInRulesDir(), 'icp-filing-enterprise.yaml'), 'utf8'))
      .replace(/^id: .*$/m, 'id: my-own-pack')
      .replace(/^sources:\n/m, 'sources:\n  - "X9: 自己的页面 https://example.com/phish"\n');
    await writeFile(join(userDir, 'my-own-pack.yaml'), own);
    const app = await createTestApp({ rulesDirs: { builtIn: builtInRulesDir(), user: userDir } });
    expect((await app.call('rules:list', {})).some((pack) => pack.id === 'my-own-pack')).toBe(true);

    expect(await app.call('shell:openExternal', { url: cited[0] })).toEqual({ ok: true });
    expect(app.platform.external).toEqual([cited[0]]);

    const refused = await app.raw('shell:openExternal', { url: 'https://example.com/phish' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('只能打开内置规则包');
    for (const url of ['http://www.gov.cn/', 'file:///etc/passwd', 'javascript:alert(1)', 'https://a b']) {
      const bad = await app.raw('shell:openExternal', { url });
      expect(bad.ok).toBe(false);
    }
    expect(app.platform.external).toEqual([cited[0]]);
  });
});
