/**
 * A text input that keeps its draft locally and commits when the user leaves it (or presses Enter),
 * so autosave sends one request per edit instead of one per keystroke.
 */
import { useEffect, useState, type InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement & HTMLTextAreaElement>, 'value' | 'onChange' | 'onBlur'> & {
  value: string;
  onCommit: (value: string) => void;
  multiline?: boolean;
};

export function CommitInput({ value, onCommit, multiline, ...rest }: Props) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft.trim() !== value) onCommit(draft.trim());
  };
  if (multiline) {
    return <textarea {...rest} value={draft} rows={3} onChange={(e) => setDraft(e.target.value)} onBlur={commit} />;
  }
  return (
    <input
      {...rest}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}
