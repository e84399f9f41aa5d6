/**
 * A text input that keeps its draft locally and saves it a moment after the user stops typing, when
 * they leave it or press Enter, and at once when the page is hidden or the window closes (../flush),
 * so autosave sends one request per pause instead of one per keystroke and nothing typed is lost.
 * The check report, and with it any error, comes back with the save: after a pause, not mid-word.
 */
import { useEffect, useRef, useState, type FocusEvent, type InputHTMLAttributes } from 'react';
import { registerFlush } from '../lib/flush';

/** Long enough not to save half a word, short enough that a quick quit still finds it saved. */
export const COMMIT_DELAY_MS = 500;

type Props = Omit<InputHTMLAttributes<HTMLInputElement & HTMLTextAreaElement>, 'value' | 'onChange' | 'onBlur'> & {
  value: string;
  /** Saves the trimmed text; a returned promise (the save) is awaited by a flush on quit. */
  onCommit: (value: string) => void | Promise<unknown>;
  multiline?: boolean;
};

export function CommitInput({ value, onCommit, multiline, onFocus, ...rest }: Props) {
  const [draft, setDraft] = useState(value);
  // Timers and page events outlive a render: they read the latest draft and props from here.
  const latest = useRef({ draft, value, onCommit });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const focused = useRef(false);
  const sent = useRef<{ text: string; saving: Promise<unknown> } | undefined>(undefined);
  useEffect(() => {
    latest.current = { draft, value, onCommit };
  });

  // The saved value comes back (maybe normalised, USCC in upper case): show it, unless the user is
  // still typing, whose newer text would be overwritten (and saved after the next pause anyway).
  useEffect(() => {
    sent.current = undefined;
    if (!focused.current) setDraft(value);
  }, [value]);

  const commit = (): Promise<unknown> => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const { draft: text, value: saved, onCommit: save } = latest.current;
    const trimmed = text.trim();
    if (trimmed === saved) return Promise.resolve();
    if (sent.current?.text === trimmed) return sent.current.saving;
    const saving: Promise<unknown> = Promise.resolve(save(trimmed)).catch(() => {
      // Failed (the error is shown by the caller): the same text may be tried again.
      if (sent.current?.saving === saving) sent.current = undefined;
    });
    sent.current = { text: trimmed, saving };
    return saving;
  };

  useEffect(() => {
    const unregister = registerFlush(() => commit());
    return () => {
      unregister();
      // Leaving the step with a pending draft (a click elsewhere unmounts it) still saves it.
      if (timer.current !== undefined) void commit();
    };
    // Registered once: commit reads everything it needs from refs.
  }, []);

  const change = (text: string) => {
    setDraft(text);
    latest.current = { ...latest.current, draft: text };
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void commit(), COMMIT_DELAY_MS);
  };
  const events = {
    onFocus: (e: FocusEvent<HTMLInputElement & HTMLTextAreaElement>) => {
      focused.current = true;
      onFocus?.(e);
    },
    onBlur: () => {
      focused.current = false;
      // Already saved: show the stored form (trimmed). Otherwise the reply to this save brings it.
      if (latest.current.draft.trim() === latest.current.value) setDraft(latest.current.value);
      else void commit();
    },
  };
  if (multiline) {
    return <textarea {...rest} {...events} value={draft} rows={3} onChange={(e) => change(e.target.value)} />;
  }
  return (
    <input
      {...rest}
      {...events}
      value={draft}
      onChange={(e) => change(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') void commit();
      }}
    />
  );
}
