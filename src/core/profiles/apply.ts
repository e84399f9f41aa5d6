/**
 * Between profiles and projects: fill a project's subject fields and reusable materials from a
 * profile, and build a profile from a project that is already filled in. Field ids differ a little
 * between rule packs (`org_name` vs `company_name`), so each profile value lists the ids it fills.
 */
import { randomUUID } from 'node:crypto';
import { UserError } from '../errors';
import type { RulePack } from '../model/schemas/rules';
import type { FieldValue, FileRef, ProjectDoc } from '../model/schemas/project';
import { normaliseFieldValue } from '../workspace/edits';
import { materialEntry, readVaultFile, storeInVault, updateProject, type Project } from '../project/store';
import type { LibraryDocument, Profile, ProfileDetails, ProfileInput } from '../model/schemas/profiles';
import { LIBRARY_KEYS, materialIdsFor } from '../model/schemas/profiles';
import { normaliseProfileDetails } from '../model/profiles/normalise';
import { getProfile, readLibraryDocument, saveProfile, storeLibraryDocument, type ProfileStore } from './store';

type ScalarKey = Exclude<keyof ProfileDetails, 'contacts' | 'notes' | 'name'> | 'name';

/** Profile value → the field ids (in the rule packs) it fills; the first id found in a pack wins on the way back. */
export const FIELD_MAP: ReadonlyArray<{
  key: ScalarKey | 'contactName' | 'contactMobile' | 'contactEmail';
  fields: string[];
}> = [
  { key: 'name', fields: ['org_name', 'company_name'] },
  { key: 'uscc', fields: ['uscc'] },
  { key: 'province', fields: ['province'] },
  { key: 'address', fields: ['org_address', 'address'] },
  { key: 'legalRepName', fields: ['legal_rep_name'] },
  { key: 'legalRepId', fields: ['legal_rep_id'] },
  { key: 'legalRepMobile', fields: ['legal_rep_mobile'] },
  { key: 'legalRepEmail', fields: ['legal_rep_email'] },
  { key: 'contactName', fields: ['contact_name'] },
  { key: 'contactMobile', fields: ['contact_mobile'] },
  { key: 'contactEmail', fields: ['contact_email'] },
];

function profileValue(profile: ProfileDetails, key: (typeof FIELD_MAP)[number]['key']): string {
  const contact = profile.contacts[0];
  switch (key) {
    case 'contactName':
      return contact?.name ?? '';
    case 'contactMobile':
      return contact?.mobile ?? '';
    case 'contactEmail':
      return contact?.email ?? '';
    default:
      return profile[key];
  }
}

/** The pack's material a library key fills: the one with that id, else one of its aliases. */
function materialFor(pack: RulePack, key: string): string | undefined {
  return materialIdsFor(key).find((id) => pack.materials.some((m) => m.id === id));
}

export interface ApplyOutcome {
  project: Project;
  /** Field ids that were set. */
  fields: string[];
  /** Material ids that received library documents. */
  materials: string[];
}

/**
 * Fill `dir`'s fields from `profile` (profile values replace what is there; fields the profile
 * leaves empty are kept) and attach its library documents to the materials with matching ids.
 * A document already attached (same content) is not attached twice; dates are copied only into
 * empty ones. Files are copied from the profile vault into the project vault; nothing is re-imported.
 */
export async function applyProfile(
  dir: string,
  pack: RulePack,
  profile: Profile,
  ps: ProfileStore,
  now: () => Date = () => new Date(),
): Promise<ApplyOutcome> {
  const values: Record<string, FieldValue> = {};
  // Profiles saved before values were normalised may say 上海市 where the select has 上海.
  const details = normaliseProfileDetails(profile);
  for (const { key, fields } of FIELD_MAP) {
    const value = profileValue(details, key).trim();
    if (!value) continue;
    for (const id of fields) {
      const rule = pack.fields.find((f) => f.id === id);
      if (!rule) continue;
      try {
        const stored = normaliseFieldValue(rule, value);
        if (stored !== null) values[id] = stored;
      } catch (error) {
        // A value the field cannot take (e.g. a province not in its options) is left for the user.
        if (!(error instanceof UserError)) throw error;
      }
    }
  }
  // Read every library file first, so a missing or changed one leaves the project unchanged.
  const documents: Array<{ document: LibraryDocument; materialId: string; bytes: Uint8Array }> = [];
  for (const document of profile.library) {
    const materialId = materialFor(pack, document.key);
    if (!materialId) continue;
    documents.push({ document, materialId, bytes: await readLibraryDocument(ps, profile, document) });
  }

  const attached = new Set<string>();
  const project = await updateProject(
    dir,
    async (doc, projectDir) => {
      Object.assign(doc.fields, values);
      for (const { document, materialId, bytes } of documents) {
        const entry = materialEntry(doc, materialId);
        if (entry.files.some((f) => f.sha256 === document.sha256)) continue;
        const sha256 = await storeInVault(projectDir, bytes);
        const ref: FileRef = {
          id: randomUUID(),
          sha256,
          name: document.name,
          size: document.size,
          mediaType: document.mediaType,
          addedAt: now().toISOString(),
          pages: document.pages,
          width: document.width,
          height: document.height,
          part: document.part,
          rotate: 0,
          password: document.password,
          unlocked: document.unlocked,
          convertedFrom: document.convertedFrom,
          originalName: document.originalName,
        };
        entry.files.push(ref);
        if (document.issuedOn && !entry.issuedOn) entry.issuedOn = document.issuedOn;
        if (document.validUntil && !entry.validUntil) entry.validUntil = document.validUntil;
        attached.add(materialId);
      }
    },
    now,
  );
  return { project, fields: Object.keys(values), materials: [...attached] };
}

/** Profile details from a filled project: the first mapped field found for each value. */
export function profileFromProject(doc: ProjectDoc): ProfileInput {
  const get = (fields: string[]) => {
    for (const id of fields) {
      const value = doc.fields[id];
      if (typeof value === 'string' && value.trim()) return value.trim();
    }
    return '';
  };
  const values = Object.fromEntries(FIELD_MAP.map(({ key, fields }) => [key, get(fields)])) as Record<
    (typeof FIELD_MAP)[number]['key'],
    string
  >;
  const { contactName, contactMobile, contactEmail, ...details } = values;
  const hasContact = contactName || contactMobile || contactEmail;
  return {
    ...details,
    name: details.name || doc.name,
    contacts: hasContact ? [{ name: contactName, mobile: contactMobile, email: contactEmail, role: '' }] : [],
    notes: '',
  };
}

/**
 * Copy a project's reusable documents (materials whose ids are LIBRARY_KEYS or their aliases) into library entries
 * in the profile vault; returns them for the caller to add to a profile.
 */
export async function libraryFromProject(
  project: Project,
  ps: ProfileStore,
  now: Date = new Date(),
): Promise<LibraryDocument[]> {
  const documents: LibraryDocument[] = [];
  for (const key of LIBRARY_KEYS) {
    const entry = materialIdsFor(key)
      .map((id) => project.doc.materials[id])
      .find((e) => e && e.files.length > 0);
    for (const ref of entry?.files ?? []) {
      const bytes = await readVaultFile(project.dir, ref);
      const document = await storeLibraryDocument(
        ps,
        key,
        {
          name: ref.name,
          bytes,
          password: ref.password,
          unlocked: ref.unlocked,
          convertedFrom: ref.convertedFrom,
          originalName: ref.originalName,
        },
        { part: ref.part, issuedOn: entry!.issuedOn, validUntil: entry!.validUntil },
        now,
      );
      documents.push(document);
    }
  }
  return documents;
}

/** Save a new profile from a filled project, with copies of its reusable documents. */
export async function createProfileFromProject(
  ps: ProfileStore,
  project: Project,
  now: Date = new Date(),
): Promise<Profile> {
  // Documents first: a missing vault file then fails before any profile exists.
  const library = await libraryFromProject(project, ps, now);
  const created = await saveProfile(ps, profileFromProject(project.doc), now);
  if (library.length === 0) return created;
  await ps.store.update((state) => {
    state.profiles.find((p) => p.id === created.id)?.library.push(...library);
  });
  return getProfile(ps, created.id);
}
