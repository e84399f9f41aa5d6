/**
 * What the packet is for, as two choices that set the options for it (the model's BIND_PRESETS):
 * 网上提交 or 打印成册. Options changed one by one under 高级 make a mix, said as such, never hidden.
 */
import type { BindOptions } from '../../../core/model/schemas/bind-options';
import { BIND_PRESET_IDS, BIND_PRESETS, bindPresetOf, type BindPresetId } from '../../../core/model/packet/presets';
import { useT } from '../lib/i18n';

type Props = {
  options: BindOptions;
  disabled: boolean;
  onSave: (patch: Partial<BindOptions>) => void;
};

export function BindPresets({ options, disabled, onSave }: Props) {
  const t = useT();
  const current = bindPresetOf(options);
  return (
    <fieldset className="bind-presets" disabled={disabled}>
      <legend>{t('ui.bind.preset')}</legend>
      <div className="preset-choices">
        {BIND_PRESET_IDS.map((id: BindPresetId) => (
          <label key={id} className={`preset-choice${current === id ? ' preset-current' : ''}`}>
            <input
              type="radio"
              name="bind-preset"
              value={id}
              checked={current === id}
              aria-describedby={`bind-preset-${id}-help`}
              onChange={() => onSave(BIND_PRESETS[id])}
            />
            <span className="preset-name">{t(`ui.bind.preset.${id}`)}</span>
            <span className="help" id={`bind-preset-${id}-help`}>
              {t(`ui.bind.preset.${id}.help`)}
            </span>
          </label>
        ))}
      </div>
      {current === null && <p className="help-text">{t('ui.bind.preset.mixed')}</p>}
    </fieldset>
  );
}
