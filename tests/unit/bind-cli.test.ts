import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../support/cli';
import { corpus } from '../fixtures/packet';
import { pageTexts } from '../fixtures/pdf-read';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const run = await runInProcess('--today', '2026-03-15', ...argv);
  return { code: run.code, out: run.stdout.trimEnd(), err: run.stderr.trimEnd() };
}

describe('matprep bind / export', () => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'matprep-cli-')), 'project');

  it('refuses an incomplete project with exit 1, binds it with --allow-incomplete', async () => {
    expect((await cli('init', dir, '--rule', 'icp-filing-enterprise')).code).toBe(0);
    expect((await cli('set', dir, 'org_name', '北京示例科技有限公司')).code).toBe(0);
    expect((await cli('add', dir, 'business-licence', corpus('size-mixed-3p.pdf'))).code).toBe(0);
    expect((await cli('add', dir, 'legal-rep-id-card', corpus('img-exif-landscape-o6.jpg'))).code).toBe(0);

    const out = path.join(dir, 'out', 'packet.pdf');
    const refused = await cli('bind', dir, '-o', out, '--correction-list', path.join(dir, 'out', 'bz.pdf'));
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('已拒绝装订');
    expect(existsSync(out)).toBe(false);
    expect(
      pageTexts(path.join(dir, 'out', 'bz.pdf'))
        .join('')
        .replace(/\s+/g, ''),
    ).toContain('补正清单');

    const bound = await cli('bind', dir, '-o', out, '--allow-incomplete', '--json', '--deterministic');
    expect(bound.code).toBe(0);
    const result = JSON.parse(bound.out);
    expect(result).toMatchObject({ output: out, pages: 6 });
    expect(result.sections.map((s: { materialId: string }) => s.materialId)).toEqual([
      'business-licence',
      'legal-rep-id-card',
    ]);
    expect(result.sections[0]).toMatchObject({ firstPage: 3, lastPage: 5 });
    const project = JSON.parse(readFileSync(path.join(dir, 'matprep.json'), 'utf8'));
    expect(project.history.at(-1)).toMatchObject({ output: out, pages: 6 });

    // Deterministic: the second run writes the same bytes.
    const first = readFileSync(out);
    expect((await cli('bind', dir, '-o', out, '--allow-incomplete', '--deterministic')).code).toBe(0);
    expect(Buffer.compare(first, readFileSync(out))).toBe(0);
  });

  it('exports each material into a zip, as its pack says (exportAs images: one JPEG per page)', async () => {
    const zip = path.join(dir, 'out', 'export.zip');
    const result = await cli('export', dir, '-o', zip, '--json');
    expect(result.code).toBe(0);
    expect(Object.keys(unzipSync(readFileSync(zip))).sort()).toEqual(
      JSON.parse(result.out)
        .files.map((f: { name: string }) => f.name)
        .sort(),
    );
    // The ICP pack exports scans as images (exportAs: images): one JPEG per page of the 3-page 营业执照.
    expect(
      JSON.parse(result.out)
        .files.map((f: { name: string }) => f.name)
        .sort(),
    ).toEqual(['01-营业执照-1.jpg', '01-营业执照-2.jpg', '01-营业执照-3.jpg', '02-主体负责人身份证.jpg']);
  });

  it('usage errors exit 2', async () => {
    expect((await cli('bind', dir)).code).toBe(2);
    expect((await cli('bind', dir, '-o', 'x.pdf', '--dpi', '5')).code).toBe(2);
  });
});
