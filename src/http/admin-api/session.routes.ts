import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { DomainContext } from '../../domain/context.js';
import type { StaffRecord } from '../../domain/ports.js';
import { DomainError } from '../../domain/shared/errors.js';
import {
  authenticate,
  endSession,
  sessionLifetimeMs,
  staffForSession,
  startSession,
} from '../../domain/staff/accounts.js';
import { isSetupNeeded, setUpSite } from '../../domain/staff/setup.js';
import { fifteenMinutes, RateLimiter } from '../middleware/rate-limit.js';
import { clearCookie, parseCookies, sessionCookie, setCookie } from './cookies.js';
import { csrfTokenFor, isCsrfTokenValid, isSameOrigin } from './csrf.js';
import { parseRequest } from './request-schema.js';

const loginSchema = z.strictObject({
  email: z.string().max(254),
  password: z.string().min(1, 'is required').max(1024),
});

const setupSchema = z.strictObject({
  siteTitle: z.string().max(150),
  name: z.string().max(191),
  email: z.string().max(254),
  password: z.string().max(1024),
});

/** The admin's view of a staff member: these fields and no others (never the password hash). */
export const presentStaff = (s: StaffRecord) => ({
  id: s.id,
  slug: s.slug,
  name: s.name,
  email: s.email,
  role: s.role,
  status: s.status,
  locale: s.locale,
  bio: s.bio,
});

const unauthenticated = () => new DomainError('UNAUTHENTICATED', 'Sign in first');
const wrongLogin = () => new DomainError('UNAUTHENTICATED', 'The email address or the password is wrong');

export interface SessionRoutesOptions {
  ctx: DomainContext;
  siteUrl: string;
}

/** The signed-in staff member of a request, with its session token, or an UNAUTHENTICATED error. */
export async function requireStaff(ctx: DomainContext, siteUrl: string, request: FastifyRequest) {
  const token = parseCookies(request.headers.cookie).get(sessionCookie(siteUrl).name);
  const staff = token ? await staffForSession(ctx, token) : null;
  if (!token || !staff) throw unauthenticated();
  return { staff, token };
}

/** A state-changing request must come from our own pages (see isSameOrigin). */
export function requireSameOrigin(siteUrl: string, request: FastifyRequest): void {
  if (!isSameOrigin(request.headers, siteUrl))
    throw new DomainError('FORBIDDEN', 'Cross-site requests are refused');
}

/** A state-changing request: same origin, and the session's CSRF token in X-CSRF-Token. */
export async function requireStaffForChange(ctx: DomainContext, siteUrl: string, request: FastifyRequest) {
  requireSameOrigin(siteUrl, request);
  const session = await requireStaff(ctx, siteUrl, request);
  const presented = request.headers['x-csrf-token'];
  if (!isCsrfTokenValid(session.token, typeof presented === 'string' ? presented : undefined))
    throw new DomainError('FORBIDDEN', 'The CSRF token is missing or wrong: reload the admin');
  return session;
}

/** Counts an attempt against a limit; over it, RATE_LIMITED with Retry-After. */
export function throttle(
  limiter: RateLimiter,
  key: string,
  reply: FastifyReply,
  message = 'Too many sign-in attempts; wait a few minutes and try again',
): void {
  if (limiter.take(key)) return;
  reply.header('retry-after', String(limiter.retryAfter(key)));
  throw new DomainError('RATE_LIMITED', message);
}

/**
 * Signs a staff member in: 201 `{ staff, csrfToken }` and the session cookie. A new token at every
 * sign-in, so a session id planted before login is never the one used after it.
 */
export async function signIn(
  ctx: DomainContext,
  siteUrl: string,
  staff: StaffRecord,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const token = await startSession(ctx, staff.id, String(request.headers['user-agent'] ?? ''));
  reply
    .header('set-cookie', setCookie(sessionCookie(siteUrl), token, sessionLifetimeMs / 1000))
    .header('cache-control', 'no-store');
  return reply.code(201).send({ staff: presentStaff(staff), csrfToken: csrfTokenFor(token) });
}

/** Sign in, see who is signed in, sign out: `/admin/api/session`. */
export function registerSessionRoutes(app: FastifyInstance, { ctx, siteUrl }: SessionRoutesOptions): void {
  const cookie = sessionCookie(siteUrl);
  const perAddress = new RateLimiter(20, fifteenMinutes);
  const perAccount = new RateLimiter(5, fifteenMinutes);

  app.get('/admin/api/session', async (request) => {
    const { staff, token } = await requireStaff(ctx, siteUrl, request);
    parseRequest(request, {});
    return { staff: presentStaff(staff), csrfToken: csrfTokenFor(token) };
  });

  app.post('/admin/api/session', async (request, reply) => {
    requireSameOrigin(siteUrl, request);
    const { body: input } = parseRequest(request, { body: loginSchema });
    throttle(perAddress, request.ip, reply);
    throttle(perAccount, input.email.trim().toLowerCase(), reply);
    const staff = await authenticate(ctx, input.email, input.password);
    if (!staff) throw wrongLogin();
    return signIn(ctx, siteUrl, staff, request, reply);
  });

  app.get('/admin/api/setup', async (request) => {
    parseRequest(request, {});
    return { isSetupNeeded: await isSetupNeeded(ctx) };
  });

  app.post('/admin/api/setup', async (request, reply) => {
    requireSameOrigin(siteUrl, request);
    throttle(perAddress, request.ip, reply);
    const { body: input } = parseRequest(request, { body: setupSchema });
    const owner = await setUpSite(ctx, input);
    return signIn(ctx, siteUrl, owner, request, reply);
  });

  app.delete('/admin/api/session', async (request, reply) => {
    const { token } = await requireStaffForChange(ctx, siteUrl, request);
    parseRequest(request, {});
    await endSession(ctx, token);
    return reply.header('set-cookie', clearCookie(cookie)).code(204).send();
  });
}
