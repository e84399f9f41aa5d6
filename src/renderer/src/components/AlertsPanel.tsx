/**
 * 三色预警: documents and licences of the recent projects that run out soon. Each alert names the
 * project and the document, shows its level by icon and word (never colour alone), and opens that
 * project at that material. Projects that could not be checked are listed with the reason, so an
 * empty panel never hides a broken rule pack.
 */
import { useEffect, useState } from 'react';
import type { AlertLevel, AlertList } from '../../../core/model/schemas/alerts';
import { call } from '../lib/api';
import { describeAlert } from '../../../i18n/alerts';
import { useLocale, useT } from '../lib/i18n';
import { useRun } from '../lib/run';

const ICONS: Record<AlertLevel, string> = { red: '✕', yellow: '!', green: '✓' };

type Props = { onOpenAt: (dir: string, materialId?: string) => void };

export function AlertsPanel({ onOpenAt }: Props) {
  const t = useT();
  const locale = useLocale();
  const run = useRun();
  const [listed, setListed] = useState<AlertList | null>(null);
  const alerts = listed?.alerts ?? null;
  const unchecked = listed?.unchecked ?? [];

  useEffect(() => {
    void run(async () => setListed(await call('alerts:list', {})));
  }, [run]);

  const counts = (['red', 'yellow', 'green'] as const).map((level) => ({
    level,
    count: (alerts ?? []).filter((a) => a.level === level).length,
  }));

  return (
    <section className="card alerts" aria-labelledby="alerts-title">
      <div className="alerts-head">
        <h2 id="alerts-title">{t('ui.alerts.title')}</h2>
        {alerts && alerts.length > 0 && (
          <p className="alert-counts">
            {counts.map(({ level, count }) => (
              <span key={level} className={`alert-level level-${level}`}>
                <span aria-hidden="true">{ICONS[level]}</span> {t(`alerts.level.${level}`)} {count}
              </span>
            ))}
          </p>
        )}
      </div>
      <p className="help-text">{t('ui.alerts.intro')}</p>
      {unchecked.length > 0 && (
        // The check's own warning style: these need the user's hand like any other warning.
        <div className="alerts-unchecked">
          <p className="problem problem-warning">
            <span className="problem-icon" aria-hidden="true">
              {ICONS.yellow}
            </span>
            <strong>{t('alerts.unchecked.title')}</strong>
          </p>
          <ul className="problems">
            {unchecked.map((project) => (
              <li key={project.projectDir} className="problem problem-warning">
                {t('alerts.unchecked.item', {
                  project: project.projectName,
                  dir: project.projectDir,
                  reason: project.reason,
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {alerts === null ? (
        <p role="status">{t('ui.loading')}</p>
      ) : alerts.length === 0 ? (
        <p className="empty-note">{t(unchecked.length > 0 ? 'alerts.unchecked.othersEmpty' : 'ui.alerts.empty')}</p>
      ) : (
        <ul className="alert-list" aria-label={t('ui.alerts.listLabel')}>
          {alerts.map((alert) => (
            <li
              key={`${alert.projectDir}|${alert.subject}|${alert.materialId ?? ''}`}
              className={`alert-item level-${alert.level}`}
            >
              <span className={`alert-level level-${alert.level}`}>
                <span aria-hidden="true">{ICONS[alert.level]}</span> {t(`alerts.level.${alert.level}`)}
              </span>
              <span className="alert-body">
                <span className="alert-what">
                  <strong>{alert.title}</strong> · {alert.projectName}
                </span>
                <span className="alert-message">{describeAlert(alert, locale)}</span>
              </span>
              <span className="alert-days">
                {/* Fine: the date it runs to reads at a glance; a count of days matters only when it is near. */}
                {alert.daysLeft < 0
                  ? t('ui.alerts.expired', { days: -alert.daysLeft })
                  : alert.level === 'green'
                    ? t('ui.alerts.validUntil', { date: alert.date })
                    : t('ui.alerts.daysLeft', { days: alert.daysLeft })}
              </span>
              <button
                type="button"
                className="link"
                onClick={() => onOpenAt(alert.projectDir, alert.materialId)}
                aria-label={t(alert.level === 'green' ? 'ui.alerts.view' : 'ui.alerts.open', {
                  title: alert.title,
                  project: alert.projectName,
                })}
              >
                {t(alert.level === 'green' ? 'ui.alerts.viewShort' : 'ui.alerts.openShort')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
