/**
 * What a page-number or watermark template turns into, filled in by the binder's own functions: the
 * bind screen shows it for the project, the settings screen for an example. Passed to
 * TextSettingField's `preview`, so it follows the text as it is typed.
 */
import type { ReactNode } from 'react';
import { footerText } from '../../../core/model/packet/stamp-text';
import { useT } from '../lib/i18n';

/** The page count a page-number preview uses when no packet gives a real one. */
export const SAMPLE_TOTAL = 10;

export function Preview({ label, text }: { label: string; text: string }) {
  return (
    <span className="preview-line">
      {label} <span className="preview-sample">{text}</span>
    </span>
  );
}

/** Page 1 of `total` in `format` (or `fallback` while the field is empty). */
export function PageNumberPreview({ format, fallback, total }: { format: string; fallback: string; total: number }) {
  const t = useT();
  return <Preview label={t('ui.bind.pageNumberPreview', { total })} text={footerText(format || fallback, 1, total)} />;
}

/** A filled-in watermark, and optionally where it goes. */
export function WatermarkPreview({ label, text, where }: { label?: string; text: string; where?: ReactNode }) {
  const t = useT();
  return (
    <>
      <Preview label={label ?? t('ui.bind.previewLabel')} text={text} />
      {where && <span className="preview-where">{where}</span>}
    </>
  );
}
