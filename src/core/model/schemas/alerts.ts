/** The 三色预警 dashboard's data: a granted licence's dates (kept in the project) and the alerts. */
import { z } from 'zod';

/** The licence once granted: the dashboard warns before it runs out. All optional while applying. */
export const GrantedLicenceSchema = z
  .object({
    number: z.string().max(200).optional(),
    /** YYYY-MM-DD */
    grantedOn: z.string().max(10).optional(),
    /** YYYY-MM-DD; when absent, grantedOn + the pack's `validity.years`. */
    validUntil: z.string().max(10).optional(),
  })
  .loose();
export type GrantedLicence = z.infer<typeof GrantedLicenceSchema>;

export const AlertLevelSchema = z.enum(['red', 'yellow', 'green']);
export type AlertLevel = z.infer<typeof AlertLevelSchema>;

export const AlertSchema = z.object({
  level: AlertLevelSchema,
  projectDir: z.string(),
  projectName: z.string(),
  rulePackId: z.string(),
  /** `material`: a document in the project (营业执照, 身份证 …); `licence`: the granted licence itself. */
  subject: z.enum(['material', 'licence']),
  materialId: z.string().optional(),
  /** The material's title, or the licence's (pack) title. */
  title: z.string(),
  /** The expiry date, YYYY-MM-DD. */
  date: z.string(),
  /** Negative once expired. */
  daysLeft: z.number().int(),
  /** The window that turns the alert red: the material's minDaysLeft or the pack's renewBeforeDays. */
  windowDays: z.number().int().nonnegative(),
});
export type Alert = z.infer<typeof AlertSchema>;

/** A recent project whose dates could not be read or checked (its rule pack is broken, say), and why. */
export const UncheckedProjectSchema = z.object({
  projectDir: z.string(),
  projectName: z.string(),
  /** One line in the user's language: what went wrong and what to do. */
  reason: z.string(),
});
export type UncheckedProject = z.infer<typeof UncheckedProjectSchema>;

/** What the dashboard shows: the alerts, and the projects it could not check (never silently left out). */
export const AlertListSchema = z.object({
  alerts: z.array(AlertSchema),
  unchecked: z.array(UncheckedProjectSchema),
});
export type AlertList = z.infer<typeof AlertListSchema>;
