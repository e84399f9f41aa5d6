/** Form fields shared by the bind options and the settings screen, so both look and behave the same. */
import { useEffect, useState, type ReactNode } from 'react';
import { CommitInput } from './CommitInput';

const DPI_CHOICES = [150, 200, 300];

/** A resolution picker offering the usual choices plus whatever value is current. */
export function DpiField({
  id,
  label,
  help,
  value,
  onChange,
}: {
  id: string;
  label: string;
  /** One line on what the resolution does, read with the field. */
  help?: string;
  value: number;
  onChange: (dpi: number) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-describedby={help ? `${id}-help` : undefined}
        onChange={(e) => onChange(Number(e.target.value))}
      >
        {[...new Set([...DPI_CHOICES, value])]
          .sort((a, b) => a - b)
          .map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
      </select>
      {help && (
        <p className="help" id={`${id}-help`}>
          {help}
        </p>
      )}
    </div>
  );
}

/** A labelled text setting saved when the user leaves the field, with its help line. */
export function TextSettingField({
  id,
  label,
  help,
  value,
  placeholder,
  className = 'field',
  onCommit,
  preview,
}: {
  id: string;
  label: string;
  help: string;
  value: string;
  placeholder?: string;
  className?: string;
  onCommit: (text: string) => void;
  /** What the text as typed so far turns into (a template filled in), shown under the help line. */
  preview?: (draft: string) => ReactNode;
}) {
  // The draft as typed, before it is committed, so the preview follows every keystroke.
  const [draft, setDraft] = useState<string | null>(null);
  useEffect(() => setDraft(null), [value]);
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <CommitInput
        id={id}
        type="text"
        value={value}
        placeholder={placeholder}
        aria-describedby={preview ? `${id}-help ${id}-preview` : `${id}-help`}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onCommit={onCommit}
      />
      <p className="help" id={`${id}-help`}>
        {help}
      </p>
      {preview && (
        <div className="template-preview" id={`${id}-preview`}>
          {preview((draft ?? value).trim())}
        </div>
      )}
    </div>
  );
}
