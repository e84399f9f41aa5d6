/**
 * A template filled in, as the binder prints it ("效果：第 1 页 共 10 页"): shown under a custom
 * page-number or watermark wording as it is typed (TemplatePicker), on the bind screen and in Settings.
 */

/** The page count a page-number preview uses when no packet gives a real one. */
export const SAMPLE_TOTAL = 10;

export function Preview({ label, text }: { label: string; text: string }) {
  return (
    <span className="preview-line">
      {label} <span className="preview-sample">{text}</span>
    </span>
  );
}
