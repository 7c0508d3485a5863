import type { LightMyRequestResponse } from 'fastify';
import { createAccount } from '../../src/domain/staff/accounts.js';
import { rememberDevice } from '../../src/domain/staff/devices.js';
import { deviceCookie } from '../../src/http/admin-api/cookies.js';
import type { Role } from '../../src/domain/staff/permissions.js';
import type { TestApp } from './http.js';

export const adminOrigin = 'https://news.example';
export const testPassword = 'a sufficiently long passphrase';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface AdminClient {
  staffId: string;
  role: Role;
  /** Cookie, origin and CSRF token, for requests made by hand. */
  headers: Record<string, string>;
  request(
    method: Method,
    url: string,
    body?: unknown,
    extraHeaders?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

let accounts = 0;

/**
 * The Cookie header of a device this staff member has signed in on before (as if a second step had
 * been done on it), so a test's sign-in completes without the new-device email code.
 */
export async function knownDeviceCookie(t: TestApp, staffId: string): Promise<string> {
  const token = await rememberDevice(t.site.ctx, staffId);
  return `${deviceCookie(t.site.config.siteUrl).name}=${token}`;
}

/** A staff member of `role`, signed in through the real sign-in route, sending cookie, origin and CSRF token. */
export async function signInAs(t: TestApp, role: Role, name = `${role} ${++accounts}`): Promise<AdminClient> {
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@news.example`;
  const staff = await createAccount(t.site.ctx, { name, email, role, password: testPassword });
  const login = await t.app.inject({
    method: 'POST',
    url: '/admin/api/session',
    headers: { origin: adminOrigin, cookie: await knownDeviceCookie(t, staff.id) },
    payload: { email, password: testPassword },
  });
  if (login.statusCode !== 201) throw new Error(`sign-in failed: ${login.body}`);
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  const csrf = (login.json() as { csrfToken: string }).csrfToken;
  const headers = { cookie, origin: adminOrigin, 'x-csrf-token': csrf };
  return {
    staffId: staff.id,
    role,
    headers,
    request: (method, url, body, extraHeaders = {}) =>
      t.app.inject({
        method,
        url,
        headers: { ...headers, ...extraHeaders },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}

/** An integration calling with `Authorization: Bearer`. */
export function bearerClient(t: TestApp, secret: string) {
  return (method: Method, url: string, body?: unknown, extraHeaders: Record<string, string> = {}) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${secret}`, ...extraHeaders },
      ...(body === undefined ? {} : { payload: body as object }),
    });
}

export const paragraph = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});
