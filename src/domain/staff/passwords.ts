/** A short list of the passwords most often tried first; any of them (or a close variant) is refused. */
const common = new Set([
  'password',
  'passw0rd',
  'password1',
  'password123',
  '1234567890',
  '0123456789',
  '12345678910',
  'qwertyuiop',
  'qwerty1234',
  '1q2w3e4r5t',
  'iloveyou12',
  'letmein123',
  'welcome123',
  'administrator',
  'changeme123',
  'broadsheet',
  'broadsheet1',
  'newsroom123',
  'abcdefghij',
  'abc1234567',
  'football123',
  'sunshine123',
]);

export const minPasswordLength = 10;
export const maxPasswordLength = 256;

/** Why a password is too weak, or null when it will do. */
export function passwordProblem(password: string, person: { email: string; name: string }): string | null {
  const chars = [...password];
  if (chars.length < minPasswordLength) return `must be at least ${minPasswordLength} characters`;
  if (chars.length > maxPasswordLength) return `must be at most ${maxPasswordLength} characters`;
  if (new Set(chars).size < 4) return 'must use more than a few different characters';
  const lowered = password.toLowerCase();
  if (common.has(lowered) || common.has(lowered.replace(/[^a-z0-9]/g, '')))
    return 'is one of the most common passwords';
  const mailbox = person.email.toLowerCase().split('@')[0] ?? '';
  if (mailbox.length >= 4 && lowered.includes(mailbox)) return 'must not contain your email address';
  const names = person.name
    .toLowerCase()
    .split(/\s+/)
    .filter((n) => n.length >= 4);
  if (names.some((n) => lowered.includes(n))) return 'must not contain your name';
  return null;
}
