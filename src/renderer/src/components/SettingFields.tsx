/** Form fields shared by the bind options and the settings screen, so both look and behave the same. */
import { CommitInput } from './CommitInput';

const DPI_CHOICES = [150, 200, 300];

/** A resolution picker offering the usual choices plus whatever value is current. */
export function DpiField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: number;
  onChange: (dpi: number) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {[...new Set([...DPI_CHOICES, value])]
          .sort((a, b) => a - b)
          .map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
      </select>
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
}: {
  id: string;
  label: string;
  help: string;
  value: string;
  placeholder?: string;
  className?: string;
  onCommit: (text: string) => void;
}) {
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <CommitInput
        id={id}
        type="text"
        value={value}
        placeholder={placeholder}
        aria-describedby={`${id}-help`}
        onCommit={onCommit}
      />
      <p className="help" id={`${id}-help`}>
        {help}
      </p>
    </div>
  );
}
