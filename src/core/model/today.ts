/**
 * Today's date as YYYY-MM-DD in local time: what a user means by "today" (in China, UTC's date is
 * yesterday's until 08:00). The one "today" of the app: the checklist, field validators, the CLI and
 * the handlers all default to it; callers that need reproducible results pass `today` explicitly.
 */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
