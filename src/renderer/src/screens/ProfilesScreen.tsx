/**
 * Company profiles (主体信息): the applicant's details and reusable documents, entered once and
 * applied to every new project for that company. Identifiers are checked as they are typed, with
 * the same validators and messages as the project checklist. The view only: the state and calls
 * live in useProfiles.ts, the document library in ProfileLibrary.tsx.
 */
import { useId } from 'react';
import type { Profile } from '../../../core/model/schemas/profiles';
import { useT } from '../lib/i18n';
import { FIELDS, provinceOptions, useProfileForm, useProfiles } from './useProfiles';
import { ProfileLibrary } from './ProfileLibrary';

export function ProfilesScreen() {
  const t = useT();
  const { profiles, selected, setSelected, status, setStatus, reload, current, replace, open } = useProfiles();

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
                      onClick={() => open(profile.id)}
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
            <button type="button" onClick={() => open('')}>
              <span aria-hidden="true">＋</span> {t('ui.profiles.new')}
            </button>
          </section>
          {current ? (
            <ProfileLibrary profile={current} onProfile={replace} />
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
  onStatus,
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
  const base = useId();
  const { draft, problemOf, edit, save, remove } = useProfileForm({ profile, onStatus, onSaved, onDeleted });

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
            onChange: (e: { target: { value: string } }) => edit(key, type, e.target.value),
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
