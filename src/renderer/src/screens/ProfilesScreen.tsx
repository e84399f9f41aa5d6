/**
 * Company profiles (主体信息): the applicant's details and reusable documents, entered once and
 * applied to every new project for that company. Identifiers are checked as they are typed, with
 * the same validators and messages as the project checklist.
 */
import { useEffect, useId, useState } from 'react';
import type { Profile, ProfileDetails } from '../../../core/model/schemas/profiles';
import { LIBRARY_KEYS } from '../../../core/model/schemas/profiles';
import { PROFILE_FIELD_TYPES } from '../../../core/model/profiles/fields';
import { PROVINCES } from '../../../core/model/fields/provinces';
import { CONVERTIBLE_ACCEPT } from '../../../core/model/schemas/project';
import { call, toIncoming } from '../lib/api';
import { useT } from '../lib/i18n';
import { useRun } from '../lib/run';
import { formatSize } from '../lib/format';

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

type TextKey = Exclude<keyof ProfileDetails, 'contacts'>;
/** The form's fields in order; `type` names the field validator (as in the rule packs). */
const FIELDS: { key: TextKey; type?: string; multiline?: boolean; mono?: boolean }[] = (
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
function provinceOptions(value: string): string[] {
  return value && !(PROVINCES as readonly string[]).includes(value) ? [value, ...PROVINCES] : [...PROVINCES];
}

function detailsOf(profile: Profile): ProfileDetails {
  const { id: _id, library: _library, createdAt: _c, updatedAt: _u, ...details } = profile;
  return details;
}

export function ProfilesScreen() {
  const t = useT();
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

  return (
    <main className="profiles" aria-labelledby="profiles-title">
      <h1 id="profiles-title">{t('ui.profiles.title')}</h1>
      <p className="intro">{t('ui.profiles.intro')}</p>
      <div className="profiles-columns">
        <div>
          <section className="card" aria-labelledby="profiles-list-title">
            <h2 id="profiles-list-title">{t('ui.profiles.list')}</h2>
            {profiles === null ? (
              <p role="status">{t('ui.loading')}</p>
            ) : profiles.length === 0 ? (
              <p className="empty-note">{t('ui.profiles.empty')}</p>
            ) : (
              <ul className="recent">
                {profiles.map((profile) => (
                  <li key={profile.id}>
                    <button
                      type="button"
                      className="recent-item"
                      aria-current={profile.id === selected ? 'true' : undefined}
                      onClick={() => {
                        setStatus('');
                        setSelected(profile.id);
                      }}
                    >
                      <span className="recent-name">{profile.name}</span>
                      <span className="recent-meta">
                        {t('ui.profiles.documents', { count: profile.library.length })}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <button
              type="button"
              onClick={() => {
                setStatus('');
                setSelected('');
              }}
            >
              <span aria-hidden="true">＋</span> {t('ui.profiles.new')}
            </button>
          </section>
          {current ? (
            <Library profile={current} onProfile={replace} />
          ) : (
            selected === '' && (
              <section className="card" aria-label={t('ui.profiles.library')}>
                <p className="help-text">{t('ui.profiles.libraryAfterSave')}</p>
              </section>
            )
          )}
        </div>
        {selected !== null && (
          <ProfileForm
            key={selected}
            profile={current}
            status={status}
            onStatus={setStatus}
            onSaved={(profile) => void reload(profile.id)}
            onDeleted={() => void reload('').then(() => setSelected(null))}
          />
        )}
      </div>
    </main>
  );
}

function ProfileForm({
  profile,
  status,
  onStatus: setStatus,
  onSaved,
  onDeleted,
}: {
  profile: Profile | undefined;
  status: string;
  onStatus: (status: string) => void;
  onSaved: (profile: Profile) => void;
  onDeleted: () => void;
}) {
  const t = useT();
  const run = useRun();
  const base = useId();
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

  return (
    <section className="card" aria-labelledby={`${base}-title`}>
      <h2 id={`${base}-title`}>{profile ? profile.name : t('ui.profiles.new')}</h2>
      <form
        className="fields"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {FIELDS.map(({ key, type, multiline, mono }) => {
          const id = `${base}-${key}`;
          const problem = problemOf(key);
          const common = {
            id,
            className: mono ? 'mono' : undefined,
            value: draft[key],
            'aria-invalid': problem ? true : undefined,
            'aria-describedby': problem ? `${id}-problem` : undefined,
            'aria-required': key === 'name' || undefined,
            autoComplete: 'off',
            spellCheck: false,
            onChange: (e: { target: { value: string } }) => {
              setDraft({ ...draft, [key]: e.target.value });
              void validate(key, type, e.target.value);
            },
          };
          return (
            <div key={key} className={`field ${problem ? 'has-error' : ''} ${multiline ? 'wide' : ''}`}>
              <label htmlFor={id}>{t(`ui.profiles.field.${key}`)}</label>
              {multiline ? (
                <textarea rows={3} {...common} />
              ) : key === 'province' ? (
                <select {...common}>
                  <option value="">{t('ui.subject.select')}</option>
                  {provinceOptions(draft.province).map((name) => (
                    <option key={name}>{name}</option>
                  ))}
                </select>
              ) : (
                <input type="text" {...common} />
              )}
              {problem && (
                <ul className="problems" id={`${id}-problem`}>
                  <li className="problem problem-error">
                    <span aria-hidden="true" className="problem-icon">
                      ✕
                    </span>
                    <span>{problem}</span>
                  </li>
                </ul>
              )}
            </div>
          );
        })}
        <div className="bind-actions form-actions">
          <button type="submit" className="primary">
            {t('ui.profiles.save')}
          </button>
          {profile && (
            <button type="button" className="danger" onClick={() => void remove()}>
              {t('ui.profiles.delete')}
            </button>
          )}
        </div>
        <p role="status" className="status-line form-actions">
          {status}
        </p>
      </form>
    </section>
  );
}

/** Library documents with two sides to mark (正面（人像面）/ 反面（国徽面）, as the packs name them); a licence or report has none. */
const TWO_SIDED: ReadonlySet<string> = new Set(['legal-rep-id-card']);

function Library({ profile, onProfile }: { profile: Profile; onProfile: (profile: Profile) => void }) {
  const t = useT();
  const run = useRun();
  const base = useId();
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

  return (
    <section className="card" aria-labelledby={`${base}-title`}>
      <h2 id={`${base}-title`}>{t('ui.profiles.library')}</h2>
      <p className="help-text">{t('ui.profiles.libraryHelp')}</p>
      {profile.library.length === 0 ? (
        <p className="empty-note">{t('ui.profiles.libraryEmpty')}</p>
      ) : (
        <ul className="library" aria-label={t('ui.profiles.library')}>
          {profile.library.map((doc) => (
            <li key={doc.id} className="library-item">
              <span className="file-name">
                {t(`ui.profiles.key.${doc.key}`)}
                {doc.part ? ` · ${t(`ui.profiles.part.${doc.part}`)}` : ''}
              </span>
              <span className="file-details">
                {doc.name} · {formatSize(doc.size, t)}
                {doc.validUntil ? ` · ${t('ui.profiles.validUntilShort', { date: doc.validUntil })}` : ''}
              </span>
              <button
                type="button"
                className="icon-button danger"
                aria-label={t('ui.file.remove', { name: doc.name })}
                title={t('ui.file.remove', { name: doc.name })}
                onClick={() => void remove(doc.id)}
              >
                <span aria-hidden="true">✕</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="library-add">
        <label className="inline-field">
          {t('ui.profiles.docKey')}
          <select
            value={key}
            onChange={(e) => {
              setKey(e.target.value);
              setPart('');
            }}
          >
            {LIBRARY_KEYS.map((k) => (
              <option key={k} value={k}>
                {t(`ui.profiles.key.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {TWO_SIDED.has(key) && (
          <label className="inline-field">
            {t('ui.profiles.docPart')}
            <select value={part} onChange={(e) => setPart(e.target.value)}>
              <option value="">{t('ui.file.partNone')}</option>
              <option value="front">{t('ui.profiles.part.front')}</option>
              <option value="back">{t('ui.profiles.part.back')}</option>
            </select>
          </label>
        )}
        <label className="inline-field">
          {t('ui.profiles.validUntil')}
          <input type="date" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} />
        </label>
        <label htmlFor={`${base}-file`} className="button file-button">
          {t('ui.profiles.addFile')}
        </label>
        <input
          id={`${base}-file`}
          type="file"
          className="visually-hidden"
          accept={`.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png,${CONVERTIBLE_ACCEPT}`}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void add(file);
          }}
        />
      </div>
    </section>
  );
}
