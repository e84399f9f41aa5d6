/** Recording the granted licence (number, dates) in a project, for the expiry dashboard. */
import { UserError } from '../errors';
import { dayNumber } from '../model/dates';
import { updateProject, type Project } from '../project/store';
import type { GrantedLicence } from '../model/schemas/alerts';

/** Set (a string) or clear (null) the granted licence's number and dates; undefined leaves a value as it is. */
export function setGrantedLicence(
  dir: string,
  change: { [K in keyof GrantedLicence]?: string | null },
  now?: () => Date,
): Promise<Project> {
  for (const value of [change.grantedOn, change.validUntil]) {
    if (value && dayNumber(value) === null) throw new UserError('project.badDate', { value });
  }
  return updateProject(
    dir,
    (doc) => {
      const next: GrantedLicence = { ...doc.licence };
      for (const key of ['number', 'grantedOn', 'validUntil'] as const) {
        const value = change[key];
        if (value === undefined) continue;
        if (value === null || value.trim() === '') delete next[key];
        else next[key] = value.trim();
      }
      doc.licence = Object.keys(next).length ? next : undefined;
    },
    now,
  );
}
