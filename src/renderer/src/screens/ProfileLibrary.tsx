/**
 * A company profile's document library (营业执照, 法人身份证 …): the documents kept for reuse in new
 * projects, and the row that adds one. State and calls: useProfileLibrary in useProfiles.ts.
 */
import { useId } from 'react';
import type { Profile } from '../../../core/model/schemas/profiles';
import { LIBRARY_KEYS } from '../../../core/model/schemas/profiles';
import { CONVERTIBLE_ACCEPT } from '../../../core/model/schemas/project';
import { isMessageKey, type Translate } from '../../../i18n';
import { useT } from '../lib/i18n';
import { formatSize } from '../lib/format';
import { LONG_TERM } from '../../../core/model/dates';
import { DateText } from '../components/DateText';
import { TWO_SIDED, useProfileLibrary } from './useProfiles';

export function ProfileLibrary({ profile, onProfile }: { profile: Profile; onProfile: (profile: Profile) => void }) {
  const t = useT();
  const base = useId();
  const { key, chooseKey, part, setPart, validUntil, setValidUntil, add, remove } = useProfileLibrary(
    profile,
    onProfile,
  );

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
                {wordOr(t, `ui.profiles.key.${doc.key}`, doc.key)}
                {doc.part ? ` · ${wordOr(t, `ui.profiles.part.${doc.part}`, doc.part)}` : ''}
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
          <select value={key} onChange={(e) => chooseKey(e.target.value)}>
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
        <div className="inline-field">
          <label htmlFor={`${base}-valid`}>{t('ui.profiles.validUntil')}</label>
          <DateText
            id={`${base}-valid`}
            value={validUntil === LONG_TERM ? '' : validUntil}
            disabled={validUntil === LONG_TERM}
            immediate
            onCommit={setValidUntil}
          />
          <label className="choice">
            <input
              type="checkbox"
              checked={validUntil === LONG_TERM}
              onChange={(e) => setValidUntil(e.target.checked ? LONG_TERM : '')}
            />
            {t('ui.date.longTerm')}
          </label>
        </div>
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

/** A library document's key or part in the user's words; one the app does not know is shown as written. */
function wordOr(t: Translate, key: string, fallback: string): string {
  return isMessageKey(key) ? t(key) : fallback;
}
