import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { knownDeviceCookie } from './admin.js';
import type { TestApp } from './http.js';

export const origin = 'https://news.example';

export interface Session {
  cookie: string;
  csrf: string;
}

export interface CallOptions {
  session?: Session;
  payload?: unknown;
  /** The client address (rate limits count per address). */
  from?: string;
  /** A Cookie header to send when there is no session (e.g. a remembered device's). */
  cookie?: string;
}

/** Admin API calls the way the admin app makes them: our Origin, and the cookie and CSRF token when signed in. */
export function adminApi(t: TestApp) {
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, options: CallOptions = {}) =>
    t.app.inject({
      method,
      url,
      remoteAddress: options.from ?? '127.0.0.1',
      headers: {
        origin,
        ...(options.cookie ? { cookie: options.cookie } : {}),
        ...(options.session ? { cookie: options.session.cookie, 'x-csrf-token': options.session.csrf } : {}),
      },
      ...(options.payload !== undefined ? { payload: options.payload as object } : {}),
    });
  const sessionOf = (res: LightMyRequestResponse): Session => ({
    cookie: String(res.headers['set-cookie']).split(';')[0]!,
    csrf: res.json().csrfToken as string,
  });
  /** Signs in on a device the account knows (see knownDeviceCookie), so no second step is asked. */
  const signIn = async (email: string, password: string): Promise<Session> => {
    const staff = await t.site.ctx.repos.staff.findByEmail(email);
    const res = await call('POST', '/admin/api/session', {
      payload: { email, password },
      ...(staff ? { cookie: await knownDeviceCookie(t, staff.id) } : {}),
      from: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
    });
    assert.equal(res.statusCode, 201, `sign-in as ${email}: ${res.body}`);
    return sessionOf(res);
  };
  const isSignedIn = async (session: Session) =>
    (await call('GET', '/admin/api/session', { session })).statusCode === 200;
  return { call, signIn, sessionOf, isSignedIn };
}

/** The token of an admin link in an email's text (`/admin/#/invitation/TOKEN`). */
export function tokenIn(text: string, kind: 'invitation' | 'reset-password'): string {
  const match = new RegExp(`https://news\\.example/admin/#/${kind}/([A-Za-z0-9_-]{43})\\b`).exec(text);
  assert.ok(match, `a ${kind} link in: ${text}`);
  return match[1]!;
}
