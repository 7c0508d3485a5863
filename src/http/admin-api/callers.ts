import type { FastifyRequest } from 'fastify';
import type { DomainContext } from '../../domain/context.js';
import { actorForApiToken } from '../../domain/integrations/api-tokens.js';
import { DomainError } from '../../domain/shared/errors.js';
import { staffForSession } from '../../domain/staff/accounts.js';
import type { AdminActor, Role } from '../../domain/staff/permissions.js';
import { deviceCookie, parseCookies, sessionCookie } from './cookies.js';
import { isCsrfTokenValid, isSameOrigin } from './csrf.js';
import type { CallerKind, Callers } from './endpoint.js';

/* The first stage of every endpoint: who is calling, found from the request's headers alone. */

const unauthenticated = () => new DomainError('UNAUTHENTICATED', 'Sign in first');
const bearerPrefix = /^Bearer\s+/i;

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

export type SignedInSession = Awaited<ReturnType<typeof requireStaff>>;

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

/** A signed-in session; on a state-changing request, same origin and the session's CSRF token. */
async function signedInSession(
  ctx: DomainContext,
  siteUrl: string,
  request: FastifyRequest,
  isChange: boolean,
) {
  if (isChange) requireSameOrigin(siteUrl, request);
  const session = await requireStaff(ctx, siteUrl, request);
  if (isChange) requireCsrfToken(session.token, request);
  return session;
}

/**
 * An API token (`Authorization: Bearer`, no cookie or CSRF involved), or the session cookie, which
 * on a state-changing request must come with the same origin and CSRF token.
 */
async function staffActor(
  ctx: DomainContext,
  siteUrl: string,
  request: FastifyRequest,
  isChange: boolean,
): Promise<AdminActor> {
  const authorization = request.headers.authorization;
  if (authorization && bearerPrefix.test(authorization)) {
    const actor = await actorForApiToken(ctx, authorization.replace(bearerPrefix, '').trim());
    if (!actor) throw new DomainError('UNAUTHENTICATED', 'The API token is unknown or revoked');
    return actor;
  }
  const { staff } = await signedInSession(ctx, siteUrl, request, isChange);
  return { kind: 'staff', role: staff.role as Role, staffId: staff.id, name: staff.name };
}

/** The only caller a pending session is: same origin and its own CSRF token. */
function pendingSession(siteUrl: string, request: FastifyRequest): string {
  requireSameOrigin(siteUrl, request);
  const token = sessionTokenOf(siteUrl, request);
  if (!token) throw unauthenticated();
  requireCsrfToken(token, request);
  return token;
}

/** Finds the caller an endpoint takes, or throws UNAUTHENTICATED / FORBIDDEN. */
export async function findCaller<C extends CallerKind>(
  kind: C,
  deps: { ctx: DomainContext; siteUrl: string },
  request: FastifyRequest,
): Promise<Callers[C]> {
  const isChange = request.method !== 'GET' && request.method !== 'HEAD';
  const { ctx, siteUrl } = deps;
  const found: { [K in CallerKind]: () => Promise<Callers[K]> | Callers[K] } = {
    staff: () => staffActor(ctx, siteUrl, request, isChange),
    session: () => signedInSession(ctx, siteUrl, request, isChange),
    'pending-session': () => pendingSession(siteUrl, request),
    anyone: () => {
      if (isChange) requireSameOrigin(siteUrl, request);
      return undefined;
    },
  };
  return found[kind]();
}
