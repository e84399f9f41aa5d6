/**
 * One entry of the security-update log (网络安全演进图): what was found, what was done, what it
 * achieved, who answers for it, and whether that person signed it. Reviewers read a signed log as
 * evidence of a working security process (seed 000), so an unsigned entry is an error, not a detail.
 */
import { z } from 'zod';
import { dayNumber } from '../fields/dates';

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
  .strict();
export type SecurityLogEntry = z.infer<typeof SecurityLogEntrySchema>;
export type SecurityLogEntryInput = z.input<typeof SecurityLogEntrySchema>;

/**
 * Rule ids of the material the rendered timeline is attached to, first match wins: the agreed
 * `security-timeline`, and `security-update-log` as the news-licence pack names it.
 */
export const SECURITY_TIMELINE_MATERIALS = ['security-timeline', 'security-update-log'] as const;

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
