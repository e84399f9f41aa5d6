import { describe, it, expect, beforeEach } from 'vitest';
import { mkdtemp, readFile, readdir, writeFile, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppStore } from '../../src/core/settings/store';
import { createProject, addFiles, openProject, vaultPath, sha256Of } from '../../src/core/project/store';
import { RulePackSchema } from '../../src/core/model/schemas/rules';
import { builtInRulesDir, loadRulePackFile } from '../../src/core/rules/loader';
import { t } from '../../src/i18n';
import {
  profileStore,
  saveProfile,
  listProfiles,
  getProfile,
  deleteProfile,
  addLibraryDocument,
  removeLibraryDocument,
  applyProfile,
  profileFromProject,
  createProfileFromProject,
  type ProfileStore,
} from '../../src/core/profiles';
import { CORPUS, describeCorpus } from '../support/corpus';

const PDF = join(CORPUS, 'v20-simple.pdf');
const JPG = join(CORPUS, 'img-jpeg-gray.jpg');

const pack = RulePackSchema.parse({
  id: 'icp-filing-enterprise',
  title: 'ICP备案',
  version: '1',
  effective: '2023-07-01',
  authority: '省通信管理局',
  sources: ['L1'],
  fields: [
    { id: 'org_name', label: '主办单位名称', type: 'text' },
    { id: 'uscc', label: '统一社会信用代码', type: 'uscc' },
    { id: 'province', label: '省份', type: 'select', options: ['上海', '广东'] },
    { id: 'org_address', label: '地址', type: 'text' },
    { id: 'legal_rep_name', label: '法人', type: 'text' },
    { id: 'legal_rep_mobile', label: '法人手机', type: 'mobile' },
    { id: 'site_name', label: '网站名称', type: 'text' },
  ],
  materials: [
    { id: 'business-licence', title: '营业执照', expires: { minDaysLeft: 90 } },
    {
      id: 'legal-rep-id-card',
      title: '法人身份证',
      parts: [
        { id: 'front', title: '正面' },
        { id: 'back', title: '反面' },
      ],
    },
  ],
});

const details = {
  name: '上海示例网络科技有限公司',
  uscc: '91310110666007217T',
  province: '上海',
  address: '上海市杨浦区示例路 1 号',
  legalRepName: '张伟',
  legalRepMobile: '13800138000',
};

let ps: ProfileStore;
let userData: string;

beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'matprep-ud-'));
  ps = profileStore(createAppStore(userData), userData);
});

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

describeCorpus('profiles in the app store', () => {
  it('creates, updates, lists and deletes profiles, persisted in the user-data file', async () => {
    const created = await saveProfile(ps, details, new Date('2026-11-01T00:00:00Z'));
    expect(created).toMatchObject({
      name: details.name,
      uscc: details.uscc,
      library: [],
      createdAt: '2026-11-01T00:00:00.000Z',
    });
    await saveProfile(ps, { name: '北京甲公司' });

    const updated = await saveProfile(
      ps,
      { ...details, id: created.id, notes: '续办用' },
      new Date('2026-11-02T00:00:00Z'),
    );
    expect(updated).toMatchObject({
      id: created.id,
      notes: '续办用',
      createdAt: created.createdAt,
      updatedAt: '2026-11-02T00:00:00.000Z',
    });

    // A fresh store reads the same file back.
    const again = profileStore(createAppStore(userData), userData);
    expect((await listProfiles(again)).map((p) => p.name)).toEqual(['北京甲公司', details.name]);
    const file = JSON.parse(await readFile(join(userData, 'matprep-app.json'), 'utf8'));
    expect(file.profiles).toHaveLength(2);

    await deleteProfile(again, created.id);
    expect((await listProfiles(again)).map((p) => p.name)).toEqual(['北京甲公司']);
    await expect(getProfile(again, created.id)).rejects.toMatchObject({ code: 'profile.notFound' });
  });

  it('stores values as projects do: phone without spaces, upper-case check letters, 上海市 as 上海', async () => {
    const saved = await saveProfile(ps, {
      ...details,
      uscc: '91310110666007217t',
      province: '上海市',
      legalRepId: '11010519491231002x',
      legalRepMobile: '+86 139 1234 5678',
      contacts: [{ name: '李四', mobile: '139-1234-5678' }],
    });
    const stored = JSON.parse(await readFile(join(userData, 'matprep-app.json'), 'utf8')).profiles[0];
    expect(stored).toMatchObject({
      uscc: '91310110666007217T',
      province: '上海',
      legalRepId: '11010519491231002X',
      legalRepMobile: '13912345678',
      contacts: [{ mobile: '13912345678' }],
    });
    expect(saved.legalRepMobile).toBe('13912345678');
    // A name that is no province is kept for the user to see.
    expect((await saveProfile(ps, { ...details, province: '火星' })).province).toBe('火星');
  });

  it('refuses a profile without a name', async () => {
    await expect(saveProfile(ps, { name: '  ' })).rejects.toMatchObject({ code: 'profile.nameRequired' });
  });

  it('keeps library documents in the profile vault and removes them when nothing refers to them', async () => {
    const profile = await saveProfile(ps, details);
    const withDoc = await addLibraryDocument(
      ps,
      profile.id,
      'business-licence',
      { path: PDF },
      { validUntil: '2040-01-01' },
    );
    const [doc] = withDoc.library;
    expect(doc).toMatchObject({
      key: 'business-licence',
      name: 'v20-simple.pdf',
      mediaType: 'application/pdf',
      validUntil: '2040-01-01',
    });
    const stored = vaultPath(ps.libraryDir, doc.sha256);
    expect(sha256Of(new Uint8Array(await readFile(stored)))).toBe(doc.sha256);
    expect(sha256Of(new Uint8Array(await readFile(PDF)))).toBe(doc.sha256);

    const removed = await removeLibraryDocument(ps, profile.id, doc.id);
    expect(removed.library).toEqual([]);
    expect(await exists(stored)).toBe(false);
  });

  it('refuses a file that is not a PDF or image, leaving the profile unchanged', async () => {
    const profile = await saveProfile(ps, details);
    await expect(
      addLibraryDocument(ps, profile.id, 'business-licence', { path: join(CORPUS, 'notpdf-text.pdf') }),
    ).rejects.toHaveProperty('code');
    expect((await getProfile(ps, profile.id)).library).toEqual([]);
  });
});

describeCorpus('applyProfile', () => {
  it('fills matching fields and attaches library documents once, copying them into the project vault', async () => {
    const profile0 = await saveProfile(ps, details);
    await addLibraryDocument(ps, profile0.id, 'business-licence', { path: PDF }, { validUntil: '2040-01-01' });
    await addLibraryDocument(ps, profile0.id, 'legal-rep-id-card', { path: JPG }, { part: 'front' });
    const profile = await addLibraryDocument(ps, profile0.id, 'articles-of-association', { path: PDF });

    const dir = join(await mkdtemp(join(tmpdir(), 'matprep-proj-')), 'p');
    await createProject(dir, { ruleId: pack.id, ruleVersion: pack.version });
    const { fields, materials, project } = await applyProfile(dir, pack, profile, ps);

    expect(fields.sort()).toEqual([
      'legal_rep_mobile',
      'legal_rep_name',
      'org_address',
      'org_name',
      'province',
      'uscc',
    ]);
    expect(project.doc.fields).toMatchObject({ org_name: details.name, uscc: details.uscc, province: '上海' });
    expect(materials.sort()).toEqual(['business-licence', 'legal-rep-id-card']);
    // Not in the pack: not attached anywhere.
    expect(project.doc.materials['articles-of-association']).toBeUndefined();

    const [licence] = project.doc.materials['business-licence'].files;
    expect(licence).toMatchObject({ name: 'v20-simple.pdf', mediaType: 'application/pdf' });
    expect(project.doc.materials['business-licence'].validUntil).toBe('2040-01-01');
    expect(project.doc.materials['legal-rep-id-card'].files[0].part).toBe('front');
    const copied = new Uint8Array(await readFile(vaultPath(dir, licence.sha256)));
    expect(sha256Of(copied)).toBe(licence.sha256);

    // Applying again changes nothing in the materials.
    await applyProfile(dir, pack, profile, ps);
    const reopened = await openProject(dir);
    expect(reopened.doc.materials['business-licence'].files).toHaveLength(1);
    expect(reopened.doc.materials['legal-rep-id-card'].files).toHaveLength(1);
  });

  it('fills the province select from a profile saved as 上海市 (before profiles were normalised)', async () => {
    const saved = await saveProfile(ps, details);
    const dir = join(await mkdtemp(join(tmpdir(), 'matprep-proj-')), 'p');
    await createProject(dir, { ruleId: pack.id, ruleVersion: pack.version });
    const { project } = await applyProfile(
      dir,
      pack,
      { ...saved, province: '上海市', legalRepMobile: '138 0013 8000' },
      ps,
    );
    expect(project.doc.fields).toMatchObject({ province: '上海', legal_rep_mobile: '13800138000' });
  });

  it('keeps what the profile leaves empty and refuses a changed library file without touching the project', async () => {
    const profile0 = await saveProfile(ps, { name: '乙公司' });
    const profile = await addLibraryDocument(ps, profile0.id, 'business-licence', { path: PDF });
    const dir = join(await mkdtemp(join(tmpdir(), 'matprep-proj-')), 'p');
    await createProject(dir, { ruleId: pack.id, ruleVersion: pack.version });
    const { project } = await applyProfile(dir, pack, { ...profile, library: [] }, ps);
    expect(project.doc.fields).toEqual({ org_name: '乙公司' });

    await writeFile(vaultPath(ps.libraryDir, profile.library[0].sha256), 'changed');
    await expect(applyProfile(dir, { ...pack }, { ...profile, uscc: '91310110666007217T' }, ps)).rejects.toMatchObject({
      code: 'profile.vaultTampered',
      params: { profile: '乙公司' },
    });
    expect((await openProject(dir)).doc.fields).toEqual({ org_name: '乙公司' });
  });
});

describeCorpus('library aliases', () => {
  it("fills the news pack's 法人资格证明 with the business licence", async () => {
    const newsPack = RulePackSchema.parse({
      ...pack,
      id: 'news',
      materials: [{ id: 'legal-person-proof', title: '法人资格证明（营业执照）' }],
    });
    const profile0 = await saveProfile(ps, details);
    const profile = await addLibraryDocument(ps, profile0.id, 'business-licence', { path: PDF });
    const dir = join(await mkdtemp(join(tmpdir(), 'matprep-proj-')), 'p');
    await createProject(dir, { ruleId: newsPack.id, ruleVersion: newsPack.version });
    const { materials, project } = await applyProfile(dir, newsPack, profile, ps);
    expect(materials).toEqual(['legal-person-proof']);
    expect(project.doc.materials['legal-person-proof'].files.map((f) => f.sha256)).toEqual([profile.library[0].sha256]);
    // And back: a profile made from this project keeps it as its business licence.
    const back = await createProfileFromProject(ps, project);
    expect(back.library.map((d) => d.key)).toEqual(['business-licence']);
  });
});

describeCorpus('profiles from projects', () => {
  it('reads the subject fields and copies the reusable documents', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'matprep-proj-')), 'p');
    const created = await createProject(dir, { ruleId: pack.id, ruleVersion: pack.version, name: '官网备案' });
    const doc = {
      ...created.doc,
      fields: {
        org_name: details.name,
        uscc: details.uscc,
        legal_rep_name: '张伟',
        site_name: '示例官网',
        contact_email: 'a@example.com',
      },
    };
    expect(profileFromProject(doc)).toMatchObject({
      name: details.name,
      uscc: details.uscc,
      legalRepName: '张伟',
      contacts: [{ name: '', mobile: '', email: 'a@example.com' }],
    });
    expect(profileFromProject(created.doc).name).toBe('官网备案');

    const withFile = await addFiles(dir, 'business-licence', [{ path: PDF }]);
    const profile = await createProfileFromProject(ps, { dir, doc: { ...withFile.doc, fields: doc.fields } });
    expect(profile.name).toBe(details.name);
    expect(profile.library.map((d) => [d.key, d.name])).toEqual([['business-licence', 'v20-simple.pdf']]);
    expect(await exists(vaultPath(ps.libraryDir, profile.library[0].sha256))).toBe(true);
    expect((await listProfiles(ps)).map((p) => p.id)).toEqual([profile.id]);
  });
});

describe('library document sides', () => {
  it('are named as the built-in packs name the ID card parts (正面（人像面）/ 反面（国徽面）)', async () => {
    const titles = { front: new Set<string>(), back: new Set<string>() };
    for (const name of (await readdir(builtInRulesDir())).filter((n) => n.endsWith('.yaml'))) {
      const pack = await loadRulePackFile(join(builtInRulesDir(), name));
      for (const part of pack.materials.flatMap((m) => m.parts ?? [])) {
        if (part.id === 'front' || part.id === 'back') titles[part.id].add(part.title);
      }
    }
    expect([...titles.front]).toEqual([t('zh-CN', 'ui.profiles.part.front')]);
    expect([...titles.back]).toEqual([t('zh-CN', 'ui.profiles.part.back')]);
  });
});
