// C0 controls other than tab, newline and carriage return, DEL, and the two non-characters XML forbids.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;

/** Removes characters that no document format we write can carry (XML 1.0 refuses them even escaped). */
export function removeControlCharacters(value: string): string {
  return value.replace(controlCharacters, '');
}
