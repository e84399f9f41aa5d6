/**
 * What the photo checks found (`scans/<sha256>.json`, passed in by the workspace) as problems on
 * the material, and the confirmations they answer: "四角完整…" is ticked for the user when every
 * file is a photo found whole in the frame and free of glare, unless the user unticked it.
 */
import { makeProblem, type Problem } from '../model/schemas/check-report';
import { isScanTarget, scanFlaws, type Scans } from '../model/scan/result';
import type { MaterialEntry } from '../model/schemas/project';
import type { MaterialRule } from '../model/schemas/rules';

/** A confirmation the photo check can answer: that all four corners are there (四角完整). */
export const answersByScan = (what: string) => what.includes('四角');

/** `image.<flaw>` warnings, one per flaw of each photo; they advise and never block binding. */
export function scanProblems(entry: MaterialEntry | undefined, scans: Scans): Problem[] {
  return (entry?.files ?? []).flatMap((file) => {
    const result = scans[file.sha256];
    if (!result) return [];
    return scanFlaws(result, file.scan).map((flaw) =>
      makeProblem(`image.${flaw}`, 'warning', { file: file.name, sha256: file.sha256 }),
    );
  });
}

/** The rule's confirmations ticked by the photo check for this material. */
export function scanConfirmations(rule: MaterialRule, entry: MaterialEntry | undefined, scans: Scans): string[] {
  const files = entry?.files ?? [];
  const sound =
    files.length > 0 &&
    files.every((file) => {
      const result = scans[file.sha256];
      if (!isScanTarget(file, true) || !result || result.reason) return false;
      const flaws = scanFlaws(result, file.scan);
      return !flaws.includes('cropped') && !flaws.includes('glare');
    });
  if (!sound) return [];
  const declined = new Set(entry?.declined ?? []);
  return (rule.confirm ?? []).filter((what) => answersByScan(what) && !declined.has(what));
}
