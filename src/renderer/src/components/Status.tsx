/** A status shown by icon AND text (never colour alone). */
import type { MaterialStatus } from '../../../core/check/report';
import { useT } from '../i18n';

/** What the UI shows: the report's statuses, plus `optional` for an applicable item nobody must supply. */
export type DisplayStatus = MaterialStatus | 'optional';

const ICONS: Record<DisplayStatus, string> = {
  ok: '✓',
  missing: '○',
  invalid: '✕',
  warning: '!',
  unconfirmed: '☐',
  'not-required': '–',
  optional: '◇',
};

export function StatusBadge({ status }: { status: DisplayStatus }) {
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
const URGENCY: DisplayStatus[] = ['invalid', 'missing', 'unconfirmed', 'warning', 'ok', 'optional', 'not-required'];
export function worstStatus(statuses: DisplayStatus[]): DisplayStatus {
  for (const status of URGENCY) if (statuses.includes(status)) return status;
  return 'ok';
}
