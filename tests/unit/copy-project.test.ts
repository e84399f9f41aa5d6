/**
 * 复制为新项目 (for next year's renewal): the subject, the options and the documents that stay valid
 * (licence, ID cards, certificates, with their vault files and readings) are copied; what was made for
 * the old application (signed letters, confirmations, packets, submissions) is not; the old project is
 * untouched. The new folder for a name never reuses an existing one.
 */
import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { addFiles, createProject, openProject, updateProject, vaultPath } from '../../src/core/project/store';
import { copyProject } from '../../src/core/workspace/copy';
import { newProjectFolder, projectsRoot } from '../../src/core/project/location';
import { builtInRulesDir, loadRulePackFile } from '../../src/core/rules/loader';
import { runInProcess } from '../support/cli';

const png = (shade: number) =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: { r: shade, g: shade, b: shade } } })
    .png()
    .toBuffer();

describe('copy as new project', () => {
  it('keeps the subject and the still-valid documents, and leaves the old application behind', async () => {
    const pack = await loadRulePackFile(join(builtInRulesDir(), 'icp-filing-enterprise.yaml'));
    const root = await mkdtemp(join(tmpdir(), 'matprep-copy-'));
    const from = join(root, 'old');
    await createProject(from, { ruleId: pack.id, ruleVersion: pack.version, name: '2026 备案' });
    await addFiles(from, 'business-licence', [{ name: 'licence.png', data: await png(10) }]);
    await addFiles(from, 'legal-rep-id-card', [{ name: 'front.png', data: await png(20) }], { part: 'front' });
    await addFiles(from, 'verification-form', [{ name: 'signed.png', data: await png(30) }]);
    const before = await updateProject(from, (doc) => {
      doc.fields.org_name = '上海示例科技有限公司';
      doc.bindOptions = { dpi: 300 };
      doc.materials['business-licence'].validUntil = '长期';
      doc.materials['business-licence'].confirmations = ['四角完整且国徽无遮挡'];
      doc.history.push({ at: 'x', output: 'out/a.pdf', pages: 1, bytes: 1, sha256: 'a'.repeat(64) });
    });
    const licenceSha = before.doc.materials['business-licence'].files[0].sha256;
    await mkdir(join(from, 'readings'));
    await writeFile(join(from, 'readings', `${licenceSha}.business-licence.json`), '{}');
    const oldJson = await readFile(join(from, 'matprep.json'), 'utf8');

    const to = await newProjectFolder(root, '2027 续期', 'x');
    const copied = await copyProject(from, to, pack, { files: 'reusable', name: '2027 续期' });

    const { doc } = await openProject(to);
    expect(doc.name).toBe('2027 续期');
    expect(doc.id).not.toBe(before.doc.id);
    expect(doc.rulePack).toMatchObject({ id: pack.id, version: pack.version });
    expect(doc.fields.org_name).toBe('上海示例科技有限公司');
    expect(doc.bindOptions).toEqual({ dpi: 300 });
    expect(Object.keys(doc.materials).sort()).toEqual(['business-licence', 'legal-rep-id-card']);
    expect(doc.materials['business-licence']).toMatchObject({ validUntil: '长期', confirmations: [] });
    expect(doc.materials['legal-rep-id-card'].files[0].part).toBe('front');
    expect(doc.history).toEqual([]);
    expect(copied.doc.submissions ?? []).toEqual([]);
    // The kept files' bytes are in the new vault, and what was read from them.
    for (const entry of Object.values(doc.materials))
      for (const f of entry.files) expect(await readFile(vaultPath(to, f.sha256))).toBeTruthy();
    expect((await readdir(join(to, 'vault'))).length).toBe(2);
    expect(await readdir(join(to, 'readings'))).toEqual([`${licenceSha}.business-licence.json`]);
    // The old project is as it was.
    expect(await readFile(join(from, 'matprep.json'), 'utf8')).toBe(oldJson);

    // Without files: the subject and options only.
    const bare = await copyProject(from, await newProjectFolder(root, '2027 续期', 'x'), pack, { files: 'none' });
    expect(bare.dir).toBe(join(root, '2027 续期 2'));
    expect(bare.doc.materials).toEqual({});
    expect(bare.doc.fields.org_name).toBe('上海示例科技有限公司');
  });

  it('matprep copy does the same from the command line', async () => {
    const root = await mkdtemp(join(tmpdir(), 'matprep-copy-cli-'));
    const from = join(root, 'a');
    expect((await runInProcess('init', from, '--rule', 'icp-filing-enterprise')).code).toBe(0);
    await addFiles(from, 'business-licence', [{ name: 'licence.png', data: await png(40) }]);
    const run = await runInProcess('copy', from, join(root, 'b'), '--name', '续期');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('1 个仍有效的证照文件');
    const { doc } = await openProject(join(root, 'b'));
    expect([doc.name, Object.keys(doc.materials)]).toEqual(['续期', ['business-licence']]);
    const bare = await runInProcess('copy', from, join(root, 'c'), '--no-files');
    expect(bare.code).toBe(0);
    expect((await openProject(join(root, 'c'))).doc.materials).toEqual({});
    // Onto an existing project: refused in one line, exit 2.
    const again = await runInProcess('copy', from, join(root, 'b'));
    expect(again.code).toBe(2);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('puts projects under Documents/matprep unless another folder is chosen, never in a taken folder', async () => {
    const docs = await mkdtemp(join(tmpdir(), 'matprep-docs-'));
    expect(projectsRoot(undefined, docs)).toBe(join(docs, 'matprep'));
    expect(projectsRoot('/elsewhere', docs)).toBe('/elsewhere');
    const root = projectsRoot(undefined, docs);
    const first = await newProjectFolder(root, 'ICP/备案: 示例', 'x');
    expect(first).toBe(join(root, 'ICP_备案_ 示例'));
    await writeFile(join(first, 'mine.txt'), 'user file');
    expect(await newProjectFolder(root, 'ICP/备案: 示例', 'x')).toBe(join(root, 'ICP_备案_ 示例 2'));
    expect(await readFile(join(first, 'mine.txt'), 'utf8')).toBe('user file');
  });
});
