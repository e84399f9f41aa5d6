/**
 * One entry of the security-update log (网络安全演进图): what was found, what was done, what it
 * achieved, who answers for it, and whether that person signed it. Reviewers read a signed log as
 * evidence of a working security process (seed 000), so an unsigned entry is an error, not a detail.
 */
import { z } from 'zod';

export const SecurityLogEntrySchema = z
  .object({
    /** Filled in when the UI sends a new entry without one. */
    id: z.string().min(1).default(() => globalThis.crypto.randomUUID()),
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
