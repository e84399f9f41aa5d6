/**
 * Warnings the clerk accepted (已查看，仍使用, `MaterialEntry.accepted`): one that still matches leaves
 * the material's open problems for its `accepted` list, so a material whose only warnings are accepted
 * is `ok`. A match is the problem's code and what it is about: the file's content for a file's problem,
 * else its values; a new photo or a new date is a new thing, and its warning shows again.
 */
import { isAcceptable, type MaterialResult, type Problem } from '../model/schemas/check-report';
import type { AcceptedWarning, MaterialEntry } from '../model/schemas/project';

/**
 * What a warning is about, as stored with its acceptance: the sha256 of the file it names (`file`),
 * else its text values (dates, entered and read values, names) — not its numbers, which are counts
 * and days left that move with today while the thing itself stays the same.
 */
export function warningAbout(problem: Problem, entry: MaterialEntry | undefined): string {
  const name = problem.params.file;
  const file = typeof name === 'string' ? entry?.files.find((f) => f.name === name) : undefined;
  if (file) return file.sha256;
  const texts = Object.keys(problem.params)
    .sort()
    .flatMap((key) => {
      const value = problem.params[key];
      return typeof value === 'string' || Array.isArray(value) ? [[key, value]] : [];
    });
  return JSON.stringify(texts);
}

export function matchesAcceptance(
  problem: Problem,
  entry: MaterialEntry | undefined,
  record: Pick<AcceptedWarning, 'code' | 'about'>,
): boolean {
  return isAcceptable(problem) && problem.code === record.code && warningAbout(problem, entry) === record.about;
}

/** The result with its still-matching accepted warnings moved to `accepted`; `ok` once none is left open. */
export function withAccepted(result: MaterialResult, entry: MaterialEntry | undefined): MaterialResult {
  const records = entry?.accepted ?? [];
  if (records.length === 0) return result;
  const accepted: Problem[] = [];
  const open: Problem[] = [];
  for (const problem of result.problems) {
    const taken = records.some((record) => matchesAcceptance(problem, entry, record));
    (taken ? accepted : open).push(problem);
  }
  if (accepted.length === 0) return result;
  // Only `warning` can lift: an error, a step to do or a missing file keeps its own status.
  const status = result.status === 'warning' && open.length === 0 ? 'ok' : result.status;
  return { ...result, status, problems: open, accepted };
}
