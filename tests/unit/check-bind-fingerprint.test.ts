/**
 * The fingerprint a packet records of what it was bound from: the same for the same content in any
 * key order, different after any change binding reads, unchanged by what binding ignores.
 */
import { describe, expect, it } from 'vitest';
import { bindFingerprint } from '../../src/core/model/packet/fingerprint';
import { completeGuangdongProject, file } from './check-fixtures';

describe('bindFingerprint', () => {
  it('ignores key order, timestamps, history and the granted licence', () => {
    const doc = completeGuangdongProject();
    const reordered = { ...doc, fields: Object.fromEntries(Object.entries(doc.fields).reverse()) };
    expect(bindFingerprint(reordered)).toBe(bindFingerprint(doc));
    const later = {
      ...doc,
      updatedAt: '2030-01-01T00:00:00.000Z',
      history: [{ at: '2030-01-01', output: '/x.pdf', pages: 8, bytes: 1, sha256: '0'.repeat(64) }],
    };
    expect(bindFingerprint(later)).toBe(bindFingerprint(doc));
    expect(bindFingerprint(doc)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes with a file added, a box ticked, a field or a bind option', () => {
    const doc = completeGuangdongProject();
    const base = bindFingerprint(doc);
    const variants = [
      { ...doc, fields: { ...doc.fields, org_address: '深圳市南山区科技园路 2 号' } },
      {
        ...doc,
        materials: {
          ...doc.materials,
          'business-licence': { ...doc.materials['business-licence'], files: [file()] },
        },
      },
      {
        ...doc,
        materials: {
          ...doc.materials,
          'verification-form': { ...doc.materials['verification-form'], confirmations: [] },
        },
      },
      { ...doc, bindOptions: { duplex: true } },
      { ...doc, name: '另一个' },
    ];
    const prints = variants.map(bindFingerprint);
    for (const print of prints) expect(print).not.toBe(base);
    expect(new Set(prints).size).toBe(prints.length);
  });
});
