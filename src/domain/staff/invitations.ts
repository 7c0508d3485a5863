import { z } from 'zod';
import type { DomainContext } from '../context.js';
import type { InvitationRecord, StaffRecord } from '../ports.js';
import { DomainError, notFound, validationError } from '../shared/errors.js';
import { requiredText } from '../shared/fields.js';
import { newId } from '../shared/ids.js';
import { parseInput } from '../shared/validate.js';
import { getSiteSettings } from '../settings/site-settings.js';
import { checkPassword } from './accounts.js';
import { can, type Actor } from './permissions.js';
import { invitationEmail, localeFor } from './staff-emails.js';
import { createStaff, emailAddress } from './staff.js';
import { hashToken, isTokenShaped, newToken } from './tokens.js';

export const invitationLifetimeMs = 7 * 24 * 3600 * 1000;

/** Nobody is invited as owner: ownership is only ever handed over (see staff-admin.ts). */
export const invitableRoles = ['administrator', 'editor', 'author', 'contributor'] as const;

export const inviteSchema = z.strictObject({ email: emailAddress, role: z.enum(invitableRoles) });
export const acceptSchema = z.strictObject({
  token: z.string().max(100),
  name: requiredText(191),
  password: z.string().max(1024),
});

function requireInviter(actor: Actor): void {
  if (!can(actor, 'create', 'staff')) throw new DomainError('FORBIDDEN', 'You may not invite staff');
}

const invalidLink = () =>
  validationError([
    {
      property: 'token',
      message: 'this invitation link is not valid: it was used, withdrawn or has expired',
    },
  ]);

/**
 * Emails an invitation to join with a role (valid 7 days, single use). A new invitation to the same
 * address replaces the old one. An address that already has an account gets nothing, and the caller
 * the same answer.
 */
export async function inviteStaff(
  ctx: DomainContext,
  actor: Actor,
  input: z.input<typeof inviteSchema>,
): Promise<void> {
  requireInviter(actor);
  const f = parseInput(inviteSchema, input);
  if (await ctx.repos.staff.findByEmail(f.email)) return;
  const token = newToken();
  const now = ctx.clock.now();
  await ctx.repos.transaction(async (repos) => {
    await repos.invitations.deletePendingFor(f.email);
    await repos.invitations.insert({
      id: newId(now),
      email: f.email,
      role: f.role,
      tokenHash: hashToken(token),
      invitedBy: actor.staffId,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + invitationLifetimeMs).toISOString(),
      acceptedAt: null,
    });
  });
  const settings = await getSiteSettings(ctx);
  await ctx.mail.send(
    invitationEmail({
      to: f.email,
      role: f.role,
      token,
      siteTitle: settings.title,
      siteUrl: ctx.siteUrl,
      locale: localeFor(settings.defaultLanguage),
    }),
  );
}

/** Invitations neither accepted nor expired, newest first. */
export async function listInvitations(ctx: DomainContext, actor: Actor): Promise<InvitationRecord[]> {
  requireInviter(actor);
  return ctx.repos.invitations.listPending(ctx.clock.now().toISOString());
}

/** Withdraws an invitation: its link stops working. */
export async function revokeInvitation(ctx: DomainContext, actor: Actor, id: string): Promise<void> {
  requireInviter(actor);
  if (!(await ctx.repos.invitations.deletePending(id))) throw notFound('Invitation');
}

/** Creates the invited account with the invited role; the link is used up only when this succeeds. */
export async function acceptInvitation(
  ctx: DomainContext,
  input: z.input<typeof acceptSchema>,
): Promise<StaffRecord> {
  const f = parseInput(acceptSchema, input);
  if (!isTokenShaped(f.token)) throw invalidLink();
  const invitation = await ctx.repos.invitations.findLive(hashToken(f.token), ctx.clock.now().toISOString());
  if (!invitation) throw invalidLink();
  checkPassword(f.password, { email: invitation.email, name: f.name });
  const hash = await ctx.passwords.hash(f.password);
  return ctx.repos.transaction(async (repos) => {
    const now = ctx.clock.now().toISOString();
    if (!(await repos.invitations.claim(invitation.tokenHash, now))) throw invalidLink();
    const staff = await createStaff(
      { ...ctx, repos },
      { name: f.name, email: invitation.email, role: invitation.role as (typeof invitableRoles)[number] },
    );
    await repos.staff.setPasswordHash(staff.id, hash, now);
    return staff;
  });
}
