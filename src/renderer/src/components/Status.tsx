/** A status shown by icon AND text (never colour alone). */
import type { MaterialStatus } from '../../../core/check/report';
import { useT } from '../i18n';

const ICONS: Record<MaterialStatus, string> = {
  ok: '✓',
  missing: '○',
  invalid: '✕',
  warning: '!',
  unconfirmed: '☐',
  'not-required': '–',
};

export function StatusBadge({ status }: { status: MaterialStatus }) {
  const t = useT();
  return (
    <span className={`status status-${status}`}>
      <span className="status-icon" aria-hidden="true">
        {ICONS[status]}
      </span>
      <span className="status-text">{t(`ui.status.${status}`)}</span>
    </span>
  );
}

/** The summary status of several items: the most urgent one wins. */
const URGENCY: MaterialStatus[] = ['invalid', 'missing', 'unconfirmed', 'warning', 'ok', 'not-required'];
export function worstStatus(statuses: MaterialStatus[]): MaterialStatus {
  for (const status of URGENCY) if (statuses.includes(status)) return status;
  return 'ok';
}
