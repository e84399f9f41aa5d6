/** Small display formatters shared by the screens. */
import type { Translate } from '../../../i18n';

export function formatSize(bytes: number, t: Translate): string {
  if (bytes < 1024 * 1024) return t('ui.size.kb', { value: Math.max(1, Math.round(bytes / 1024)) });
  return t('ui.size.mb', { value: (bytes / (1024 * 1024)).toFixed(1) });
}

/** `2026-11-23T16:44:53Z` → `2026-11-23 16:44` in local time; unparseable input is shown as is. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function basename(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? path;
}
