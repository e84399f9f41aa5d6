/**
 * One entry of the security-update log (网络安全演进图): what was found, what was done, what it
 * achieved, who answers for it, and whether that person signed it. Reviewers read a signed log as
 * evidence of a working security process (docs/domain/security-log.md), so an unsigned entry is an error, not a detail.
 */
import { z } from 'zod';
import { dayNumber } from '../dates';

export const SecurityLogEntrySchema = z
  .object({
    /** Filled in when the UI sends a new entry without one. */
    id: z
      .string()
      .min(1)
      .default(() => globalThis.crypto.randomUUID()),
    /** YYYY-MM-DD; empty while the user has not entered it (the check reports that). */
    date: z.string().max(10).default(''),
    problem: z.string().max(2000).default(''),
    fix: z.string().max(2000).default(''),
    effect: z.string().max(2000).default(''),
    responsible: z.string().max(200).default(''),
    signed: z.boolean().default(false),
  })
  .loose();
export type SecurityLogEntry = z.infer<typeof SecurityLogEntrySchema>;
export type SecurityLogEntryInput = z.input<typeof SecurityLogEntrySchema>;

/**
 * Material ids the rendered timeline is attached to, first match wins. `security-timeline` is the
 * well-known id: any pack, built-in or a user's, that has a material with it gets the log editor and
 * the chart (the 等保 packs do). `security-update-log` is the news-licence pack's older name, kept so
 * projects that already hold files under it still find them.
 */
export const SECURITY_TIMELINE_MATERIALS = ['security-timeline', 'security-update-log'] as const;

/** The id of the pack's material for the timeline, if it has one. Pure; safe in the renderer. */
export function timelineMaterial(pack: { materials: readonly { id: string }[] }): string | undefined {
  return SECURITY_TIMELINE_MATERIALS.find((id) => pack.materials.some((m) => m.id === id));
}

/**
 * The entries in date order, undated or malformed ones last (stable otherwise). The log is stored in
 * this order so that "第 3 条" in a check message and "#3" on the chart are the same entry.
 */
export function sortChronologically<T extends { date: string }>(entries: readonly T[]): T[] {
  const key = (e: T) => dayNumber(e.date) ?? Infinity;
  return entries
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => key(a.entry) - key(b.entry) || a.i - b.i)
    .map(({ entry }) => entry);
}

/**
 * What the attached chart was drawn from: its file (a FileRef id in the timeline material) and a
 * fingerprint of the log then (`securityLogFingerprint`), so a later edit marks the chart outdated.
 */
export const SecurityLogChartSchema = z.object({ file: z.string().min(1), fingerprint: z.string() }).loose();
export type SecurityLogChart = z.infer<typeof SecurityLogChartSchema>;

/** The check's code for a chart drawn from an older log (a warning on the timeline material). */
export const CHART_OUTDATED = 'securityLog.chartOutdated';

/** "网络安全演进图-2026-11-23.pdf" (or the English name): a chart this app rendered and attached. */
export function isGeneratedChartName(name: string): boolean {
  return Object.values(CHART_FILE_PREFIX).some(
    (prefix) => name.startsWith(`${prefix}-`) && /^-\d{4}-\d{2}-\d{2}\.pdf$/.test(name.slice(prefix.length)),
  );
}

/**
 * The start of a generated chart's file name, per UI language: a file name is data the project
 * keeps (and recognises later), so it lives here rather than in a catalog.
 */
export const CHART_FILE_PREFIX = { 'zh-CN': '网络安全演进图', en: 'security-timeline' } as const;

type FileLike = { id: string; name: string };
type DocLike<F extends FileLike> = {
  materials: Record<string, { files: F[] } | undefined>;
  securityLogChart?: SecurityLogChart;
};

/**
 * The generated chart attached to the material: the recorded one while it is still there, else (a
 * project from before the record) the last file named like a generated chart. Pure; safe in the renderer.
 */
export function generatedChart<F extends FileLike>(doc: DocLike<F>, materialId: string): F | undefined {
  const files = doc.materials[materialId]?.files ?? [];
  const recorded = doc.securityLogChart && files.find((f) => f.id === doc.securityLogChart?.file);
  return recorded ?? files.filter((f) => isGeneratedChartName(f.name)).pop();
}
