/**
 * The rule pack was updated since this project last recorded it: say so, once, so a changed
 * checklist (a new material, a stricter date) does not look like the app forgot something. Noted
 * with `project:acknowledgeRulePack`, which records the version now in use.
 */
import { useId } from 'react';
import type { ProjectView } from '../../../shared/ipc';
import { call } from '../lib/api';
import { useT } from '../lib/i18n';
import { useRun } from '../lib/run';

export function RulePackNotice({ view, onView }: { view: ProjectView; onView: (view: ProjectView) => void }) {
  const t = useT();
  const run = useRun();
  const id = useId();
  const from = view.doc.rulePack.version;
  const to = view.rulePack.version;
  if (from === to) return null;
  const acknowledge = async () => {
    const next = await run(() => call('project:acknowledgeRulePack', { dir: view.dir }));
    if (next) onView(next);
  };
  return (
    <section className="card notice-warning" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <span aria-hidden="true">ⓘ</span> {t('ui.rulePack.updated.title')}
      </h2>
      <p>{t('ui.rulePack.updated.text', { title: view.rulePack.shortTitle ?? view.rulePack.title, from, to })}</p>
      <button type="button" onClick={() => void acknowledge()}>
        {t('ui.rulePack.updated.ok')}
      </button>
    </section>
  );
}
