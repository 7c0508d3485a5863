import { domainToASCII } from 'node:url';
import { z } from 'zod';

/** C0 and C1 controls (CR, LF, NUL, …) and the Unicode line and paragraph separators. */
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029) return true;
  }
  return false;
}

/**
 * One plain email address as a visitor may type it: trimmed (spaces only) and lower-cased. Refused:
 * line breaks and other control characters (no header can be added), lists (commas, semicolons,
 * spaces), display names and angle brackets, more than 254 characters, and letters outside ASCII
 * before the @ (few mail servers accept them). A domain in other letters is turned into its ASCII form.
 */
export function checkEmailAddress(raw: string): { email: string } | { error: string } {
  if (typeof raw !== 'string') return { error: 'must be an email address' };
  if (hasControlCharacter(raw)) return { error: 'must be one email address on one line' };
  const value = raw.replace(/^ +| +$/g, '');
  if (value === '') return { error: 'is required' };
  if (value.length > 254) return { error: 'must be at most 254 characters' };
  if (/[,;\s<>"()[\]\\]/.test(value))
    return { error: 'must be one plain email address, such as name@example.com' };
  const at = value.lastIndexOf('@');
  if (at < 1 || value.indexOf('@') !== at)
    return { error: 'must be an email address, such as name@example.com' };
  const local = value.slice(0, at);
  const domainPart = value.slice(at + 1);
  if (/[^\u0020-\u007e]/.test(local))
    return {
      error: 'addresses with letters outside a–z before the @ are not supported; please use another address',
    };
  if (
    local.length > 64 ||
    !/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/.test(local)
  )
    return { error: 'must be an email address, such as name@example.com' };
  const domain = domainToASCII(domainPart.toLowerCase());
  if (
    !domain ||
    domain.length > 253 ||
    !/^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/.test(domain)
  )
    return { error: 'must be an email address with a valid domain, such as name@example.com' };
  const email = `${local.toLowerCase()}@${domain}`;
  if (email.length > 254) return { error: 'must be at most 254 characters' };
  return { email };
}

/** A zod field for one strict address (see checkEmailAddress). */
export const memberEmail = z.string().transform((value, context) => {
  const checked = checkEmailAddress(value);
  if ('error' in checked) {
    context.addIssue({ code: 'custom', message: checked.error });
    return z.NEVER;
  }
  return checked.email;
});

/**
 * The address a per-address limit is counted on: lower-cased and without a `+tag` before the @, so
 * `name+1@example.com` and `Name+2@example.com` count as `name@example.com`. Only for counting: the
 * address as typed is what is stored and written to.
 */
export function normalisedForLimits(email: string): string {
  const lower = email.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  if (at < 1) return lower;
  const local = lower.slice(0, at);
  const plus = local.indexOf('+');
  return `${plus > 0 ? local.slice(0, plus) : local}${lower.slice(at)}`;
}
