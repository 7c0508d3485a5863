import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** The CSRF token of a session: derived from the session token, so it needs no storage. */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('broadsheet csrf').digest('base64url');
}

export function isCsrfTokenValid(sessionToken: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * A state-changing request must come from our own pages: its Origin (or, failing that, Referer)
 * must be the site's origin. Browsers send Origin on every cross-site POST, so a missing one means
 * a non-browser client, which the token check still covers.
 */
export function isSameOrigin(headers: IncomingHttpHeaders, siteUrl: string): boolean {
  const expected = new URL(siteUrl).origin;
  const origin = headers.origin ?? (headers.referer ? safeOrigin(headers.referer) : undefined);
  return origin === undefined || origin === expected;
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return 'invalid';
  }
}
