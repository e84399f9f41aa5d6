/**
 * File names built from user or rule-pack text (project names, rule titles, `exportName`) must stay a
 * single harmless name inside the output folder on every OS: no separators, no `..`, no control
 * characters, no Windows reserved names, not too long.
 */
const FORBIDDEN = /[\\/:*?"<>|\p{Cc}]/gu;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
const MAX_NAME_LENGTH = 120;

export function safeFileName(text: string, fallback: string): string {
  let name = text.replace(FORBIDDEN, '_').replace(/\s+/g, ' ').trim();
  // Leading dots would hide the file or climb folders ("..").
  name = name.replace(/^\.+/, '').replace(/[. ]+$/, '');
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  if ([...name].length > MAX_NAME_LENGTH) name = [...name].slice(0, MAX_NAME_LENGTH).join('');
  return name || fallback;
}
