/** An expiry alert (core reports it as data) as one sentence in the user's language. */
import type { Alert } from '../core/model/schemas/alerts';
import { t, type Locale } from './index';

export function describeAlert(alert: Alert, locale: Locale): string {
  const key =
    alert.daysLeft < 0
      ? 'alerts.expired'
      : alert.level === 'red'
        ? 'alerts.inWindow'
        : alert.level === 'yellow'
          ? 'alerts.approaching'
          : 'alerts.fine';
  const subject = alert.subject === 'licence' ? t(locale, 'alerts.licence', { title: alert.title }) : alert.title;
  return t(locale, key, { subject, date: alert.date, days: Math.abs(alert.daysLeft), window: alert.windowDays });
}
