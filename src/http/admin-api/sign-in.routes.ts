import { z } from 'zod';
import { DomainError } from '../../domain/shared/errors.js';
import { completeSecondStep } from '../../domain/staff/second-step.js';
import { limitSignInLinkRequest, sendSignInLink, signInWithLink } from '../../domain/staff/sign-in.js';
import { sessionLifetimeMs } from '../../domain/staff/accounts.js';
import { acceptedAnswer, signedInAnswer } from './answers.js';
import { deviceTokenOf } from './callers.js';
import { sessionCookie, setCookie } from './cookies.js';
import { csrfTokenFor } from './csrf.js';
import { asItIs, endpoint, type Endpoint } from './endpoint.js';
import { answerSignIn, presentStaff, setDeviceCookie, signInAnswers, userAgentOf } from './session.routes.js';

const codeSchema = z.strictObject({ code: z.string().min(1, 'is required').max(40) });
const linkRequestSchema = z.strictObject({ email: z.string().max(254) });
const linkSchema = z.strictObject({ token: z.string().max(100) });
const doc = { tag: 'Setup, sessions, accounts' } as const;

/** The second step of signing in, and signing in with an emailed link instead of the password. */
export const signInEndpoints: Endpoint[] = [
  endpoint({
    ...doc,
    operationId: 'completeSecondStep',
    summary: 'The second step of signing in: a TOTP, recovery or emailed code',
    description: 'The only endpoint a pending session is accepted on.',
    method: 'POST',
    path: '/admin/api/session/second-step',
    caller: 'pending-session',
    status: 201,
    body: codeSchema,
    answer: signedInAnswer,
    run: async ({ ctx, deps, caller, body, request, reply }) => {
      const done = await completeSecondStep(ctx, {
        token: caller,
        code: body.code,
        userAgent: userAgentOf(request),
      });
      reply.header(
        'set-cookie',
        setCookie(sessionCookie(deps.siteUrl), done.token, sessionLifetimeMs / 1000),
      );
      setDeviceCookie(deps.siteUrl, reply, done.deviceToken);
      return done;
    },
    present: (done) => ({ staff: presentStaff(done.staff), csrfToken: csrfTokenFor(done.token) }),
  }),
  endpoint({
    ...doc,
    operationId: 'requestSignInLink',
    summary: 'Emails a sign-in link to the address, if it is a staff member’s',
    description: 'Answered the same (202) whether or not the address belongs to anyone.',
    method: 'POST',
    path: '/admin/api/session/link',
    caller: 'anyone',
    status: 202,
    body: linkRequestSchema,
    answer: acceptedAnswer,
    run: async ({ ctx, body, request }) => {
      await limitSignInLinkRequest(ctx, request.ip, body.email);
      // Not awaited: the answer comes as fast for an unknown address as for a known one.
      sendSignInLink(ctx, body.email).catch((error: unknown) => {
        if (!(error instanceof DomainError)) request.log.error({ err: error }, 'sign-in link email failed');
      });
      return {};
    },
    present: asItIs,
  }),
  endpoint({
    ...doc,
    operationId: 'signInWithLink',
    summary: 'Signs in with the token of an emailed link',
    method: 'POST',
    path: '/admin/api/session/link/complete',
    caller: 'anyone',
    body: linkSchema,
    ...signInAnswers,
    run: async ({ ctx, deps, body, request, reply }) => {
      const start = await signInWithLink(ctx, {
        token: body.token,
        ip: request.ip,
        deviceToken: deviceTokenOf(deps.siteUrl, request),
        userAgent: userAgentOf(request),
      });
      return answerSignIn(deps.siteUrl, start, reply);
    },
    present: asItIs,
  }),
];
