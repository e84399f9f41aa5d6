/**
 * The controls of the binding options panel: a switch or a choice, each with the one line that says
 * what it does (read out with the control through aria-describedby), image quality, and the 附录 pick.
 */
import type { ReactNode } from 'react';
import { useT } from '../lib/i18n';

/** A checkbox with its explanation under it. */
export function Toggle({
  id,
  label,
  help,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  help: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="option">
      <label className="choice">
        <input
          type="checkbox"
          checked={checked}
          aria-describedby={`${id}-help`}
          onChange={(e) => onChange(e.target.checked)}
        />
        {label}
      </label>
      <p className="help" id={`${id}-help`}>
        {help}
      </p>
    </div>
  );
}

/** Two or more choices side by side (radio buttons), named by a legend, with an explanation. */
export function ChoiceGroup<T extends string>({
  id,
  legend,
  help,
  value,
  choices,
  onChange,
}: {
  id: string;
  legend: string;
  help: string;
  value: T;
  choices: ReadonlyArray<{ value: T; label: string }>;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="option option-choices" aria-describedby={`${id}-help`}>
      <legend>{legend}</legend>
      <div className="choices">
        {choices.map((choice) => (
          <label key={choice.value} className="choice">
            <input
              type="radio"
              name={id}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
            />
            {choice.label}
          </label>
        ))}
      </div>
      <p className="help" id={`${id}-help`}>
        {help}
      </p>
    </fieldset>
  );
}

/** JPEG quality: the usual steps, named by what they mean, plus whatever value is current. */
const QUALITY_CHOICES = [95, 85, 70, 50];

export function QualityField({
  id,
  value,
  recommended,
  onChange,
}: {
  id: string;
  value: number;
  recommended: number;
  onChange: (quality: number) => void;
}) {
  const t = useT();
  const name = (q: number) =>
    q === recommended
      ? t('ui.bind.quality.recommended', { q })
      : q >= 90
        ? t('ui.bind.quality.high', { q })
        : q >= 65
          ? t('ui.bind.quality.smaller', { q })
          : t('ui.bind.quality.smallest', { q });
  return (
    <div className="field option">
      <label htmlFor={id}>{t('ui.bind.quality')}</label>
      <select id={id} value={value} aria-describedby={`${id}-help`} onChange={(e) => onChange(Number(e.target.value))}>
        {[...new Set([...QUALITY_CHOICES, value])]
          .sort((a, b) => b - a)
          .map((q) => (
            <option key={q} value={q}>
              {name(q)}
            </option>
          ))}
      </select>
      <p className="help" id={`${id}-help`}>
        {t('ui.bind.qualityHelp')}
      </p>
    </div>
  );
}

/** Which materials go last, as 附录: one checkbox per material in the packet. */
export function AppendixField({
  id,
  materials,
  chosen,
  onChange,
}: {
  id: string;
  materials: ReadonlyArray<{ id: string; title: string }>;
  chosen: readonly string[];
  onChange: (appendix: string[]) => void;
}) {
  const t = useT();
  // The binder binds appendices in the pack's order, whatever order they were ticked in.
  const toggle = (materialId: string, on: boolean) =>
    onChange(on ? [...chosen, materialId] : chosen.filter((m) => m !== materialId));
  return (
    <fieldset className="option option-appendix" aria-describedby={`${id}-help`}>
      <legend>{t('ui.bind.appendix')}</legend>
      <p className="help" id={`${id}-help`}>
        {t(materials.length > 0 ? 'ui.bind.appendixHelp' : 'ui.bind.appendixNone')}
      </p>
      {materials.length > 0 && (
        <div className="choices">
          {materials.map((m) => (
            <label key={m.id} className="choice">
              <input type="checkbox" checked={chosen.includes(m.id)} onChange={(e) => toggle(m.id, e.target.checked)} />
              {m.title}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
