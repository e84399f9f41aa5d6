/**
 * A date of a material (issued on / valid until), typed as YYYY-MM-DD whatever the system locale
 * (DateText), saved after a pause or on leaving the box. With `longTerm`, a checkbox records a
 * document that never expires (营业期限：长期), which the checker accepts as the word 长期.
 */
import { useId } from 'react';
import { LONG_TERM, isIsoDate } from '../../../core/model/dates';
import { DateText } from './DateText';

type Props = {
  label: string;
  hint: string;
  value?: string;
  longTerm?: string;
  onSave: (value: string | null) => Promise<void>;
};

export function DateInput({ label, hint, value, longTerm, onSave }: Props) {
  const id = useId();
  const isLongTerm = !!value && !isIsoDate(value);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <DateText
        id={id}
        value={isLongTerm ? '' : (value ?? '')}
        disabled={isLongTerm}
        aria-describedby={`${id}-hint`}
        onCommit={(next) => onSave(next || null)}
      />
      {longTerm && (
        <label className="choice">
          <input
            type="checkbox"
            checked={isLongTerm}
            onChange={(e) => void onSave(e.target.checked ? LONG_TERM : null)}
          />
          {longTerm}
        </label>
      )}
      <p className="help" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
}
