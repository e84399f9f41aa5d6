/**
 * Checking the security-update log before it goes into a packet. Reviewers read it as an evidence
 * chain (发现问题 → 响应 → 整改 → 效果, docs/domain/security-log.md): an undated, future-dated or unsigned entry breaks
 * that chain, so those are errors; an entry older than six months still counts but is not what
 * reviewers look for ("半年内的重大安全补丁"), so it is a warning. A row not filled in yet (no date,
 * text, person or signature) is an error too, but of the "not finished" kind (`UNFINISHED_CODES`):
 * shown as a to-do, not in red; a future or impossible date is wrong, so red.
 */
import { makeProblem, type Problem, type ProblemParams } from '../schemas/check-report';
import { addMonths, dayNumber } from '../dates';
import type { SecurityLogEntry } from '../schemas/security-log';

/** Entries older than this many months draw a warning. */
export const RECENT_MONTHS = 6;

const SHORT = 24;

function short(text: string): string {
  const line = text.trim().split(/\r?\n/)[0] ?? '';
  return line.length > SHORT ? `${line.slice(0, SHORT)}…` : line;
}

/** Problems with the log as of `today` (YYYY-MM-DD). Entries are numbered from 1 in the given order. */
export function checkSecurityLog(entries: SecurityLogEntry[], today: string): Problem[] {
  const problems: Problem[] = [];
  const add = (severity: Problem['severity'], code: string, params: ProblemParams) =>
    problems.push(
      makeProblem(code, severity, params, typeof params.index === 'number' ? { subject: { entry: params.index } } : {}),
    );

  if (entries.length === 0) {
    add('warning', 'securityLog.empty', {});
    return problems;
  }
  const todayNumber = dayNumber(today);
  const oldestRecent = dayNumber(addMonths(today, -RECENT_MONTHS) ?? today);

  entries.forEach((entry, i) => {
    const index = i + 1;
    const date = entry.date.trim();
    const day = date ? dayNumber(date) : null;
    // "（2026-09-01 后台弱口令）" names the row; left out when there is nothing to name it by.
    const named = (...parts: string[]) => {
      const detail = parts.filter(Boolean).join(' ');
      return { index, date, about: detail ? { key: 'securityLog.about', params: { detail } } : '' };
    };
    if (!date) add('error', 'securityLog.undated', named(short(entry.problem)));
    else if (day === null) add('error', 'securityLog.badDate', { index, date });
    else if (todayNumber !== null && day > todayNumber) add('error', 'securityLog.future', { index, date, today });

    if (!entry.problem.trim() || !entry.fix.trim()) add('error', 'securityLog.incomplete', named(date));
    if (!entry.responsible.trim()) add('error', 'securityLog.noResponsible', named(date));
    if (!entry.signed) add('error', 'securityLog.unsigned', named(date, short(entry.problem)));

    if (day !== null && oldestRecent !== null && day < oldestRecent) add('warning', 'securityLog.old', { index, date });
  });
  return problems;
}
