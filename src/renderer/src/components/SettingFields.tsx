/** Form fields shared by the bind options and the settings screen, so both look and behave the same. */

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
