/**
 * The binding options a user may change, each saved to the project at once. They sit before the
 * bind button; folded, they read as one line of the current choices. The page-number and watermark
 * templates show what they turn into, filled in by the binder's own functions.
 */
import { useId, useState } from 'react';
import type { ProjectView } from '../../../shared/ipc';
import type { BindOptions } from '../../../core/bind/options';
import { fillWatermark } from '../../../core/bind/select';
import { footerText } from '../../../core/bind/stamp-text';
import { isMaterialApplicable } from '../../../core/rules/applicability';
import { useT } from '../i18n';
import { DpiField, TextSettingField } from './SettingFields';

type Props = {
  view: ProjectView;
  /** What applies when the project has not set an option: the user's settings. */
  defaults: { dpi: number; pageNumberFormat: string; watermarkText: string };
  /** The page count the page-number preview uses: the last packet's, or an example. */
  sampleTotal: number;
  /** Start unfolded (a project not bound yet: the user has not seen the options). */
  initiallyOpen: boolean;
  disabled: boolean;
  onSave: (options: Partial<BindOptions>) => Promise<void>;
};

export function BindOptionsForm({ view, defaults, sampleTotal, initiallyOpen, disabled, onSave }: Props) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(initiallyOpen);
  const options = view.doc.bindOptions;
  const watermark = options.watermark ?? true;
  const dpi = options.dpi ?? defaults.dpi;
  const pageNumberFormat = options.pageNumberFormat ?? defaults.pageNumberFormat;
  const onOff = (on: boolean) => t(on ? 'ui.bind.summary.on' : 'ui.bind.summary.off');
  // Only materials whose rule asks for it are watermarked (ID cards and the like).
  const marked = view.rulePack.materials.filter((m) => m.watermark && isMaterialApplicable(m, view.doc.fields));

  return (
    <details className="card options" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <span className="options-title">{t('ui.bind.options')}</span>
        {!open && (
          <span className="options-summary">
            {t('ui.bind.summary', {
              dividers: onOff(options.dividers ?? false),
              duplex: onOff(options.duplex ?? false),
              watermark: onOff(watermark),
              dpi,
              pageNumber: footerText(pageNumberFormat, 1, sampleTotal),
            })}
          </span>
        )}
      </summary>
      <fieldset disabled={disabled}>
        <legend className="visually-hidden">{t('ui.bind.options')}</legend>
        {/* Two columns, so the bind button below stays in view: switches left, texts right. */}
        <div className="options-column">
          <label className="choice">
            <input
              type="checkbox"
              checked={options.dividers ?? false}
              onChange={(e) => void onSave({ dividers: e.target.checked })}
            />
            {t('ui.bind.dividers')}
          </label>
          <label className="choice">
            <input
              type="checkbox"
              checked={options.duplex ?? false}
              onChange={(e) => void onSave({ duplex: e.target.checked })}
            />
            {t('ui.bind.duplex')}
          </label>
          <label className="choice">
            <input type="checkbox" checked={watermark} onChange={(e) => void onSave({ watermark: e.target.checked })} />
            {t('ui.bind.watermark')}
          </label>
          <DpiField
            id={`${id}-dpi`}
            label={t('ui.bind.dpi')}
            value={dpi}
            onChange={(value) => void onSave({ dpi: value })}
          />
        </div>
        <div className="options-column">
          {watermark && (
            <TextSettingField
              id={`${id}-wm`}
              label={t('ui.bind.watermarkText')}
              help={t('ui.bind.watermarkHelp')}
              value={options.watermarkText ?? ''}
              placeholder={defaults.watermarkText}
              onCommit={(text) => void onSave({ watermarkText: text || defaults.watermarkText })}
              preview={(draft) =>
                marked.length === 0 ? (
                  t('ui.bind.watermarkNone')
                ) : (
                  <>
                    <Preview
                      label={t('ui.bind.previewLabel')}
                      text={fillWatermark(draft || defaults.watermarkText, view.doc, view.rulePack)}
                    />
                    <span className="preview-where">
                      {t('ui.bind.watermarkOn', { materials: marked.map((m) => m.title).join(t('ui.bind.separator')) })}
                    </span>
                  </>
                )
              }
            />
          )}
          <TextSettingField
            id={`${id}-pn`}
            label={t('ui.bind.pageNumberFormat')}
            help={t('ui.bind.pageNumberHelp')}
            value={pageNumberFormat}
            onCommit={(text) => void onSave({ pageNumberFormat: text || defaults.pageNumberFormat })}
            preview={(draft) => (
              <Preview
                label={t('ui.bind.pageNumberPreview', { total: sampleTotal })}
                text={footerText(draft || defaults.pageNumberFormat, 1, sampleTotal)}
              />
            )}
          />
        </div>
      </fieldset>
    </details>
  );
}

function Preview({ label, text }: { label: string; text: string }) {
  return (
    <span className="preview-line">
      {label} <span className="preview-sample">{text}</span>
    </span>
  );
}
