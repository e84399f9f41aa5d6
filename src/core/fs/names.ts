/**
 * File names built from user or rule-pack text (project names, rule titles, `exportName`) must stay a
 * single harmless name inside the output folder on every OS: no separators, no `..`, no control
 * characters, no Windows reserved names, not too long.
 */
// Bidi controls (U+202A–202E, U+2066–2069) can make `exe.pdf` display as `pdf.exe`.
const FORBIDDEN = /[\\/:*?"<>|\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
const MAX_NAME_LENGTH = 120;
/**
 * File systems limit a name to 255 bytes (ext4, APFS), and a Chinese character is 3 bytes in UTF-8:
 * 200 leaves room for an extension, a `-2` and the `.<name>.<random>.tmp` of an atomic write.
 */
const MAX_NAME_BYTES = 200;

export function safeFileName(text: string, fallback: string): string {
  const chars = [...text.replace(FORBIDDEN, '_').replace(/\s+/g, ' ').trim()].slice(0, MAX_NAME_LENGTH);
  const utf8 = new TextEncoder();
  while (utf8.encode(chars.join('')).length > MAX_NAME_BYTES) chars.pop();
  let name = chars.join('');
  // Leading dots would hide the file or climb folders (".."); Windows drops trailing dots and spaces
  // (cut after shortening, which may expose some).
  name = name.replace(/^[. ]+/, '').replace(/[. ]+$/, '');
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  return name || fallback;
}
