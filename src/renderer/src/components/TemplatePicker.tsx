/**
 * A page-number or watermark style picked by what it looks like ("第 1 页 共 10 页", "- 1 -"), from
 * the model's presets; 自定义 opens a text box whose fields (页码, 总页数, 申请名称 …) are put in with
 * buttons, so nobody has to know the `{page}` spelling. Used by the bind options and by Settings.
 */
import { useState } from 'react';
import {
  TEMPLATE_FIELDS,
  TEMPLATE_PRESETS,
  templateField,
  unknownTemplateFields,
  type TemplateKind,
} from '../../../core/model/packet/presets';
import { useT } from '../lib/i18n';
import { CommitInput } from './CommitInput';
import { Preview } from './TemplatePreview';

const CUSTOM = 'custom';

type Props = {
  id: string;
  kind: TemplateKind;
  label: string;
  help: string;
  value: string;
  /** What a template turns into, as printed (the binder's own functions). */
  sample: (template: string) => string;
  onCommit: (template: string) => void;
};

export function TemplatePicker({ id, kind, label, help, value, sample, onCommit }: Props) {
  const t = useT();
  const presets = TEMPLATE_PRESETS[kind];
  const isPreset = presets.includes(value);
  // 自定义 stays open once chosen, even when the text typed happens to equal a preset.
  const [custom, setCustom] = useState(!isPreset);
  const [draft, setDraft] = useState<string | null>(null);
  const inputId = `${id}-custom`;
  const shown = (draft ?? value).trim();
  const unknown = unknownTemplateFields(kind, shown);

  // Put a field where the caret is, through the input's own change event, so the box's autosave
  // (CommitInput) sees it as typed text; the caret lands after it.
  const insert = (field: string) => {
    const input = document.getElementById(inputId);
    if (!(input instanceof HTMLInputElement)) return;
    const token = templateField(field);
    const start = input.selectionStart ?? input.value.length;
    const end = input.selectionEnd ?? start;
    const next = input.value.slice(0, start) + token + input.value.slice(end);
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, next);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.focus();
    input.setSelectionRange(start + token.length, start + token.length);
  };

  return (
    <div className="field option template-picker">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={custom ? CUSTOM : value}
        aria-describedby={`${id}-help`}
        onChange={(e) => {
          const choice = e.target.value;
          setCustom(choice === CUSTOM);
          if (choice !== CUSTOM) onCommit(choice);
        }}
      >
        {presets.map((preset) => (
          <option key={preset} value={preset}>
            {sample(preset)}
          </option>
        ))}
        <option value={CUSTOM}>{t('ui.template.custom')}</option>
      </select>
      <p className="help" id={`${id}-help`}>
        {help}
      </p>
      {custom && (
        <div className="template-custom">
          <label htmlFor={inputId}>{t('ui.template.customLabel')}</label>
          <CommitInput
            id={inputId}
            type="text"
            value={value}
            aria-describedby={`${inputId}-preview`}
            onInput={(e) => setDraft(e.currentTarget.value)}
            onCommit={(text) => {
              setDraft(null);
              if (text) onCommit(text);
            }}
          />
          <div className="template-fields" role="group" aria-label={t('ui.template.insert')}>
            <span aria-hidden="true">{t('ui.template.insert')}</span>
            {TEMPLATE_FIELDS[kind].map((field) => (
              <button key={field} type="button" onClick={() => insert(field)}>
                {t(`ui.template.field.${field}`)}
              </button>
            ))}
          </div>
          <div className="template-preview" id={`${inputId}-preview`}>
            <Preview label={t('ui.bind.previewLabel')} text={sample(shown || value)} />
            {unknown.length > 0 && (
              <p className="problem problem-warning">
                {t('ui.template.unknown', { fields: unknown.join(t('ui.bind.separator')) })}
              </p>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
