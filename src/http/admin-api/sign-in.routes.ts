import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { DomainContext } from '../../domain/context.js';
import { DomainError } from '../../domain/shared/errors.js';
import { completeSecondStep } from '../../domain/staff/second-step.js';
import { limitSignInLinkRequest, sendSignInLink, signInWithLink } from '../../domain/staff/sign-in.js';
import { sessionLifetimeMs } from '../../domain/staff/accounts.js';
import { sessionCookie, setCookie } from './cookies.js';
import { csrfTokenFor } from './csrf.js';
import { guardedRoute } from './guarded-route.js';
import { parseRequest } from './request-schema.js';
import {
  answerSignIn,
  deviceTokenOf,
  presentStaff,
  requireCsrfToken,
  requireSameOrigin,
  sessionTokenOf,
  setDeviceCookie,
  userAgentOf,
} from './session.routes.js';

const codeSchema = z.strictObject({ code: z.string().min(1, 'is required').max(40) });
const linkRequestSchema = z.strictObject({ email: z.string().max(254) });
const linkSchema = z.strictObject({ token: z.string().max(100) });

export interface SignInRoutesOptions {
  ctx: DomainContext;
  siteUrl: string;
}

/** The second step of signing in, and signing in with an emailed link instead of the password. */
export function registerSignInRoutes(app: FastifyInstance, { ctx, siteUrl }: SignInRoutesOptions): void {
  const sameOrigin = (request: FastifyRequest) => requireSameOrigin(siteUrl, request);
  const pendingSession = (request: FastifyRequest) => {
    requireSameOrigin(siteUrl, request);
    const token = sessionTokenOf(siteUrl, request);
    if (!token) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
    requireCsrfToken(token, request);
    return token;
  };

  // The only route a pending session is accepted on: same origin and its own CSRF token.
  const secondStep = { method: 'POST', url: '/admin/api/session/second-step' } as const;
  guardedRoute(app, secondStep, pendingSession, async (token, request, reply) => {
    const { code } = parseRequest(request, { body: codeSchema }).body;
    const done = await completeSecondStep(ctx, { token, code, userAgent: userAgentOf(request) });
    reply.header('set-cookie', setCookie(sessionCookie(siteUrl), done.token, sessionLifetimeMs / 1000));
    setDeviceCookie(siteUrl, reply, done.deviceToken);
    return reply
      .header('cache-control', 'no-store')
      .code(201)
      .send({ staff: presentStaff(done.staff), csrfToken: csrfTokenFor(done.token) });
  });

  // Answered the same (202) whether or not the address belongs to anyone, before the email goes out.
  guardedRoute(
    app,
    { method: 'POST', url: '/admin/api/session/link' },
    sameOrigin,
    async (_, request, reply) => {
      const { email } = parseRequest(request, { body: linkRequestSchema }).body;
      await limitSignInLinkRequest(ctx, request.ip, email);
      sendSignInLink(ctx, email).catch((error: unknown) => {
        if (!(error instanceof DomainError)) request.log.error({ err: error }, 'sign-in link email failed');
      });
      return reply.code(202).send({});
    },
  );

  const linkComplete = { method: 'POST', url: '/admin/api/session/link/complete' } as const;
  guardedRoute(app, linkComplete, sameOrigin, async (_, request, reply) => {
    const { token } = parseRequest(request, { body: linkSchema }).body;
    const start = await signInWithLink(ctx, {
      token,
      ip: request.ip,
      deviceToken: deviceTokenOf(siteUrl, request),
      userAgent: userAgentOf(request),
    });
    return answerSignIn(siteUrl, start, reply);
  });
}
