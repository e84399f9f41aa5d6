/**
 * A folder that could not be opened as a project, said in plain words with the button that fixes it:
 * not a project yet → 在此文件夹新建项目; a damaged record → 从备份恢复 (the record as it was before
 * the last change, kept by every change). The error's technical detail (file name, JSON position) is
 * for the command line; here the user reads what happened and what to press.
 */
import { ApiError } from '../lib/api-error';
import type { ProjectView } from '../../../shared/ipc';
import { call } from '../lib/api';
import { useT } from '../lib/i18n';
import { useRun } from '../lib/run';

export type OpenFailure = { dir: string; kind: 'notProject' | 'damaged' };

const KINDS: Record<string, OpenFailure['kind']> = {
  'project.notFound': 'notProject',
  'project.corrupt': 'damaged',
  'project.invalid': 'damaged',
};

/** The failure this error is, when it is one the user fixes here with a button. */
export function openFailureOf(error: unknown, dir: string): OpenFailure | null {
  const kind = error instanceof ApiError ? KINDS[error.code] : undefined;
  return kind ? { dir, kind } : null;
}

type Props = { failure: OpenFailure; onCreateHere: () => void; onOpen: (view: ProjectView) => void };

export function OpenProblem({ failure, onCreateHere, onOpen }: Props) {
  const t = useT();
  const run = useRun();
  const restore = async () => {
    const view = await run(() => call('project:restore', { dir: failure.dir }));
    if (view) onOpen(view);
  };
  return (
    <div className="open-problem problem problem-warning" role="alert" data-testid="open-problem">
      <p>{t(failure.kind === 'notProject' ? 'ui.open.notProject' : 'ui.open.damaged', { dir: failure.dir })}</p>
      {failure.kind === 'notProject' ? (
        <button type="button" className="primary" onClick={onCreateHere}>
          {t('ui.open.createHere')}
        </button>
      ) : (
        <button type="button" className="primary" onClick={() => void restore()}>
          {t('ui.open.restore')}
        </button>
      )}
    </div>
  );
}
