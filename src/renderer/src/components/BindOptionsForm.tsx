/** The binding options a user may change; each change is saved to the project at once. */
import { useId } from 'react';
import type { BindOptions } from '../../../core/bind/options';
import { useT } from '../i18n';
import { CommitInput } from './CommitInput';

type Props = {
  options: Partial<BindOptions>;
  /** What applies when the project has not set an option: the user's settings. */
  defaults: { dpi: number; pageNumberFormat: string; watermarkText: string };
  disabled: boolean;
  onSave: (options: Partial<BindOptions>) => Promise<void>;
};

export const DPI_CHOICES = [150, 200, 300];

export function BindOptionsForm({ options, defaults, disabled, onSave }: Props) {
  const t = useT();
  const id = useId();
  const watermark = options.watermark ?? true;
  const dpi = options.dpi ?? defaults.dpi;
  return (
    <fieldset className="card options" disabled={disabled}>
      <legend>{t('ui.bind.options')}</legend>
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
      {watermark && (
        <div className="field indent">
          <label htmlFor={`${id}-wm`}>{t('ui.bind.watermarkText')}</label>
          <CommitInput
            id={`${id}-wm`}
            type="text"
            value={options.watermarkText ?? ''}
            placeholder={defaults.watermarkText}
            aria-describedby={`${id}-wm-help`}
            onCommit={(text) => void onSave({ watermarkText: text || defaults.watermarkText })}
          />
          <p className="help" id={`${id}-wm-help`}>
            {t('ui.bind.watermarkHelp')}
          </p>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-dpi`}>{t('ui.bind.dpi')}</label>
        <select id={`${id}-dpi`} value={dpi} onChange={(e) => void onSave({ dpi: Number(e.target.value) })}>
          {[...new Set([...DPI_CHOICES, dpi])]
            .sort((a, b) => a - b)
            .map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-pn`}>{t('ui.bind.pageNumberFormat')}</label>
        <CommitInput
          id={`${id}-pn`}
          type="text"
          value={options.pageNumberFormat ?? defaults.pageNumberFormat}
          aria-describedby={`${id}-pn-help`}
          onCommit={(text) => void onSave({ pageNumberFormat: text || defaults.pageNumberFormat })}
        />
        <p className="help" id={`${id}-pn-help`}>
          {t('ui.bind.pageNumberHelp')}
        </p>
      </div>
    </fieldset>
  );
}
