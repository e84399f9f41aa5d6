/**
 * Company profiles in the app store, and their document library in a vault under the user-data
 * folder (`<userData>/profiles/vault/<sha256>`), written and verified by the same functions as a
 * project's vault, so the same temp-then-rename and tamper checks apply.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import { UserError } from '../errors';
import type { AppStore } from '../settings/store';
import { readSource, readVaultFile, storeInVault, vaultPath, type ImportSource } from '../project/store';
import { prepareImport } from '../project/import';
import { ProfileInputSchema, type LibraryDocument, type Profile, type ProfileInput } from '../model/schemas/profiles';
import { normaliseProfileDetails } from '../model/profiles/normalise';

/** Where profiles live: the app store, and the folder whose `vault/` holds their documents. */
export interface ProfileStore {
  store: AppStore;
  /** e.g. `<userData>/profiles`; documents go to `<libraryDir>/vault/<sha256>`. */
  libraryDir: string;
}

export function profileStore(store: AppStore, userDataDir: string): ProfileStore {
  return { store, libraryDir: join(userDataDir, 'profiles') };
}

export async function listProfiles(ps: ProfileStore): Promise<Profile[]> {
  return [...(await ps.store.read()).profiles].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

function find(profiles: Profile[], id: string): Profile {
  const profile = profiles.find((p) => p.id === id);
  if (!profile) throw new UserError('profile.notFound', { id });
  return profile;
}

export async function getProfile(ps: ProfileStore, id: string): Promise<Profile> {
  return find((await ps.store.read()).profiles, id);
}

/** Change one profile inside a store update; returns it as saved. */
async function updateProfile(ps: ProfileStore, id: string, mutate: (p: Profile) => void, now: Date): Promise<Profile> {
  const state = await ps.store.update((s) => {
    const profile = find(s.profiles, id);
    mutate(profile);
    profile.updatedAt = now.toISOString();
  });
  return find(state.profiles, id);
}

/** Create a profile (no id) or replace an existing one's details (its library is kept). */
export async function saveProfile(ps: ProfileStore, input: ProfileInput, now: Date = new Date()): Promise<Profile> {
  const { id, ...details } = normaliseProfileDetails(ProfileInputSchema.parse(input));
  if (!details.name) throw new UserError('profile.nameRequired');
  if (id) return updateProfile(ps, id, (p) => Object.assign(p, details), now);
  const created: Profile = {
    ...details,
    id: randomUUID(),
    library: [],
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await ps.store.update((s) => {
    s.profiles.push(created);
  });
  return created;
}

/** Vault files no profile refers to any more (the user's originals are elsewhere). */
async function sweepLibrary(ps: ProfileStore, candidates: string[]): Promise<void> {
  const { profiles } = await ps.store.read();
  const used = new Set(profiles.flatMap((p) => p.library.map((d) => d.sha256)));
  for (const sha256 of new Set(candidates)) {
    if (!used.has(sha256)) await rm(vaultPath(ps.libraryDir, sha256), { force: true });
  }
}

export async function deleteProfile(ps: ProfileStore, id: string): Promise<void> {
  let removed: Profile | undefined;
  await ps.store.update((s) => {
    removed = find(s.profiles, id);
    s.profiles = s.profiles.filter((p) => p.id !== id);
  });
  await sweepLibrary(ps, removed?.library.map((d) => d.sha256) ?? []);
}

export interface LibraryDocumentMeta {
  part?: string;
  issuedOn?: string;
  validUntil?: string;
}

/** Store bytes in the profile vault and describe them as a library document (converted and inspected like an import). */
export async function storeLibraryDocument(
  ps: ProfileStore,
  key: string,
  file: { name: string; bytes: Uint8Array; password?: string } & Pick<
    LibraryDocument,
    'convertedFrom' | 'originalName' | 'unlocked'
  >,
  meta: LibraryDocumentMeta = {},
  now: Date = new Date(),
): Promise<LibraryDocument> {
  const prepared = await prepareImport(file.bytes, file.name, file.password);
  const sha256 = await storeInVault(ps.libraryDir, prepared.bytes);
  return {
    id: randomUUID(),
    key,
    part: meta.part,
    sha256,
    ...prepared.file,
    // Bytes from a project's vault were converted there already: keep what that import recorded.
    convertedFrom: prepared.file.convertedFrom ?? file.convertedFrom,
    originalName: prepared.file.originalName ?? file.originalName,
    unlocked: prepared.file.unlocked ?? file.unlocked,
    // An unlocked import needs no password; one from an older project's file may still carry it.
    password: prepared.file.unlocked ? undefined : file.password,
    issuedOn: meta.issuedOn,
    validUntil: meta.validUntil,
    addedAt: now.toISOString(),
  };
}

/** Import a file into a profile's library under `key` (a material id such as `business-licence`). */
export async function addLibraryDocument(
  ps: ProfileStore,
  profileId: string,
  key: string,
  source: ImportSource,
  meta: LibraryDocumentMeta & { password?: string } = {},
  now: Date = new Date(),
): Promise<Profile> {
  await getProfile(ps, profileId);
  const { name, bytes } = await readSource(source);
  const document = await storeLibraryDocument(ps, key, { name, bytes, password: meta.password }, meta, now);
  return updateProfile(ps, profileId, (p) => p.library.push(document), now);
}

export async function removeLibraryDocument(
  ps: ProfileStore,
  profileId: string,
  documentId: string,
  now: Date = new Date(),
): Promise<Profile> {
  let sha256: string | undefined;
  const profile = await updateProfile(
    ps,
    profileId,
    (p) => {
      const doc = p.library.find((d) => d.id === documentId);
      if (!doc) throw new UserError('profile.documentNotFound', { profile: p.name, key: documentId });
      sha256 = doc.sha256;
      p.library = p.library.filter((d) => d.id !== documentId);
    },
    now,
  );
  if (sha256) await sweepLibrary(ps, [sha256]);
  return profile;
}

/** A library document's bytes, verified against its hash; errors name the profile, not a project. */
export async function readLibraryDocument(
  ps: ProfileStore,
  profile: Profile,
  document: LibraryDocument,
): Promise<Uint8Array> {
  try {
    return await readVaultFile(ps.libraryDir, { ...document, rotate: 0 });
  } catch (error) {
    if (
      error instanceof UserError &&
      (error.code === 'project.vaultMissing' || error.code === 'project.vaultTampered')
    ) {
      const code = error.code === 'project.vaultMissing' ? 'profile.vaultMissing' : 'profile.vaultTampered';
      throw new UserError(code, { file: document.name, profile: profile.name }, { cause: error });
    }
    throw error;
  }
}
