/**
 * "识别到 … 填入？": what a just-added licence or ID card was read to say, for the subject fields
 * still empty and the material's 有效期至. Nothing is saved until the user says so; values the
 * reader is not sure of are marked and left unticked.
 */
import { useId, useState } from 'react';
import type { FormOfferView, ProjectView } from '../../../shared/ipc';
import { call } from '../lib/api';
import { useT } from '../lib/i18n';
import { useRun } from '../lib/run';

type Props = {
  view: ProjectView;
  materialId: string;
  document: string;
  offers: FormOfferView[];
  onView: (view: ProjectView) => void;
  onDone: () => void;
};

const keyOf = (offer: FormOfferView) => (offer.target === 'field' ? offer.fieldId : 'validUntil');

export function ReadOffer({ view, materialId, document, offers, onView, onDone }: Props) {
  const t = useT();
  const run = useRun();
  const id = useId();
  const [chosen, setChosen] = useState(() => new Set(offers.filter((o) => o.certain).map(keyOf)));
  const [saving, setSaving] = useState(false);

  const fill = async () => {
    setSaving(true);
    let next: ProjectView | undefined;
    for (const offer of offers.filter((o) => chosen.has(keyOf(o)))) {
      const save = () =>
        offer.target === 'field'
          ? call('project:setField', { dir: view.dir, fieldId: offer.fieldId, value: offer.value })
          : call('project:setDates', { dir: view.dir, materialId, validUntil: offer.value });
      next = (await run(save)) ?? next;
    }
    setSaving(false);
    if (next) onView(next);
    onDone();
  };

  return (
    <section aria-labelledby={`${id}-title`} className="card read-offer">
      <h2 id={`${id}-title`}>{t('ui.read.title', { document })}</h2>
      <p className="help-text">{t('ui.read.explain')}</p>
      {offers.map((offer) => {
        const key = keyOf(offer);
        const label = offer.target === 'field' ? offer.label : t('ui.read.validUntil');
        return (
          <label key={key} className="choice">
            <input
              type="checkbox"
              checked={chosen.has(key)}
              onChange={(e) =>
                setChosen((prev) => {
                  const next = new Set(prev);
                  if (e.target.checked) next.add(key);
                  else next.delete(key);
                  return next;
                })
              }
            />
            {t('ui.read.item', { label, value: offer.value })}
            {!offer.certain && <span className="read-doubt">{t('ui.read.doubt')}</span>}
          </label>
        );
      })}
      <div className="row">
        <button type="button" className="primary" disabled={saving || chosen.size === 0} onClick={() => void fill()}>
          {t('ui.read.fill')}
        </button>
        <button type="button" disabled={saving} onClick={onDone}>
          {t('ui.read.dismiss')}
        </button>
      </div>
    </section>
  );
}
