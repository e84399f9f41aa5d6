/**
 * The state behind the company-profiles screen, apart from its view (ProfilesScreen.tsx,
 * ProfileLibrary.tsx): the list and selection, one profile's draft with its as-typed checks, and
 * the document library's add/remove.
 */
import { useEffect, useState } from 'react';
import type { Profile, ProfileDetails } from '../../../core/model/schemas/profiles';
import { LIBRARY_KEYS } from '../../../core/model/schemas/profiles';
import { PROFILE_FIELD_TYPES } from '../../../core/model/profiles/fields';
import { PROVINCES } from '../../../core/model/fields/provinces';
import { call, toIncoming } from '../lib/api';
import { useT } from '../lib/i18n';
import { useRun } from '../lib/run';

type Verdict = { value: string; reason: string | null };

const EMPTY: ProfileDetails = {
  name: '',
  uscc: '',
  province: '',
  address: '',
  legalRepName: '',
  legalRepId: '',
  legalRepMobile: '',
  legalRepEmail: '',
  contacts: [],
  notes: '',
};

export type TextKey = Exclude<keyof ProfileDetails, 'contacts'>;
/** The form's fields in order; `type` names the field validator (as in the rule packs). */
export const FIELDS: { key: TextKey; type?: string; multiline?: boolean; mono?: boolean }[] = (
  [
    { key: 'name' },
    { key: 'uscc', mono: true },
    { key: 'province' },
    { key: 'address' },
    { key: 'legalRepName' },
    { key: 'legalRepId', mono: true },
    { key: 'legalRepMobile' },
    { key: 'legalRepEmail' },
    { key: 'notes', multiline: true },
  ] as const
).map((field) => ({ ...field, type: PROFILE_FIELD_TYPES[field.key] }));

/** The packs' province options; a value saved before there was a select stays choosable. */
export function provinceOptions(value: string): string[] {
  return value && !(PROVINCES as readonly string[]).includes(value) ? [value, ...PROVINCES] : [...PROVINCES];
}

function detailsOf(profile: Profile): ProfileDetails {
  const { id: _id, library: _library, createdAt: _c, updatedAt: _u, ...details } = profile;
  return details;
}

/** The saved profiles, which one is open ('' = a new one, null = none) and the form's status line. */
export function useProfiles() {
  const run = useRun();
  const [profiles, setProfiles] = useState<Profile[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  // Kept here: saving a new profile selects it, which mounts a fresh form.
  const [status, setStatus] = useState('');

  const reload = async (select?: string) => {
    const list = await run(() => call('profiles:list', {}));
    if (!list) return;
    setProfiles(list);
    if (select !== undefined) setSelected(select);
  };
  useEffect(() => {
    void reload();
    // Load once.
  }, []);

  const current = profiles?.find((p) => p.id === selected);
  const replace = (profile: Profile) =>
    setProfiles((list) => (list ?? []).map((p) => (p.id === profile.id ? profile : p)));
  /** Open a profile (or '' for a new one), clearing the last form's status. */
  const open = (id: string) => {
    setStatus('');
    setSelected(id);
  };
  return { profiles, selected, setSelected, status, setStatus, reload, current, replace, open };
}

/** One profile's draft: the values typed so far, their problems, save and delete. */
export function useProfileForm({
  profile,
  onStatus: setStatus,
  onSaved,
  onDeleted,
}: {
  profile: Profile | undefined;
  onStatus: (status: string) => void;
  onSaved: (profile: Profile) => void;
  onDeleted: () => void;
}) {
  const t = useT();
  const run = useRun();
  const [draft, setDraft] = useState<ProfileDetails>(profile ? detailsOf(profile) : EMPTY);
  const [verdicts, setVerdicts] = useState<Partial<Record<TextKey, Verdict>>>({});
  const [touched, setTouched] = useState(false);

  // Identifiers are checked as they are typed; a verdict counts only for the value it was made for,
  // so a late reply about an older value is never shown.
  const validate = async (key: TextKey, type: string | undefined, raw: string) => {
    const value = raw.trim();
    if (!type || value === '') return;
    const verdict = await run(() => call('fields:validate', { type, value }));
    if (verdict) setVerdicts((prev) => ({ ...prev, [key]: { value, reason: verdict.valid ? null : verdict.reason } }));
  };
  useEffect(() => {
    for (const { key, type } of FIELDS) void validate(key, type, draft[key]);
    // Check a loaded profile's values once.
  }, []);
  const problemOf = (key: TextKey): string | null => {
    const value = draft[key].trim();
    if (key === 'name') return value === '' && touched ? t('ui.profiles.nameRequired') : null;
    const verdict = verdicts[key];
    return value !== '' && verdict?.value === value ? verdict.reason : null;
  };
  const invalid = FIELDS.some((f) => problemOf(f.key) !== null);

  const edit = (key: TextKey, type: string | undefined, value: string) => {
    setDraft({ ...draft, [key]: value });
    void validate(key, type, value);
  };
  const save = async () => {
    setTouched(true);
    if (invalid || draft.name.trim() === '') {
      setStatus(t('ui.profiles.fixFirst'));
      return;
    }
    const saved = await run(() => call('profiles:save', { ...draft, ...(profile ? { id: profile.id } : {}) }));
    if (saved) {
      setStatus(t('ui.profiles.saved', { name: saved.name }));
      onSaved(saved);
    }
  };
  const remove = async () => {
    if (!profile) return;
    if (await run(() => call('profiles:delete', { id: profile.id }))) onDeleted();
  };
  return { draft, problemOf, edit, save, remove };
}

/** Library documents with two sides to mark (正面（人像面）/ 反面（国徽面）, as the packs name them); a licence or report has none. */
export const TWO_SIDED: ReadonlySet<string> = new Set(['legal-rep-id-card']);

/** The library's "add a document" choices (kind, side, valid-until) and its add/remove calls. */
export function useProfileLibrary(profile: Profile, onProfile: (profile: Profile) => void) {
  const run = useRun();
  const [key, setKey] = useState<string>(LIBRARY_KEYS[0]);
  const [part, setPart] = useState('');
  const [validUntil, setValidUntil] = useState('');

  const add = async (file: File) => {
    const next = await run(async () =>
      call('profiles:addDocument', {
        profileId: profile.id,
        key,
        file: await toIncoming(file),
        ...(part ? { part } : {}),
        ...(validUntil ? { validUntil } : {}),
      }),
    );
    if (next) onProfile(next);
  };
  const remove = async (documentId: string) => {
    const next = await run(() => call('profiles:removeDocument', { profileId: profile.id, documentId }));
    if (next) onProfile(next);
  };
  /** A new kind of document: its side choice no longer applies. */
  const chooseKey = (next: string) => {
    setKey(next);
    setPart('');
  };
  return { key, chooseKey, part, setPart, validUntil, setValidUntil, add, remove };
}
