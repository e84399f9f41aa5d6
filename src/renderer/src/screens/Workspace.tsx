/** The project workspace: the checklist on the left, the wizard (one step per material) on the right. */
import { useEffect, useRef, useState } from 'react';
import type { ProjectView } from '../../../shared/ipc';
import { useT } from '../lib/i18n';
import { Checklist } from '../components/Checklist';
import { SubjectStep } from '../components/SubjectStep';
import { MaterialStep } from '../components/MaterialStep';
import { SecurityLogStep } from '../components/SecurityLogStep';
import { StatusBadge } from '../components/Status';
import { RulePackNotice } from '../components/RulePackNotice';
import { call } from '../lib/api';
import { useRun } from '../lib/run';
import { projectSteps, stepStatus, stepTitle } from '../lib/steps';

type Props = {
  view: ProjectView;
  onView: (view: ProjectView) => void;
  step: number;
  onStep: (index: number) => void;
  onBind: () => void;
};

export function Workspace({ view, onView, step, onStep, onBind }: Props) {
  const t = useT();
  const steps = projectSteps(view);
  const index = Math.min(step, steps.length - 1);
  const current = steps[index];
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  // Moving between steps puts focus on the new step's heading, so keyboard and screen-reader users
  // land where sighted users look.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
  }, [index]);

  const material =
    current.kind === 'subject' ? undefined : view.rulePack.materials.find((m) => m.id === current.materialId);
  const title = current.kind === 'subject' ? t('ui.subject.title') : stepTitle(view, current, t);
  const status = stepStatus(view, current);
  const last = index === steps.length - 1;

  return (
    <div className="workspace">
      <Checklist view={view} steps={steps} current={index} onJump={onStep} onBind={onBind} />
      <main className="step" aria-labelledby="step-title">
        <RulePackNotice view={view} onView={onView} />
        <p className="step-count">{t('ui.step.of', { n: index + 1, total: steps.length })}</p>
        <div className="step-head">
          <h1 id="step-title" ref={heading} tabIndex={-1}>
            {title}
          </h1>
          <StatusBadge status={status} />
        </div>
        {current.kind === 'subject' && (
          <>
            <SubjectStep view={view} onView={onView} />
            <SaveAsProfile dir={view.dir} />
          </>
        )}
        {current.kind === 'securityLog' && material && (
          <SecurityLogStep view={view} material={material} onView={onView} />
        )}
        {current.kind === 'material' && material && (
          <MaterialStep key={material.id} view={view} material={material} onView={onView} />
        )}
        <nav className="step-nav" aria-label={t('ui.step.of', { n: index + 1, total: steps.length })}>
          <button type="button" disabled={index === 0} onClick={() => onStep(index - 1)}>
            <span aria-hidden="true">←</span> {t('ui.step.prev')}
          </button>
          {last ? (
            <button type="button" className="primary" onClick={onBind}>
              {t('ui.step.toBind')} <span aria-hidden="true">→</span>
            </button>
          ) : (
            <button type="button" className="primary" onClick={() => onStep(index + 1)}>
              {t('ui.step.next')} <span aria-hidden="true">→</span>
            </button>
          )}
        </nav>
      </main>
    </div>
  );
}

/** "Create a company profile from this project": the subject's details and its reusable documents. */
function SaveAsProfile({ dir }: { dir: string }) {
  const t = useT();
  const run = useRun();
  const [saved, setSaved] = useState('');
  const save = async () => {
    const profile = await run(() => call('profiles:fromProject', { dir }));
    if (profile) setSaved(t('ui.profiles.fromProjectDone', { name: profile.name, count: profile.library.length }));
  };
  return (
    <div className="save-profile">
      <button type="button" onClick={() => void save()}>
        {t('ui.profiles.fromProject')}
      </button>
      <p role="status" className="status-line">
        {saved}
      </p>
    </div>
  );
}
