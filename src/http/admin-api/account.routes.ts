import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { DomainContext } from '../../domain/context.js';
import { DomainError } from '../../domain/shared/errors.js';
import { changePassword } from '../../domain/staff/accounts.js';
import { acceptInvitation, acceptSchema } from '../../domain/staff/invitations.js';
import {
  completePasswordReset,
  requestPasswordReset,
  resetCompleteSchema,
} from '../../domain/staff/password-reset.js';
import { profileSchema, updateProfile } from '../../domain/staff/staff.js';
import { enforce, limits } from '../../domain/limits/rate-limits.js';
import { guardedRoute, type Method } from './guarded-route.js';
import {
  presentStaff,
  requireSameOrigin,
  sessionRoute,
  signInProven,
  type SignedInHandler,
} from './session.routes.js';
import { parseRequest } from './request-schema.js';

const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1, 'is required').max(1024),
  newPassword: z.string().max(1024),
});
/** Any text: the answer is the same for an address that is not one (see requestPasswordReset). */
const resetRequestSchema = z.strictObject({ email: z.string().max(254) });

export interface AccountRoutesOptions {
  ctx: DomainContext;
  siteUrl: string;
}

/** Your own account and getting into one: profile, password, password reset, accepting an invitation. */
export function registerAccountRoutes(app: FastifyInstance, { ctx, siteUrl }: AccountRoutesOptions): void {
  // Your own account belongs to a signed-in person: these routes take the session, never an API
  // token, found before the body is read.
  const signedIn = (method: Method, url: string, handler: SignedInHandler) =>
    sessionRoute(app, { ctx, siteUrl }, { method, url }, handler);
  const sameOrigin = (request: FastifyRequest) => requireSameOrigin(siteUrl, request);

  signedIn('PATCH', '/admin/api/profile', async ({ staff }, request) => {
    const { body } = parseRequest(request, { body: profileSchema });
    return { staff: presentStaff(await updateProfile(ctx, staff.id, body)) };
  });

  signedIn('POST', '/admin/api/profile/password', async ({ staff, token }, request, reply) => {
    const { body: input } = parseRequest(request, { body: passwordChangeSchema });
    await changePassword(ctx, { staffId: staff.id, ...input, keepSessionToken: token });
    return reply.code(204).send();
  });

  signedIn('GET', '/admin/api/mail', async (_session, request) => {
    parseRequest(request, {});
    return { isConfigured: ctx.mail.isConfigured };
  });

  guardedRoute(
    app,
    { method: 'POST', url: '/admin/api/password-reset' },
    sameOrigin,
    async (_, request, reply) => {
      const { body: input } = parseRequest(request, { body: resetRequestSchema });
      await enforce(ctx, limits.resetPerAddress, request.ip);
      await enforce(ctx, limits.resetPerAccount, input.email.trim().toLowerCase());
      // Not awaited: the answer comes as fast for an unknown address as for a known one.
      requestPasswordReset(ctx, input.email).catch((error: unknown) => {
        if (!(error instanceof DomainError)) request.log.error({ err: error }, 'password reset email failed');
      });
      return reply.code(202).send({});
    },
  );

  const resetComplete = { method: 'POST', url: '/admin/api/password-reset/complete' } as const;
  guardedRoute(app, resetComplete, sameOrigin, async (_, request, reply) => {
    const { body } = parseRequest(request, { body: resetCompleteSchema });
    await completePasswordReset(ctx, body);
    return reply.code(204).send();
  });

  const accept = { method: 'POST', url: '/admin/api/invitations/accept' } as const;
  guardedRoute(app, accept, sameOrigin, async (_, request, reply) => {
    const { body } = parseRequest(request, { body: acceptSchema });
    await enforce(ctx, limits.acceptPerAddress, request.ip);
    const staff = await acceptInvitation(ctx, body);
    return signInProven(ctx, siteUrl, staff, request, reply);
  });
}
