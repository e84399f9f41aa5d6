/**
 * A date of a material (issued on / valid until). It is saved as soon as it is a complete date, so the
 * check updates while the user is still in the box (Tab inside a date box only moves between its
 * parts), and again when the user leaves it. With `longTerm`, a checkbox records a document that never
 * expires (营业期限：长期), which the checker accepts as the word 长期.
 */
import { useEffect, useId, useRef, useState } from 'react';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// While a year is typed digit by digit the box already reports 0002, 0020, 0202: not a date to save.
const EARLIEST_YEAR = 1900;

function isCompleteDate(value: string): boolean {
  return ISO_DATE.test(value) && Number(value.slice(0, 4)) >= EARLIEST_YEAR;
}

type Props = {
  label: string;
  hint: string;
  value?: string;
  longTerm?: string;
  onSave: (value: string | null) => Promise<void>;
};

export function DateInput({ label, hint, value, longTerm, onSave }: Props) {
  const id = useId();
  const isLongTerm = !!value && !ISO_DATE.test(value);
  const saved = isLongTerm ? '' : (value ?? '');
  const [draft, setDraft] = useState(saved);
  // The last value sent, so leaving the box right after a save on change does not send it again.
  const sent = useRef(saved);
  // A save (or another window) changed the value: show it.
  useEffect(() => {
    setDraft(saved);
    sent.current = saved;
  }, [saved]);
  const save = (next: string) => {
    if (next === sent.current) return;
    sent.current = next;
    void onSave(next || null);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={draft}
        disabled={isLongTerm}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          setDraft(e.target.value);
          if (isCompleteDate(e.target.value)) save(e.target.value);
        }}
        onBlur={(e) => save(e.target.value)}
      />
      {longTerm && (
        <label className="choice">
          <input type="checkbox" checked={isLongTerm} onChange={(e) => void onSave(e.target.checked ? '长期' : null)} />
          {longTerm}
        </label>
      )}
      <p className="help" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
}
