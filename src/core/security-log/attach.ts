/** Saving the log in a project, and attaching the rendered timeline to its material. */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { Locale } from '../../i18n';
import { UserError } from '../errors';
import type { RulePack } from '../model/schemas/rules';
import { materialEntry, storeInVault, updateProject, vaultPath, type Project } from '../project/store';
import { checkSecurityLog } from '../model/security-log/check';
import { chartCompany, securityLogFingerprint } from './chart';
import {
  CHART_FILE_PREFIX,
  isGeneratedChartName,
  SecurityLogEntrySchema,
  sortChronologically,
  timelineMaterial,
  type SecurityLogEntryInput,
} from '../model/schemas/security-log';
import { renderSecurityTimeline } from './timeline';

/** Replace the project's log with `entries`, in date order (new entries get ids). */
export function setSecurityLog(dir: string, entries: SecurityLogEntryInput[], now?: () => Date): Promise<Project> {
  const parsed = sortChronologically(entries.map((e) => SecurityLogEntrySchema.parse(e)));
  return updateProject(
    dir,
    (doc) => {
      doc.securityLog = parsed;
    },
    now,
  );
}

/**
 * Render the project's log and attach it to the pack's timeline material (`timelineMaterial`), replacing the chart
 * attached last time (recognised by its file name) so re-rendering never piles up copies, and record what it was
 * drawn from (`securityLogChart`). Refused while an entry is unfinished or wrong: the packet must not carry a
 * chart of a log that fails its own check.
 */
export async function attachSecurityTimeline(
  dir: string,
  pack: RulePack,
  options: { today: string; locale?: Locale; now?: () => Date; fontFile?: string },
): Promise<Project> {
  const materialId = timelineMaterial(pack);
  if (!materialId) throw new UserError('securityLog.noMaterial', { pack: pack.title });
  const now = options.now ?? (() => new Date());
  const locale = options.locale ?? 'zh-CN';
  const name = `${CHART_FILE_PREFIX[locale]}-${options.today}.pdf`;
  let orphans: string[] = [];
  const project = await updateProject(
    dir,
    async (current, projectDir) => {
      // Checked and rendered inside the update, so the chart shows exactly the log saved with it.
      const log = current.securityLog ?? [];
      const blocking = checkSecurityLog(log, options.today).find((p) => p.severity === 'error');
      if (blocking) throw new UserError('securityLog.notReady', { index: blocking.subject?.entry ?? 1 });
      const company = chartCompany(current.fields);
      const bytes = await renderSecurityTimeline(log, {
        today: options.today,
        company,
        locale,
        fontFile: options.fontFile,
      });
      const sha256 = await storeInVault(projectDir, bytes);
      const entry = materialEntry(current, materialId);
      const previous = entry.files.filter((f) => isGeneratedChartName(f.name));
      entry.files = entry.files.filter((f) => !previous.includes(f));
      const file = randomUUID();
      current.securityLogChart = { file, fingerprint: securityLogFingerprint(log, company) };
      entry.files.push({
        id: file,
        sha256,
        name,
        size: bytes.byteLength,
        mediaType: 'application/pdf',
        addedAt: now().toISOString(),
        pages: 1,
        rotate: 0,
      });
      const used = new Set(Object.values(current.materials).flatMap((m) => m.files.map((f) => f.sha256)));
      orphans = previous.map((f) => f.sha256).filter((s) => !used.has(s));
    },
    now,
  );
  for (const sha256 of orphans) await rm(vaultPath(project.dir, sha256), { force: true });
  return project;
}
