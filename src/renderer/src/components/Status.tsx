/** A status shown by icon AND text (never colour alone). */
import type { DisplayStatus } from '../lib/status';
import { useT } from '../lib/i18n';

export type { DisplayStatus } from '../lib/status';

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
