/**
 * A date box that reads and writes YYYY-MM-DD whatever the computer's locale (an <input type=date>
 * shows 12/07/2026 or 07.12.2026 by the system's settings). It takes a date the ways people type it
 * (2026/1/5, 20260105, 2026年1月5日 …), shows it back as 2026-01-05, and refuses a day that does not
 * exist, saying so beside the box. Saved after a pause in typing, on leaving, on Enter, and at once
 * when the window closes (../lib/flush), like every text box. A calendar button opens the system's
 * date picker for those who prefer to click.
 */
import { useEffect, useRef, useState, type InputHTMLAttributes } from 'react';
import { parseDateText } from '../../../core/model/dates';
import { registerFlush } from '../lib/flush';
import { useT } from '../lib/i18n';
import { COMMIT_DELAY_MS } from './CommitInput';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'onBlur' | 'type'> & {
  id: string;
  /** The saved date (YYYY-MM-DD) or ''. */
  value: string;
  /** Called with a real date as YYYY-MM-DD, or '' when the box was emptied; the promise is the save. */
  onCommit: (value: string) => void | Promise<unknown>;
  /** For a form with its own button (no autosave): hand over each complete date at once, no pause. */
  immediate?: boolean;
};

export function DateText({ id, value, onCommit, immediate, disabled, className, ...rest }: Props) {
  const t = useT();
  const [draft, setDraft] = useState(value);
  const [bad, setBad] = useState(false);
  const focused = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ draft, value, onCommit });
  useEffect(() => {
    latest.current = { draft, value, onCommit };
  });
  const picker = useRef<HTMLInputElement>(null);

  // A saved value that comes back is shown, unless the user is typing in the box.
  useEffect(() => {
    if (!focused.current) {
      setDraft(value);
      setBad(false);
    }
  }, [value]);

  const commit = (final: boolean): Promise<unknown> => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const { draft: text, value: saved, onCommit: save } = latest.current;
    const trimmed = text.trim();
    const iso = trimmed === '' ? '' : parseDateText(trimmed);
    if (iso === null) {
      // Half typed is not wrong yet; said once the user leaves the box or presses Enter.
      if (final) setBad(true);
      return Promise.resolve();
    }
    setBad(false);
    if (final) setDraft(iso);
    return iso === saved ? Promise.resolve() : Promise.resolve(save(iso));
  };

  useEffect(() => {
    const unregister = registerFlush(() => commit(true));
    return () => {
      unregister();
      if (timer.current !== undefined) void commit(true);
    };
    // Registered once: commit reads everything it needs from refs.
  }, []);

  const errorId = `${id}-invalid`;
  const described = [rest['aria-describedby'], bad ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <span className="date-text">
      <span className="date-row">
        <input
          {...rest}
          id={id}
          type="text"
          className={['date-input', className].filter(Boolean).join(' ')}
          inputMode="text"
          autoComplete="off"
          placeholder={t('ui.date.placeholder')}
          value={draft}
          disabled={disabled}
          aria-invalid={bad || rest['aria-invalid'] || undefined}
          aria-describedby={described}
          onFocus={() => (focused.current = true)}
          onChange={(e) => {
            setDraft(e.target.value);
            latest.current = { ...latest.current, draft: e.target.value };
            clearTimeout(timer.current);
            if (immediate) void commit(false);
            else timer.current = setTimeout(() => void commit(false), COMMIT_DELAY_MS);
          }}
          onBlur={() => {
            focused.current = false;
            void commit(true);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void commit(true);
          }}
        />
        <button
          type="button"
          className="date-calendar"
          disabled={disabled}
          aria-label={t('ui.date.calendar')}
          title={t('ui.date.calendar')}
          onClick={() => {
            try {
              picker.current?.showPicker();
            } catch {
              picker.current?.focus();
            }
          }}
        >
          <span aria-hidden="true">▦</span>
        </button>
        {/* The system's picker only: never shown, never focused by Tab; what it picks goes through the box. */}
        <input
          ref={picker}
          type="date"
          className="date-native"
          tabIndex={-1}
          aria-hidden="true"
          value={parseDateText(draft) ?? ''}
          onChange={(e) => {
            if (!e.target.value) return;
            setDraft(e.target.value);
            latest.current = { ...latest.current, draft: e.target.value };
            void commit(true);
          }}
        />
      </span>
      {bad && (
        <span className="field-error date-error" id={errorId} role="alert">
          {t('ui.date.invalid', { text: draft.trim() })}
        </span>
      )}
    </span>
  );
}
