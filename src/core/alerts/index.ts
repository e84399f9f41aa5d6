/**
 * 三色预警: which documents and licences run out soon, across projects. A pure function of the
 * projects, their rule packs and today.
 *
 * Levels (no official standard exists; the product brief asked for 红 = 30 days ahead, 黄 = a problem
 * to handle, 蓝 = fine, checked quarterly — docs/domain/licences.md; shown green, the colour a
 * clerk reads as 正常 next to red and yellow). We derive the red line from the rule pack
 * so it matches the statute for each licence instead of one fixed 30 days:
 * - red: expired, or inside the window — a material's `expires.minDaysLeft` (the check refuses it
 *   then, e.g. 证件剩余有效期须大于 3 个月 → 90) or a licence's `validity.renewBeforeDays` (届满前
 *   30 / 90 日 / 6 个月 提出延续).
 * - yellow: within YELLOW_MARGIN_DAYS before the red line. Two months, because a renewal packet
 *   needs documents that take weeks to obtain (审计报告, 社保证明, new ID cards), and because a
 *   quarterly self-check (the brief's 蓝) would otherwise miss items that turn red before the next one.
 * - green: fine.
 */
import { packText } from '../model/rules/text';
import { addMonths, dayNumber } from '../model/dates';
import type { ProjectDoc } from '../model/schemas/project';
import { conditionHolds } from '../model/rules/applicability';
import { readFieldValues } from '../model/fields/normalise';
import type { RulePack } from '../model/schemas/rules';
import type { Alert, AlertLevel } from '../model/schemas/alerts';

export * from '../model/schemas/alerts';

export const YELLOW_MARGIN_DAYS = 60;
/** A licence pack without `renewBeforeDays`, or a dated material without `expires`: the brief's 30 days. */
export const DEFAULT_WINDOW_DAYS = 30;
/** Field ids a rule pack may use for the current licence's expiry (e.g. a renewal pack). */
export const LICENCE_EXPIRY_FIELDS = ['licence_valid_until', 'licence_expires_on'] as const;

export interface AlertInput {
  dir: string;
  doc: ProjectDoc;
  rulePack: RulePack;
}

const RANK: Record<AlertLevel, number> = { red: 0, yellow: 1, green: 2 };

/**
 * The level for `daysLeft` against a red line: red below `redBelow` days, yellow within the margin
 * above it, green otherwise.
 */
export function alertLevel(daysLeft: number, redBelow: number): AlertLevel {
  if (daysLeft < 0 || daysLeft < redBelow) return 'red';
  if (daysLeft < redBelow + YELLOW_MARGIN_DAYS) return 'yellow';
  return 'green';
}

/** The licence's expiry date: entered, or granted + validity years, or a pack field for it. */
export function licenceExpiry(doc: ProjectDoc, pack: RulePack): string | undefined {
  const entered = doc.licence?.validUntil;
  if (entered && dayNumber(entered) !== null) return entered;
  const granted = doc.licence?.grantedOn;
  const years = pack.validity?.years;
  if (granted && years && dayNumber(granted) !== null) {
    // 有效期 N 年 ends the day before the anniversary (granted 2023-03-01 for 3 years → 2026-02-28).
    const anniversary = addMonths(granted, Math.round(years * 12));
    const day = anniversary ? dayNumber(anniversary) : null;
    if (day !== null) return new Date((day - 1) * 86_400_000).toISOString().slice(0, 10);
  }
  for (const id of LICENCE_EXPIRY_FIELDS) {
    const value = doc.fields[id];
    if (typeof value === 'string' && dayNumber(value) !== null) return value;
  }
  return undefined;
}

/**
 * Every dated material and licence of `projects`, most urgent first; each titled in `locale` (the
 * pack's English for en, `packText`).
 */
export function expiryAlerts(projects: AlertInput[], today: string, locale = 'zh-CN'): Alert[] {
  const todayNumber = dayNumber(today);
  if (todayNumber === null) throw new Error(`today is not a date: ${today}`);
  const alerts: Alert[] = [];

  for (const { dir, doc, rulePack } of projects) {
    const base = { projectDir: dir, projectName: doc.name, rulePackId: rulePack.id };
    const push = (
      subject: Alert['subject'],
      title: string,
      date: string,
      windowDays: number,
      redBelow: number,
      materialId?: string,
    ) => {
      const daysLeft = dayNumber(date)! - todayNumber;
      const level = alertLevel(daysLeft, redBelow);
      alerts.push({
        ...base,
        level,
        subject,
        materialId,
        title,
        date,
        daysLeft,
        windowDays,
      });
    };

    for (const material of rulePack.materials) {
      const date = doc.materials[material.id]?.validUntil;
      // "长期" (no expiry) and unfinished input are not dates: nothing to warn about.
      if (!date || dayNumber(date) === null) continue;
      // Read like the check does (an old project's true/false answer to a 是/否 question).
      if (!conditionHolds(material.when, readFieldValues(rulePack.fields, doc.fields))) continue;
      const window = material.expires?.minDaysLeft ?? DEFAULT_WINDOW_DAYS;
      // The check refuses fewer than minDaysLeft days, so the red line is exactly that.
      push('material', packText(material, 'title', locale), date, window, window, material.id);
    }

    const expiry = licenceExpiry(doc, rulePack);
    if (expiry) {
      const window = rulePack.validity?.renewBeforeDays ?? DEFAULT_WINDOW_DAYS;
      // 届满前 N 日提出: day N before expiry is the last day to apply, so it is already red.
      push(
        'licence',
        packText(rulePack, 'shortTitle', locale) ?? packText(rulePack, 'title', locale),
        expiry,
        window,
        window + 1,
      );
    }
  }

  return alerts.sort(
    (a, b) =>
      RANK[a.level] - RANK[b.level] ||
      a.daysLeft - b.daysLeft ||
      a.projectName.localeCompare(b.projectName) ||
      a.title.localeCompare(b.title),
  );
}
