import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { DomainContext } from '../../domain/context.js';
import { enforce, limits } from '../../domain/limits/rate-limits.js';
import type { StaffRecord } from '../../domain/ports.js';
import { DomainError } from '../../domain/shared/errors.js';
import {
  endSession,
  pendingLifetimeMs,
  sessionLifetimeMs,
  staffForSession,
} from '../../domain/staff/accounts.js';
import { deviceLifetimeMs, rememberDevice } from '../../domain/staff/devices.js';
import { startSignIn, type SignInStart } from '../../domain/staff/second-step.js';
import { signInWithPassword } from '../../domain/staff/sign-in.js';
import { isSetupNeeded, setUpSite } from '../../domain/staff/setup.js';
import { clearCookie, deviceCookie, parseCookies, sessionCookie, setCookie } from './cookies.js';
import { csrfTokenFor, isCsrfTokenValid, isSameOrigin } from './csrf.js';
import { guardedRoute, type Method } from './guarded-route.js';
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

export interface SessionRoutesOptions {
  ctx: DomainContext;
  siteUrl: string;
}

/** The session token a request carries, if any (signed in or pending). */
export const sessionTokenOf = (siteUrl: string, request: FastifyRequest) =>
  parseCookies(request.headers.cookie).get(sessionCookie(siteUrl).name);

/** The remembered-device token a request carries, if any. */
export const deviceTokenOf = (siteUrl: string, request: FastifyRequest) =>
  parseCookies(request.headers.cookie).get(deviceCookie(siteUrl).name);

/**
 * The signed-in staff member of a request, with its session token, or an UNAUTHENTICATED error.
 * A pending session (second step not done) is refused here, so every route that needs a session
 * refuses it.
 */
export async function requireStaff(ctx: DomainContext, siteUrl: string, request: FastifyRequest) {
  const token = sessionTokenOf(siteUrl, request);
  const staff = token ? await staffForSession(ctx, token) : null;
  if (!token || !staff) throw unauthenticated();
  return { staff, token };
}

/** A state-changing request must come from our own pages (see isSameOrigin). */
export function requireSameOrigin(siteUrl: string, request: FastifyRequest): void {
  if (!isSameOrigin(request.headers, siteUrl))
    throw new DomainError('FORBIDDEN', 'Cross-site requests are refused');
}

/** The CSRF token of the session `token` in X-CSRF-Token, or FORBIDDEN. */
export function requireCsrfToken(token: string, request: FastifyRequest): void {
  const presented = request.headers['x-csrf-token'];
  if (!isCsrfTokenValid(token, typeof presented === 'string' ? presented : undefined))
    throw new DomainError('FORBIDDEN', 'The CSRF token is missing or wrong: reload the admin');
}

/** A state-changing request: same origin, and the session's CSRF token in X-CSRF-Token. */
export async function requireStaffForChange(ctx: DomainContext, siteUrl: string, request: FastifyRequest) {
  requireSameOrigin(siteUrl, request);
  const session = await requireStaff(ctx, siteUrl, request);
  requireCsrfToken(session.token, request);
  return session;
}

export type SignedInSession = Awaited<ReturnType<typeof requireStaff>>;
export type SignedInHandler = (
  session: SignedInSession,
  request: FastifyRequest,
  reply: FastifyReply,
) => Promise<unknown>;

/**
 * A route of a signed-in person's own session (never an API token): the session, and on a
 * state-changing request its origin and CSRF token, are checked before the body is read.
 */
export function sessionRoute(
  app: FastifyInstance,
  { ctx, siteUrl }: SessionRoutesOptions,
  route: { method: Method; url: string },
  handler: SignedInHandler,
): void {
  const findSession = (request: FastifyRequest) =>
    route.method === 'GET'
      ? requireStaff(ctx, siteUrl, request)
      : requireStaffForChange(ctx, siteUrl, request);
  guardedRoute(app, route, findSession, handler);
}

export const userAgentOf = (request: FastifyRequest) => String(request.headers['user-agent'] ?? '');

/** Sets the remembered-device cookie. */
export function setDeviceCookie(siteUrl: string, reply: FastifyReply, deviceToken: string): void {
  reply.header('set-cookie', setCookie(deviceCookie(siteUrl), deviceToken, deviceLifetimeMs / 1000));
}

/**
 * Answers a first step: the session cookie (a new token at every sign-in, so a session id planted
 * before login is never the one used after it) and either 201 `{ staff, csrfToken }` (signed in) or
 * 202 `{ secondStep, csrfToken }` (pending: only POST /admin/api/session/second-step accepts it).
 */
export function answerSignIn(siteUrl: string, start: SignInStart, reply: FastifyReply, deviceToken?: string) {
  const lifetime = start.pendingStep ? pendingLifetimeMs : sessionLifetimeMs;
  reply
    .header('set-cookie', setCookie(sessionCookie(siteUrl), start.token, lifetime / 1000))
    .header('cache-control', 'no-store');
  if (deviceToken) setDeviceCookie(siteUrl, reply, deviceToken);
  const csrfToken = csrfTokenFor(start.token);
  return start.pendingStep
    ? reply.code(202).send({ secondStep: start.pendingStep, csrfToken })
    : reply.code(201).send({ staff: presentStaff(start.staff), csrfToken });
}

/**
 * Signs in someone who just proved their address by other means (first-run setup, an invitation
 * link): the second step is done by that, and the device is remembered.
 */
export async function signInProven(
  ctx: DomainContext,
  siteUrl: string,
  staff: StaffRecord,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const deviceToken = await rememberDevice(ctx, staff.id);
  const start = await startSignIn(ctx, { staff, deviceToken, userAgent: userAgentOf(request) });
  return answerSignIn(siteUrl, start, reply, start.pendingStep ? undefined : deviceToken);
}

/** Sign in, see who is signed in, sign out: `/admin/api/session`. */
export function registerSessionRoutes(app: FastifyInstance, { ctx, siteUrl }: SessionRoutesOptions): void {
  const cookie = sessionCookie(siteUrl);
  const session = (method: Method, url: string, handler: SignedInHandler) =>
    sessionRoute(app, { ctx, siteUrl }, { method, url }, handler);
  // Routes that need no session still refuse a cross-site request before reading its body.
  const sameOrigin = (request: FastifyRequest) => requireSameOrigin(siteUrl, request);

  session('GET', '/admin/api/session', async ({ staff, token }, request) => {
    parseRequest(request, {});
    return { staff: presentStaff(staff), csrfToken: csrfTokenFor(token) };
  });

  guardedRoute(app, { method: 'POST', url: '/admin/api/session' }, sameOrigin, async (_, request, reply) => {
    const { body: input } = parseRequest(request, { body: loginSchema });
    const start = await signInWithPassword(ctx, {
      ...input,
      ip: request.ip,
      deviceToken: deviceTokenOf(siteUrl, request),
      userAgent: userAgentOf(request),
    });
    return answerSignIn(siteUrl, start, reply);
  });

  app.get('/admin/api/setup', async (request) => {
    parseRequest(request, {});
    return { isSetupNeeded: await isSetupNeeded(ctx) };
  });

  guardedRoute(app, { method: 'POST', url: '/admin/api/setup' }, sameOrigin, async (_, request, reply) => {
    const { body: input } = parseRequest(request, { body: setupSchema });
    await enforce(ctx, limits.acceptPerAddress, request.ip);
    // setUpSite checks every field and answers every problem at once (each with its property).
    const owner = await setUpSite(ctx, input);
    return signInProven(ctx, siteUrl, owner, request, reply);
  });

  session('DELETE', '/admin/api/session', async ({ token }, request, reply) => {
    parseRequest(request, {});
    await endSession(ctx, token);
    return reply.header('set-cookie', clearCookie(cookie)).code(204).send();
  });
}
