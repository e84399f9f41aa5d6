/** The binding options a user may change; each change is saved to the project at once. */
import { useId } from 'react';
import type { BindOptions } from '../../../core/bind/options';
import { useT } from '../i18n';
import { DpiField, TextSettingField } from './SettingFields';

type Props = {
  options: Partial<BindOptions>;
  /** What applies when the project has not set an option: the user's settings. */
  defaults: { dpi: number; pageNumberFormat: string; watermarkText: string };
  disabled: boolean;
  onSave: (options: Partial<BindOptions>) => Promise<void>;
};

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
        <TextSettingField
          className="field indent"
          id={`${id}-wm`}
          label={t('ui.bind.watermarkText')}
          help={t('ui.bind.watermarkHelp')}
          value={options.watermarkText ?? ''}
          placeholder={defaults.watermarkText}
          onCommit={(text) => void onSave({ watermarkText: text || defaults.watermarkText })}
        />
      )}
      <DpiField
        id={`${id}-dpi`}
        label={t('ui.bind.dpi')}
        value={dpi}
        onChange={(value) => void onSave({ dpi: value })}
      />
      <TextSettingField
        id={`${id}-pn`}
        label={t('ui.bind.pageNumberFormat')}
        help={t('ui.bind.pageNumberHelp')}
        value={options.pageNumberFormat ?? defaults.pageNumberFormat}
        onCommit={(text) => void onSave({ pageNumberFormat: text || defaults.pageNumberFormat })}
      />
    </fieldset>
  );
}
