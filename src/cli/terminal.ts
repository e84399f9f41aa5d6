/**
 * What reaches the terminal: file names, pack titles and field values come from received files and
 * rule packs, and a name holding ESC sequences, BEL or a right-to-left override could recolour,
 * retitle or reorder what the user reads (or, on some terminals, answer back). Every line the CLI
 * prints goes through `escapeControls`: C0 controls other than newline and tab, DEL, C1 controls, and
 * the bidi and line-separator controls become visible `\uXXXX` (which JSON reads back as the same
 * character, so `--json` output stays valid and exact).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
