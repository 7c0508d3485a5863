/** Cookie values by name from a Cookie header; malformed pairs are skipped, never thrown on. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    const name = part.slice(0, at).trim();
    try {
      if (!cookies.has(name)) cookies.set(name, decodeURIComponent(part.slice(at + 1).trim()));
    } catch {
      // not valid percent-encoding: not one of ours
    }
  }
  return cookies;
}

export interface SessionCookie {
  name: string;
  attributes: string;
}

/**
 * The session cookie: HttpOnly and SameSite=Lax always; under HTTPS also Secure with the __Host-
 * prefix, which binds it to this host and path `/`.
 */
export function sessionCookie(siteUrl: string): SessionCookie {
  const isHttps = siteUrl.startsWith('https://');
  return {
    name: isHttps ? '__Host-broadsheet_session' : 'broadsheet_session',
    attributes: `Path=/; HttpOnly; SameSite=Lax${isHttps ? '; Secure' : ''}`,
  };
}

/**
 * The remembered-device cookie: a random token (only its hash is stored) set after a second step;
 * SameSite=Strict, since only our own sign-in requests need it.
 */
export function deviceCookie(siteUrl: string): SessionCookie {
  const isHttps = siteUrl.startsWith('https://');
  return {
    name: isHttps ? '__Host-broadsheet_device' : 'broadsheet_device',
    attributes: `Path=/; HttpOnly; SameSite=Strict${isHttps ? '; Secure' : ''}`,
  };
}

export const setCookie = (cookie: SessionCookie, value: string, maxAgeSeconds: number) =>
  `${cookie.name}=${encodeURIComponent(value)}; Max-Age=${maxAgeSeconds}; ${cookie.attributes}`;

export const clearCookie = (cookie: SessionCookie) => `${cookie.name}=; Max-Age=0; ${cookie.attributes}`;
