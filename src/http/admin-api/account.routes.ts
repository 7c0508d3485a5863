import { z } from 'zod';
import { DomainError } from '../../domain/shared/errors.js';
import { changePassword } from '../../domain/staff/accounts.js';
import { acceptInvitation, acceptSchema } from '../../domain/staff/invitations.js';
import {
  completePasswordReset,
  requestPasswordReset,
  resetCompleteSchema,
} from '../../domain/staff/password-reset.js';
import { profileSchema, updateProfile } from '../../domain/staff/staff.js';
import { limits } from '../../domain/limits/rate-limits.js';
import { acceptedAnswer, staffAnswer } from './answers.js';
import { asItIs, endpoint, noContent, type Endpoint } from './endpoint.js';
import { presentStaff, signInAnswers, signInProven } from './session.routes.js';

const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1, 'is required').max(1024),
  newPassword: z.string().max(1024),
});
/** Any text: the answer is the same for an address that is not one (see requestPasswordReset). */
const resetRequestSchema = z.strictObject({ email: z.string().max(254) });
const doc = { tag: 'Setup, sessions, accounts' } as const;

/**
 * Your own account and getting into one: profile, password, password reset, accepting an invitation.
 * Your own account belongs to a signed-in person: these take the session, never an API token.
 */
export const accountEndpoints: Endpoint[] = [
  endpoint({
    ...doc,
    operationId: 'updateProfile',
    summary: 'Changes your own profile',
    method: 'PATCH',
    path: '/admin/api/profile',
    caller: 'session',
    body: profileSchema,
    answer: z.object({ staff: staffAnswer }),
    run: ({ ctx, caller, body }) => updateProfile(ctx, caller.staff.id, body),
    present: (staff) => ({ staff: presentStaff(staff) }),
  }),
  endpoint({
    ...doc,
    operationId: 'changePassword',
    summary: 'Changes your own password; your other sessions end',
    method: 'POST',
    path: '/admin/api/profile/password',
    caller: 'session',
    body: passwordChangeSchema,
    answer: 'none',
    run: ({ ctx, caller, body }) =>
      changePassword(ctx, { staffId: caller.staff.id, ...body, keepSessionToken: caller.token }),
    present: noContent,
  }),
  endpoint({
    ...doc,
    operationId: 'getMailStatus',
    summary: 'Whether the site can send email',
    method: 'GET',
    path: '/admin/api/mail',
    caller: 'session',
    answer: z.object({ isConfigured: z.boolean() }),
    run: async ({ ctx }) => ({ isConfigured: ctx.mail.isConfigured }),
    present: asItIs,
  }),
  endpoint({
    ...doc,
    operationId: 'requestPasswordReset',
    summary: 'Emails a password reset link to the address, if it is a staff member’s',
    description: 'Answered the same (202) whether or not the address belongs to anyone.',
    method: 'POST',
    path: '/admin/api/password-reset',
    caller: 'anyone',
    status: 202,
    body: resetRequestSchema,
    rateLimits: ({ request, body }) => [
      [limits.resetPerAddress, request.ip],
      [limits.resetPerAccount, body.email.trim().toLowerCase()],
    ],
    answer: acceptedAnswer,
    run: async ({ ctx, body, request }) => {
      // Not awaited: the answer comes as fast for an unknown address as for a known one.
      requestPasswordReset(ctx, body.email).catch((error: unknown) => {
        if (!(error instanceof DomainError)) request.log.error({ err: error }, 'password reset email failed');
      });
      return {};
    },
    present: asItIs,
  }),
  endpoint({
    ...doc,
    operationId: 'completePasswordReset',
    summary: 'Sets a new password with the token of a reset link',
    method: 'POST',
    path: '/admin/api/password-reset/complete',
    caller: 'anyone',
    body: resetCompleteSchema,
    answer: 'none',
    run: ({ ctx, body }) => completePasswordReset(ctx, body),
    present: noContent,
  }),
  endpoint({
    ...doc,
    operationId: 'acceptInvitation',
    summary: 'Joins the staff with an invitation’s token, and signs in',
    method: 'POST',
    path: '/admin/api/invitations/accept',
    caller: 'anyone',
    body: acceptSchema,
    rateLimits: ({ request }) => [[limits.acceptPerAddress, request.ip]],
    ...signInAnswers,
    run: async ({ ctx, deps, body, request, reply }) =>
      signInProven(ctx, deps.siteUrl, await acceptInvitation(ctx, body), request, reply),
    present: asItIs,
  }),
];
