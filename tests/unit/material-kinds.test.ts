/**
 * Every built-in material gets a kind from what it already declares (so the packs need no new line),
 * every kind has its pictures drawn, and every picture is marked 示例 / SAMPLE.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInRulesDir, loadRulePackFile } from '../../src/core/rules/loader';
import { KIND_PICTURES, MATERIAL_KINDS, PICTURES, materialKind, partPicture } from '../../src/core/model/rules/kinds';

const ASSETS = join(import.meta.dirname, '../../assets/examples');

describe('material kinds', () => {
  it('reads ID cards, licences and signed letters from the built-in packs', async () => {
    const files = (await readdir(builtInRulesDir())).filter((f) => f.endsWith('.yaml'));
    const kinds = new Map<string, string>();
    for (const file of files) {
      const pack = await loadRulePackFile(join(builtInRulesDir(), file));
      for (const m of pack.materials) kinds.set(`${pack.id}/${m.id}`, materialKind(m));
    }
    expect(kinds.get('icp-filing-enterprise/legal-rep-id-card')).toBe('id-card');
    expect(kinds.get('icp-filing-enterprise/business-licence')).toBe('business-licence');
    expect(kinds.get('algorithm-filing/commitment')).toBe('signed-letter');
    expect(kinds.get('cdn-licence-b12/company-profile')).toBe('stamped-document');
    expect(kinds.get('app-filing/pre-approval')).toBe('certificate');
    // Every kind occurs in the built-in packs, so every picture is seen by someone.
    expect(new Set(kinds.values())).toEqual(new Set(MATERIAL_KINDS));
  });

  it('takes a declared kind over the one it would read', () => {
    expect(materialKind({ id: 'x', kind: 'certificate', confirm: ['加盖公章'] })).toBe('certificate');
    expect(materialKind({ id: 'x', confirm: ['法定代表人签字', '加盖公章'] })).toBe('signed-letter');
    expect(materialKind({ id: 'x' })).toBe('document');
    expect(partPicture('id-card', 'back')).toBe('id-card-back');
    expect(partPicture('id-card', 'holding')).toBeUndefined();
  });

  it('has every picture drawn and marked as a sample', async () => {
    const drawn = (await readdir(ASSETS)).filter((f) => f.endsWith('.svg')).map((f) => f.replace(/\.svg$/, ''));
    expect(drawn.sort()).toEqual([...PICTURES].sort());
    for (const kind of MATERIAL_KINDS) for (const p of KIND_PICTURES[kind]) expect(drawn).toContain(p);
    for (const name of drawn) {
      const svg = await readFile(join(ASSETS, `${name}.svg`), 'utf8');
      expect(svg, name).toContain('示例 SAMPLE');
      // Drawn here: nothing linked in from elsewhere.
      expect(svg, name).not.toMatch(/href=|<image/);
    }
  });
});
