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

/**
 * The three states a clerk reads at a glance (完成 / 待处理 / 有问题), each status in one of them:
 * finished; something left to do (add, tick, date, look at a note); something wrong to fix. An item
 * nobody must supply (optional, not required) is in none, so it never makes a summary look unfinished.
 */
export type State = 'done' | 'todo' | 'problem';
export const STATES: readonly State[] = ['done', 'todo', 'problem'];

export function stateOf(status: DisplayStatus): State | null {
  switch (status) {
    case 'ok':
      return 'done';
    case 'invalid':
      return 'problem';
    case 'missing':
    case 'unconfirmed':
    case 'warning':
      return 'todo';
    default:
      return null;
  }
}

/** The summary of several items: the worst state among them (有问题 before 待处理 before 完成). */
export function worstState(statuses: DisplayStatus[]): State {
  const states = statuses.map(stateOf);
  if (states.includes('problem')) return 'problem';
  if (states.includes('todo')) return 'todo';
  return 'done';
}
