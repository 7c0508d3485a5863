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
import {
  presentStaff,
  requireSameOrigin,
  requireStaff,
  requireStaffForChange,
  signInProven,
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
  // Your own account belongs to a signed-in person: these routes take the session, never an API token.
  const signedIn = (request: FastifyRequest, isChange: boolean) =>
    isChange ? requireStaffForChange(ctx, siteUrl, request) : requireStaff(ctx, siteUrl, request);

  app.patch('/admin/api/profile', async (request) => {
    const { staff } = await signedIn(request, true);
    const { body } = parseRequest(request, { body: profileSchema });
    return { staff: presentStaff(await updateProfile(ctx, staff.id, body)) };
  });

  app.post('/admin/api/profile/password', async (request, reply) => {
    const { staff, token } = await signedIn(request, true);
    const { body: input } = parseRequest(request, { body: passwordChangeSchema });
    await changePassword(ctx, { staffId: staff.id, ...input, keepSessionToken: token });
    return reply.code(204).send();
  });

  app.get('/admin/api/mail', async (request) => {
    await signedIn(request, false);
    parseRequest(request, {});
    return { isConfigured: ctx.mail.isConfigured };
  });

  app.post('/admin/api/password-reset', async (request, reply) => {
    requireSameOrigin(siteUrl, request);
    const { body: input } = parseRequest(request, { body: resetRequestSchema });
    await enforce(ctx, limits.resetPerAddress, request.ip);
    await enforce(ctx, limits.resetPerAccount, input.email.trim().toLowerCase());
    // Not awaited: the answer comes as fast for an unknown address as for a known one.
    requestPasswordReset(ctx, input.email).catch((error: unknown) => {
      if (!(error instanceof DomainError)) request.log.error({ err: error }, 'password reset email failed');
    });
    return reply.code(202).send({});
  });

  app.post('/admin/api/password-reset/complete', async (request, reply) => {
    requireSameOrigin(siteUrl, request);
    const { body } = parseRequest(request, { body: resetCompleteSchema });
    await completePasswordReset(ctx, body);
    return reply.code(204).send();
  });

  app.post('/admin/api/invitations/accept', async (request, reply) => {
    requireSameOrigin(siteUrl, request);
    const { body } = parseRequest(request, { body: acceptSchema });
    await enforce(ctx, limits.acceptPerAddress, request.ip);
    const staff = await acceptInvitation(ctx, body);
    return signInProven(ctx, siteUrl, staff, request, reply);
  });
}
