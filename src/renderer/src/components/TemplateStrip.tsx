/**
 * For a material the applicant writes themselves (法人授权书, 承诺书 …): the three steps to it —
 * generate the template pre-filled from the subject form, print it to sign and stamp, scan it and
 * add it below — with the buttons that generate it as PDF or Word. Main asks where to save.
 */
import { useEffect, useId, useState } from 'react';
import type { ProjectView } from '../../../shared/ipc';
import type { MaterialRule } from '../../../core/model/schemas/rules';
import type { TemplateFormat, TemplateListing } from '../../../core/model/schemas/templates';
import { call } from '../lib/api';
import { useLocale, useT } from '../lib/i18n';
import { useRun } from '../lib/run';

export function TemplateStrip({ view, material }: { view: ProjectView; material: MaterialRule }) {
  const t = useT();
  const locale = useLocale();
  const run = useRun();
  const id = useId();
  const [busy, setBusy] = useState<TemplateFormat | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [listing, setListing] = useState<TemplateListing | undefined>();
  const { dir } = view;
  const { id: materialId, template } = material;
  // The template's title and the official texts it follows, from main (which reads the template files).
  // Only an aid: if it cannot be read, generating says why.
  useEffect(() => {
    setListing(undefined);
    setSaved(null);
    if (!template) return;
    let current = true;
    call('template:list', { dir })
      .then((all) => {
        if (current) setListing(all.find((l) => l.materialId === materialId));
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [dir, materialId, template, locale]);
  if (!template) return null;

  const generate = async (format: TemplateFormat) => {
    setBusy(format);
    setSaved(null);
    const reply = await run(() => call('template:save', { dir: view.dir, materialId: material.id, format }));
    setBusy(null);
    if (reply?.output) setSaved(reply.output);
  };

  return (
    <section aria-labelledby={`${id}-title`} className="card template-strip">
      <h2 id={`${id}-title`}>{t('ui.template.title')}</h2>
      <p className="help-text">
        {listing ? t('ui.template.introNamed', { title: listing.title }) : t('ui.template.intro')}
      </p>
      <ol className="template-steps" aria-label={t('ui.template.steps')}>
        <li className="template-step current">
          <span className="template-step-label">{t('ui.template.step1')}</span>
          <span className="row">
            <button type="button" className="primary" disabled={busy !== null} onClick={() => void generate('pdf')}>
              {t('ui.template.pdf')}
            </button>
            <button type="button" disabled={busy !== null} onClick={() => void generate('docx')}>
              {t('ui.template.docx')}
            </button>
          </span>
        </li>
        <li className="template-step">
          <span className="template-step-label">{t('ui.template.step2')}</span>
        </li>
        <li className="template-step">
          <span className="template-step-label">{t('ui.template.step3')}</span>
        </li>
      </ol>
      {listing && listing.basis.length > 0 && (
        <p className="help-text template-basis">
          {t('ui.template.basis', { basis: listing.basis.map((b) => b.title) })}
        </p>
      )}
      <p role="status" className="status-line">
        {busy ? t('ui.template.generating') : saved ? t('ui.template.saved', { path: saved }) : ''}
      </p>
    </section>
  );
}
