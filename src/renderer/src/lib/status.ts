/** The statuses the UI shows and how they rank; the badge that draws them is components/Status.tsx. */
import type { MaterialStatus } from '../../../core/model/schemas/check-report';

/** What the UI shows: the report's statuses, plus `optional` for an applicable item nobody must supply. */
export type DisplayStatus = MaterialStatus | 'optional';

/** The summary status of several items: the most urgent one wins. */
const URGENCY: DisplayStatus[] = ['invalid', 'missing', 'unconfirmed', 'warning', 'ok', 'optional', 'not-required'];
export function worstStatus(statuses: DisplayStatus[]): DisplayStatus {
  for (const status of URGENCY) if (statuses.includes(status)) return status;
  return 'ok';
}
