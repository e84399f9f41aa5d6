/**
 * Home's recent projects: each with its licence type and how far it is (read from its folder now),
 * opened with one click; 复制为新项目 for next year's renewal; 移除 forgets it (the folder stays).
 */
import { useEffect, useState } from 'react';
import type { ProjectView, RecentDetail, RecentProject } from '../../../shared/ipc';
import { call } from '../lib/api';
import { useT } from '../lib/i18n';
import { useRun } from '../lib/run';
import { formatDateTime } from '../lib/format';
import { StatusBadge, type DisplayStatus } from './Status';

type Props = {
  recent: RecentProject[];
  onRecent: (recent: RecentProject[]) => void;
  onOpen: (dir: string) => void;
  onCopied: (view: ProjectView) => void;
};

const BADGES: Record<RecentDetail['state'], DisplayStatus> = {
  complete: 'ok',
  todo: 'unconfirmed',
  problem: 'invalid',
  missing: 'not-required',
  broken: 'invalid',
};

export function RecentProjects({ recent, onRecent, onOpen, onCopied }: Props) {
  const t = useT();
  const run = useRun();
  const [details, setDetails] = useState<Record<string, RecentDetail>>({});
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => {
    void run(async () => {
      const list = await call('recent:details', {});
      setDetails(Object.fromEntries(list.map((d) => [d.dir, d])));
    });
  }, [run, recent]);

  const copy = async (project: RecentProject) => {
    setBusy(project.dir);
    const view = await run(() => call('project:copy', { dir: project.dir, files: 'reusable' }));
    setBusy(null);
    if (view) onCopied(view);
  };
  const remove = async (project: RecentProject) => {
    const left = await run(() => call('recent:remove', { dir: project.dir }));
    if (left) onRecent(left);
  };

  return (
    <ul className="recent">
      {recent.map((project) => {
        const detail = details[project.dir];
        const usable = detail && detail.state !== 'missing' && detail.state !== 'broken';
        return (
          <li key={project.dir} className="recent-entry">
            <button type="button" className="recent-item" onClick={() => onOpen(project.dir)}>
              <span className="recent-name">{project.name}</span>
              {detail?.packTitle && <span className="recent-pack">{detail.packTitle}</span>}
              {detail && (
                <span className="recent-state">
                  <StatusBadge status={BADGES[detail.state]} />
                  {usable
                    ? t('ui.home.recentProgress', { done: detail.done, total: detail.total })
                    : detail.state === 'missing'
                      ? t('ui.home.recentMissing')
                      : t('ui.home.recentBroken', { detail: detail.detail ?? '' })}
                </span>
              )}
              <span className="recent-dir">{project.dir}</span>
              <span className="recent-meta">{t('ui.home.openedAt', { date: formatDateTime(project.openedAt) })}</span>
            </button>
            <span className="recent-actions">
              <button
                type="button"
                disabled={!usable || busy !== null}
                aria-label={t('ui.home.copyOf', { name: project.name })}
                title={t('ui.home.copyOf', { name: project.name })}
                onClick={() => void copy(project)}
              >
                {t('ui.home.copy')}
              </button>
              <button
                type="button"
                className="link"
                aria-label={t('ui.home.removeOf', { name: project.name })}
                title={t('ui.home.removeOf', { name: project.name })}
                onClick={() => void remove(project)}
              >
                {t('ui.home.remove')}
              </button>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
