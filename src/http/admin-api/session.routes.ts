import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { DomainContext } from '../../domain/context.js';
import { limits } from '../../domain/limits/rate-limits.js';
import type { StaffRecord } from '../../domain/ports.js';
import { endSession, pendingLifetimeMs, sessionLifetimeMs } from '../../domain/staff/accounts.js';
import { deviceLifetimeMs, rememberDevice } from '../../domain/staff/devices.js';
import type { Role } from '../../domain/staff/permissions.js';
import { startSignIn, type SignInStart } from '../../domain/staff/second-step.js';
import { signInWithPassword } from '../../domain/staff/sign-in.js';
import { isSetupNeeded, setUpSite } from '../../domain/staff/setup.js';
import { secondStepAnswer, signedInAnswer, type staffAnswer } from './answers.js';
import { deviceTokenOf } from './callers.js';
import { clearCookie, deviceCookie, sessionCookie, setCookie } from './cookies.js';
import { csrfTokenFor } from './csrf.js';
import { asItIs, endpoint, noContent, StatusAnswer, type Endpoint } from './endpoint.js';

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
export const presentStaff = (s: StaffRecord): z.input<typeof staffAnswer> => ({
  id: s.id,
  slug: s.slug,
  name: s.name,
  email: s.email,
  role: s.role as Role,
  status: s.status as 'active' | 'suspended',
  locale: s.locale as 'en' | 'nb',
  bio: s.bio,
  jobTitle: s.jobTitle,
  expertise: s.expertise,
  contact: s.contact,
  fediverse: s.fediverse,
  profileLinks: s.profileLinks,
});

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
  reply.header('set-cookie', setCookie(sessionCookie(siteUrl), start.token, lifetime / 1000));
  if (deviceToken) setDeviceCookie(siteUrl, reply, deviceToken);
  const csrfToken = csrfTokenFor(start.token);
  return start.pendingStep
    ? new StatusAnswer(202, { secondStep: start.pendingStep, csrfToken })
    : new StatusAnswer(201, { staff: presentStaff(start.staff), csrfToken });
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

const doc = { tag: 'Setup, sessions, accounts' } as const;
/** A first step's answers: 201 signed in, or 202 with the second step to do. */
export const signInAnswers = {
  status: 201,
  answer: signedInAnswer,
  alsoAnswers: {
    status: 202,
    schema: secondStepAnswer,
    description: 'The second step is still to do: POST /admin/api/session/second-step.',
  },
} as const;

/** First-run setup; sign in, see who is signed in, sign out: `/admin/api/session`. */
export const sessionEndpoints: Endpoint[] = [
  endpoint({
    ...doc,
    operationId: 'getSetup',
    summary: 'Whether the site still needs setting up',
    method: 'GET',
    path: '/admin/api/setup',
    caller: 'anyone',
    answer: z.object({ isSetupNeeded: z.boolean() }),
    run: async ({ ctx }) => ({ isSetupNeeded: await isSetupNeeded(ctx) }),
    present: asItIs,
  }),
  endpoint({
    ...doc,
    operationId: 'setUp',
    summary: 'Sets the site up: its title and its owner, who is signed in',
    description: 'Refused once the site has an owner. Every field problem is answered at once.',
    method: 'POST',
    path: '/admin/api/setup',
    caller: 'anyone',
    body: setupSchema,
    rateLimits: ({ request }) => [[limits.acceptPerAddress, request.ip]],
    ...signInAnswers,
    run: async ({ ctx, deps, body, request, reply }) =>
      signInProven(ctx, deps.siteUrl, await setUpSite(ctx, body), request, reply),
    present: asItIs,
  }),
  endpoint({
    ...doc,
    operationId: 'getSession',
    summary: 'Who is signed in, with the CSRF token of the session',
    method: 'GET',
    path: '/admin/api/session',
    caller: 'session',
    answer: signedInAnswer,
    run: async ({ caller }) => caller,
    present: ({ staff, token }) => ({ staff: presentStaff(staff), csrfToken: csrfTokenFor(token) }),
  }),
  endpoint({
    ...doc,
    operationId: 'signIn',
    summary: 'Signs in with an email address and password',
    method: 'POST',
    path: '/admin/api/session',
    caller: 'anyone',
    body: loginSchema,
    ...signInAnswers,
    run: async ({ ctx, deps, body, request, reply }) => {
      const start = await signInWithPassword(ctx, {
        ...body,
        ip: request.ip,
        deviceToken: deviceTokenOf(deps.siteUrl, request),
        userAgent: userAgentOf(request),
      });
      return answerSignIn(deps.siteUrl, start, reply);
    },
    present: asItIs,
  }),
  endpoint({
    ...doc,
    operationId: 'signOut',
    summary: 'Signs out: the session ends and its cookie is cleared',
    method: 'DELETE',
    path: '/admin/api/session',
    caller: 'session',
    answer: 'none',
    run: async ({ ctx, deps, caller, reply }) => {
      await endSession(ctx, caller.token);
      reply.header('set-cookie', clearCookie(sessionCookie(deps.siteUrl)));
    },
    present: noContent,
  }),
];
