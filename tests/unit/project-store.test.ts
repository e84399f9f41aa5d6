import { describe, it, expect } from 'vitest';
import { mkdtemp, readFile, writeFile, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  createProject,
  openProject,
  addFiles,
  removeFile,
  readVaultFile,
  updateProject,
  vaultPath,
  sha256Of,
} from '../../src/core/project/store';
import { ProjectDocSchema } from '../../src/core/model/schemas/project';
import { UserError } from '../../src/core/errors';
import { createAppStore } from '../../src/core/settings/store';
import { CORPUS, describeCorpus } from '../support/corpus';

async function tempDir(prefix = 'matprep-proj-') {
  return mkdtemp(join(tmpdir(), prefix));
}

async function expectUserError(promise: Promise<unknown>, code: string): Promise<UserError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe(code);
    return error as UserError;
  }
  throw new Error(`expected UserError ${code}`);
}

describeCorpus('project folder', () => {
  it('creates matprep.json, vault/ and out/, and refuses to create over an existing project', async () => {
    const dir = await tempDir();
    const project = await createProject(dir, {
      ruleId: 'icp-filing-enterprise',
      ruleVersion: '2026.1',
      name: '测试项目',
    });
    const saved = ProjectDocSchema.parse(JSON.parse(await readFile(join(dir, 'matprep.json'), 'utf8')));
    expect(saved.name).toBe('测试项目');
    expect(saved.rulePack).toEqual({ id: 'icp-filing-enterprise', version: '2026.1' });
    expect(project.doc.id).toBe(saved.id);
    expect((await readdir(dir)).sort()).toEqual(['matprep.json', 'out', 'vault']);
    await expectUserError(createProject(dir, { ruleId: 'x', ruleVersion: '1' }), 'project.exists');
  });

  it('names the folder when there is no project in it', async () => {
    const dir = await tempDir();
    const error = await expectUserError(openProject(dir), 'project.notFound');
    expect(error.format('zh-CN')).toContain(dir);
  });

  it('never overwrites a corrupted matprep.json: clear error, backup kept, file unchanged', async () => {
    const dir = await tempDir();
    await createProject(dir, { ruleId: 'r', ruleVersion: '1' });
    const file = join(dir, 'matprep.json');
    const broken = (await readFile(file, 'utf8')).slice(0, 40);
    await writeFile(file, broken);
    const error = await expectUserError(openProject(dir), 'project.corrupt');
    expect(error.format('zh-CN')).toContain('matprep.json');
    expect(await readFile(file, 'utf8')).toBe(broken);
    expect(await readFile(String(error.params.backup), 'utf8')).toBe(broken);
    await expectUserError(
      updateProject(dir, (doc) => void (doc.name = 'x')),
      'project.corrupt',
    );
    expect(await readFile(file, 'utf8')).toBe(broken);
  });

  it('reports the path of a hand-edited invalid value', async () => {
    const dir = await tempDir();
    await createProject(dir, { ruleId: 'r', ruleVersion: '1' });
    const file = join(dir, 'matprep.json');
    const doc = JSON.parse(await readFile(file, 'utf8'));
    doc.materials = { 'business-licence': { files: [{ id: 'a', sha256: 'nothex', name: 'x.pdf', size: 1 }] } };
    await writeFile(file, JSON.stringify(doc));
    const error = await expectUserError(openProject(dir), 'project.invalid');
    expect(error.params.path).toBe('materials.business-licence.files[0].sha256');
    // In the reader's words, with the JSON path kept; not zod's English ("Invalid string: must match …").
    const zh = error.format('zh-CN');
    expect(zh).toContain('“materials.business-licence.files[0].sha256”的值“nothex”格式不对');
    expect(zh).not.toMatch(/Invalid|expected|must match/);
    expect(error.format('en')).toContain(
      'The value "nothex" of "materials.business-licence.files[0].sha256" is malformed',
    );
  });

  // Unknown keys are no longer a problem: a newer version's data is kept (tests/unit/newer-data.test.ts).
  it.each([
    [
      'missing',
      (doc: Record<string, unknown>) => delete doc.name,
      '缺少必填项“name”（应为文本）',
      '"name" is required (text)',
    ],
    [
      'wrong type',
      (doc: Record<string, unknown>) => (doc.rulePack = 5),
      '“rulePack”的类型不对，应为键值对象。',
      '"rulePack" has the wrong type; expected a mapping.',
    ],
    [
      'not an allowed value',
      (doc: Record<string, unknown>) => {
        const files = (doc.materials as Record<string, { files: Record<string, unknown>[] }>).m.files;
        files[0].rotate = 45;
      },
      '“materials.m.files[0].rotate”只能取以下值之一：0, 90, 180, 270。',
      '"materials.m.files[0].rotate" must be one of: 0, 90, 180, 270.',
    ],
  ])('describes a %s value in Chinese, or in English', async (_kind, edit, zh, en) => {
    const dir = await tempDir();
    await createProject(dir, { ruleId: 'r', ruleVersion: '1' });
    await addFiles(dir, 'm', [{ path: join(CORPUS, 'v20-simple.pdf') }]);
    const file = join(dir, 'matprep.json');
    const doc = JSON.parse(await readFile(file, 'utf8'));
    edit(doc);
    await writeFile(file, JSON.stringify(doc));
    const error = await expectUserError(openProject(dir), 'project.invalid');
    expect(error.format('zh-CN')).toContain(`有 1 处内容不符合格式，第一处：${zh}`);
    expect(error.format('en')).toContain(`in 1 place. First: ${en}`);
  });

  it('imports a file once into the vault by its sha256, never touching the original', async () => {
    const dir = await tempDir();
    await createProject(dir, { ruleId: 'r', ruleVersion: '1' });
    const original = join(CORPUS, 'img-exif-portrait-o6.jpg');
    const before = await stat(original);
    const bytes = new Uint8Array(await readFile(original));
    await addFiles(dir, 'id-card', [{ path: original }]);
    const twice = await addFiles(dir, 'business-licence', [{ path: original }], { part: 'front' });
    expect(twice.doc.materials['id-card'].files).toHaveLength(1);
    const ref = twice.doc.materials['business-licence'].files[0];
    expect(ref).toMatchObject({
      name: 'img-exif-portrait-o6.jpg',
      mediaType: 'image/jpeg',
      size: bytes.length,
      part: 'front',
    });
    expect(ref.sha256).toBe(sha256Of(bytes));
    expect(await readdir(join(dir, 'vault'))).toEqual([ref.sha256]);
    expect(Buffer.compare(await readFile(vaultPath(dir, ref.sha256)), Buffer.from(bytes))).toBe(0);
    expect((await stat(original)).mtimeMs).toBe(before.mtimeMs);
    // Removing one reference keeps the vault copy; removing the last one deletes it.
    await removeFile(dir, 'id-card', twice.doc.materials['id-card'].files[0].id);
    expect(await readdir(join(dir, 'vault'))).toHaveLength(1);
    await removeFile(dir, 'business-licence', ref.id);
    expect(await readdir(join(dir, 'vault'))).toHaveLength(0);
  });

  it('leaves the project unchanged when one file of a batch is bad', async () => {
    const dir = await tempDir();
    await createProject(dir, { ruleId: 'r', ruleVersion: '1' });
    const before = await readFile(join(dir, 'matprep.json'), 'utf8');
    await expect(
      addFiles(dir, 'm', [
        { path: join(CORPUS, 'plain-us_constitution-19p.pdf') },
        { path: join(CORPUS, 'notpdf-text.pdf') },
      ]),
    ).rejects.toBeInstanceOf(UserError);
    expect(await readFile(join(dir, 'matprep.json'), 'utf8')).toBe(before);
    await expectUserError(addFiles(dir, 'm', [{ path: join(dir, 'vanished.pdf') }]), 'error.notFound');
  });

  it('detects a vault file changed after import', async () => {
    const dir = await tempDir();
    await createProject(dir, { ruleId: 'r', ruleVersion: '1' });
    const { doc } = await addFiles(dir, 'm', [
      { name: '营业执照.png', data: new Uint8Array(await readFile(join(CORPUS, 'img-png-palette.png'))) },
    ]);
    const ref = doc.materials.m.files[0];
    expect((await readVaultFile(dir, ref)).length).toBe(ref.size);
    await writeFile(vaultPath(dir, ref.sha256), 'tampered');
    const error = await expectUserError(readVaultFile(dir, ref), 'project.vaultTampered');
    expect(error.format('zh-CN')).toContain('营业执照.png');
  });

  it('serialises concurrent updates so none is lost', async () => {
    const dir = await tempDir();
    await createProject(dir, { ruleId: 'r', ruleVersion: '1' });
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        updateProject(dir, (doc) => {
          doc.fields[`f${i}`] = String(i);
        }),
      ),
    );
    const { doc } = await openProject(dir);
    expect(Object.keys(doc.fields)).toHaveLength(25);
  });

  it('sweeps temp files a killed writer left behind, but not those of a writer still running', async () => {
    const dir = await tempDir();
    await createProject(dir, { ruleId: 'r', ruleVersion: '1' });
    // A pid that certainly belongs to no running process: a child that has exited.
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    const dead = `.matprep.json.${gone}-abcd1234.tmp`;
    const live = `.matprep.json.${process.pid}-beef5678.tmp`;
    await writeFile(join(dir, dead), '{"half":');
    await writeFile(join(dir, live), '{"being written":');
    await openProject(dir);
    const names = await readdir(dir);
    expect(names).not.toContain(dead);
    expect(names).toContain(live);
  });
});

describe('app settings store', () => {
  it('persists settings and recent projects, and survives a damaged file with a warning', async () => {
    const dir = await tempDir('matprep-ud-');
    const store = createAppStore(dir);
    await store.update((s) => {
      s.settings.locale = 'en';
    });
    expect((await createAppStore(dir).read()).settings.locale).toBe('en');
    await writeFile(join(dir, 'matprep-app.json'), '{not json');
    const fresh = createAppStore(dir);
    expect((await fresh.read()).settings.locale).toBe('zh-CN');
    expect(fresh.takeWarning()?.code).toBe('settings.corrupt');
    expect((await readdir(dir)).some((n) => n.includes('.broken-'))).toBe(true);
  });
});
