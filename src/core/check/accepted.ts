/**
 * Warnings the clerk accepted (已查看，仍使用, `MaterialEntry.accepted`): one that still matches leaves
 * the material's open problems for its `accepted` list, so a material whose only warnings are accepted
 * is `ok`. A match is the problem's code and what it is about: the file's content for a file's problem,
 * else its values; a new photo or a new date is a new thing, and its warning shows again.
 */
import { isAcceptable, type MaterialResult, type Problem } from '../model/schemas/check-report';
import type { AcceptedWarning, MaterialEntry } from '../model/schemas/project';

/**
 * What a warning is about, as stored with its acceptance: the content of the file it names (its
 * `sha256` param: two photos may share a name), else its text values (dates, entered and read values,
 * names) and the material's files — not its numbers, which are counts and days left that move with
 * today while the thing itself stays the same. Adding, replacing or re-paging a file is a new thing.
 */
export function warningAbout(problem: Problem, entry: MaterialEntry | undefined): string {
  const { sha256 } = problem.params;
  if (typeof sha256 === 'string') return sha256;
  const texts = Object.keys(problem.params)
    .sort()
    .flatMap((key) => {
      const value = problem.params[key];
      return typeof value === 'string' || Array.isArray(value) ? [[key, value]] : [];
    });
  const files = (entry?.files ?? []).map((f) => [f.sha256, f.pageOrder ?? null]);
  return JSON.stringify(files.length > 0 ? { texts, files } : texts);
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
