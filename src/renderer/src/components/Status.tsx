/**
 * A status shown by icon AND text (never colour alone): one of three states (完成 / 待处理 / 有问题)
 * in the icon, colour and first word, then what exactly is left where the state alone does not say
 * it (待处理 · 缺少). `StatusLegend` says what the three mean, wherever badges are shown.
 */
import { STATES, stateOf, type DisplayStatus, type State } from '../lib/status';
import { useT } from '../lib/i18n';

export type { DisplayStatus } from '../lib/status';

const STATE_ICONS: Record<State, string> = { done: '✓', todo: '○', problem: '✕' };
const OTHER_ICONS: Partial<Record<DisplayStatus, string>> = { 'not-required': '–', optional: '◇' };
/** The statuses whose own word adds to their state's: 待处理 · 缺少 / 待完成 / 需注意. */
const DETAILED = new Set<DisplayStatus>(['missing', 'unconfirmed', 'warning']);

export function StatusBadge({ status }: { status: DisplayStatus }) {
  const t = useT();
  const state = stateOf(status);
  return (
    <span className={`status status-${status}${state ? ` state-${state}` : ''}`}>
      <span className="status-icon" aria-hidden="true">
        {state ? STATE_ICONS[state] : OTHER_ICONS[status]}
      </span>
      <span className="status-text">{state ? t(`ui.state.${state}`) : t(`ui.status.${status}`)}</span>
      {DETAILED.has(status) && <span className="status-detail">{t(`ui.status.${status}`)}</span>}
    </span>
  );
}

/** A state alone (a summary of several items: the worst of them). */
export function StateBadge({ state }: { state: State }) {
  const t = useT();
  return (
    <span className={`status state-${state}`}>
      <span className="status-icon" aria-hidden="true">
        {STATE_ICONS[state]}
      </span>
      <span className="status-text">{t(`ui.state.${state}`)}</span>
    </span>
  );
}

/** What the three states mean, in one line. */
export function StatusLegend() {
  const t = useT();
  return (
    <div role="group" aria-label={t('ui.state.legend')}>
      <dl className="status-legend">
        {STATES.map((state) => (
          <div key={state}>
            <dt>
              <StateBadge state={state} />
            </dt>
            <dd>{t(`ui.state.${state}.means`)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
