/**
 * The licence once granted (number, dates): kept with the project so that the 三色预警 dashboard
 * warns before it runs out. Shown only for packs whose licence has a validity period.
 */
import { useId } from 'react';
import type { ProjectView } from '../../../shared/ipc';
import { call } from '../lib/api';
import { useT } from '../lib/i18n';
import { useRun } from '../lib/run';
import { CommitInput } from './CommitInput';
import { DateText } from './DateText';

type Key = 'number' | 'grantedOn' | 'validUntil';

export function LicenceCard({ view, onView }: { view: ProjectView; onView: (view: ProjectView) => void }) {
  const t = useT();
  const run = useRun();
  const base = useId();
  const validity = view.rulePack.validity;
  if (!validity) return null;
  const licence = view.doc.licence ?? {};
  const save = async (key: Key, value: string) => {
    const next = await run(() => call('alerts:setLicence', { dir: view.dir, [key]: value === '' ? null : value }));
    if (next) onView(next);
  };
  const fields: { key: Key; type: string }[] = [
    { key: 'number', type: 'text' },
    { key: 'grantedOn', type: 'date' },
    { key: 'validUntil', type: 'date' },
  ];
  return (
    <section className="card" aria-labelledby={`${base}-title`}>
      <h2 id={`${base}-title`}>{t('ui.licence.title')}</h2>
      <p className="help-text">
        {validity.years ? t('ui.licence.introYears', { years: validity.years }) : t('ui.licence.intro')}
      </p>
      <div className="fields">
        {fields.map(({ key, type }) => (
          <div className="field" key={key}>
            <label htmlFor={`${base}-${key}`}>{t(`ui.licence.${key}`)}</label>
            {type === 'date' ? (
              <DateText id={`${base}-${key}`} value={licence[key] ?? ''} onCommit={(value) => save(key, value)} />
            ) : (
              <CommitInput
                id={`${base}-${key}`}
                type={type}
                className="mono"
                value={licence[key] ?? ''}
                onCommit={(value) => void save(key, value)}
              />
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
