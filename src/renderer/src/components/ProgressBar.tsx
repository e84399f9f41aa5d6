/** A labelled progress bar (0–100), the same for the checklist's completeness and binding. */
export function ProgressBar({ label, percent, valueText }: { label: string; percent: number; valueText?: string }) {
  return (
    <div
      className="bar"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={valueText}
    >
      <div className="bar-fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
