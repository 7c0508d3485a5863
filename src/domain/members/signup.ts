import { z } from 'zod';
import type { DomainContext } from '../context.js';
import type { MemberRecord, NewsletterRecord } from '../ports.js';
import { DomainError, validationError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { parseInput } from '../shared/validate.js';
import { getSiteSettings } from '../settings/site-settings.js';
import { hashToken, isTokenShaped, newToken } from '../staff/tokens.js';
import { activeNewsletters } from '../newsletters/newsletters.js';
import { enforce, limits, take } from '../limits/rate-limits.js';
import { memberEmail, normalisedForLimits } from './email-address.js';
import { confirmationEmail, memberLocaleFor } from './member-emails.js';
import { verifyMemberLinkToken, type MemberLinkPurpose } from './member-links.js';

export const confirmationLifetimeMs = 48 * 3600 * 1000;
const dayMs = 24 * 3600 * 1000;

const signUpSchema = z.strictObject({
  email: memberEmail,
  newsletterIds: z.array(z.string().max(64)).max(50).default([]),
  language: z.string().max(20).default(''),
});

export interface PreparedSignUp {
  email: string;
  newsletters: NewsletterRecord[];
  language: string;
}

/**
 * Checks a signup before anything is stored or sent: one plain address and at least one active
 * newsletter (with only one, choosing is implied). Throws VALIDATION; says nothing about the address
 * being known.
 */
export async function prepareSignUp(
  ctx: DomainContext,
  input: z.input<typeof signUpSchema>,
): Promise<PreparedSignUp> {
  const f = parseInput(signUpSchema, input);
  const active = await activeNewsletters(ctx);
  if (active.length === 0)
    throw validationError([{ property: 'newsletterIds', message: 'there is no newsletter to subscribe to' }]);
  const chosen = active.length === 1 ? active : active.filter((n) => f.newsletterIds.includes(n.id));
  if (chosen.length === 0)
    throw validationError([{ property: 'newsletterIds', message: 'choose at least one newsletter' }]);
  return { email: f.email, newsletters: chosen, language: f.language };
}

/** Counts a signup from one client address (5 an hour); over it, RATE_LIMITED. */
export function limitSignUp(ctx: DomainContext, ip: string): Promise<void> {
  return enforce(ctx, limits.signupPerAddress, ip);
}

/**
 * Records a confirmation for the address (a new member is `pending` until they confirm) and emails
 * the link, whatever the member's status: confirming adds the newsletters. At most 3 emails in 24
 * hours to one address, counted atomically in the database on the address without case or `+tag`;
 * beyond that nothing happens.
 */
export async function sendConfirmation(ctx: DomainContext, signUp: PreparedSignUp): Promise<void> {
  if (!(await take(ctx, limits.confirmationsPerEmail, normalisedForLimits(signUp.email))).allowed) return;
  const now = ctx.clock.now();
  const member = await findOrCreatePending(ctx, signUp.email, now);
  const token = newToken();
  await ctx.repos.members.insertConfirmation({
    tokenHash: hashToken(token),
    memberId: member.id,
    newsletterIds: signUp.newsletters.map((n) => n.id),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + confirmationLifetimeMs).toISOString(),
    usedAt: null,
  });
  const settings = await getSiteSettings(ctx);
  await ctx.mail.send(
    confirmationEmail({
      to: member.email,
      siteTitle: settings.title,
      siteUrl: ctx.siteUrl,
      newsletterNames: signUp.newsletters.map((n) => n.name),
      token,
      locale: memberLocaleFor(
        signUp.newsletters[0]?.language ?? (signUp.language || settings.defaultLanguage),
      ),
    }),
  );
}

/** A signup from start to end (the public route answers before the email goes out). */
export async function signUp(ctx: DomainContext, input: z.input<typeof signUpSchema>): Promise<void> {
  await sendConfirmation(ctx, await prepareSignUp(ctx, input));
}

async function findOrCreatePending(ctx: DomainContext, email: string, now: Date): Promise<MemberRecord> {
  const existing = await ctx.repos.members.findByEmail(email);
  if (existing) return existing;
  const member: MemberRecord = {
    id: newId(now),
    email,
    name: '',
    status: 'pending',
    consentSource: 'signup',
    consentAt: null,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  try {
    await ctx.repos.members.insert(member);
    return member;
  } catch (error) {
    // Two signups for one new address at once: the other made the member.
    const made = await ctx.repos.members.findByEmail(email);
    if (made) return made;
    throw error;
  }
}

export const invalidMemberLink = (what = 'this link is not valid or has expired') =>
  new DomainError('VALIDATION', what, [{ property: 'token', message: what }]);

export type ConfirmationState = 'valid' | 'used' | 'invalid';

/** What a confirmation link would do (for its GET page, which changes nothing). */
export async function confirmationState(ctx: DomainContext, token: string): Promise<ConfirmationState> {
  if (typeof token !== 'string' || !isTokenShaped(token)) return 'invalid';
  const confirmation = await ctx.repos.members.findConfirmation(hashToken(token));
  if (!confirmation) return 'invalid';
  if (confirmation.usedAt) return 'used';
  return confirmation.expiresAt > ctx.clock.now().toISOString() ? 'valid' : 'invalid';
}

/**
 * Confirms a signup: the member becomes active (consent from the signup, now) and receives the
 * newsletters chosen. Confirming again changes nothing and succeeds; an unknown or expired link throws.
 */
export async function confirmSubscription(ctx: DomainContext, token: string): Promise<MemberRecord> {
  if (typeof token !== 'string' || !isTokenShaped(token)) throw invalidMemberLink();
  const tokenHash = hashToken(token);
  const confirmation = await ctx.repos.members.findConfirmation(tokenHash);
  if (!confirmation) throw invalidMemberLink();
  const member = await ctx.repos.members.findById(confirmation.memberId);
  if (!member) throw invalidMemberLink();
  if (confirmation.usedAt) return member;
  const now = ctx.clock.now().toISOString();
  if (confirmation.expiresAt <= now) throw invalidMemberLink();
  const existing = new Set((await ctx.repos.newsletters.list()).map((n) => n.id));
  await ctx.repos.transaction(async (repos) => {
    if (!(await repos.members.useConfirmation(tokenHash, now))) return;
    await repos.members.update(member.id, {
      status: 'active',
      consentSource: 'signup',
      consentAt: now,
      updatedAt: now,
    });
    await repos.members.addNewsletters(
      member.id,
      confirmation.newsletterIds.filter((id) => existing.has(id)),
      now,
    );
  });
  return (await ctx.repos.members.findById(member.id))!;
}

/** The member a signed link is for, when the link is genuine and the member still exists. */
export async function memberForLink(
  ctx: DomainContext,
  token: string,
  purpose: MemberLinkPurpose,
): Promise<MemberRecord | undefined> {
  const memberId = await verifyMemberLinkToken(ctx, token, purpose);
  return memberId ? ctx.repos.members.findById(memberId) : undefined;
}

/**
 * A member's own choice of newsletters (from the manage page). Choosing at least one makes an
 * unsubscribed member active again: the link came to their inbox.
 */
export async function chooseNewsletters(
  ctx: DomainContext,
  memberId: string,
  newsletterIds: string[],
): Promise<MemberRecord> {
  const active = new Set((await activeNewsletters(ctx)).map((n) => n.id));
  const chosen = newsletterIds.filter((id) => active.has(id));
  const now = ctx.clock.now().toISOString();
  const member = await ctx.repos.members.findById(memberId);
  if (!member) throw invalidMemberLink();
  const current = (await ctx.repos.members.newsletterIdsFor([memberId])).get(memberId) ?? [];
  // Inactive newsletters are not on the page, so the member's rows for them stay.
  const kept = current.filter((id) => !active.has(id));
  await ctx.repos.transaction(async (repos) => {
    await repos.members.setNewsletters(memberId, [...kept, ...chosen], now);
    await repos.members.update(
      memberId,
      chosen.length > 0 && member.status !== 'active'
        ? { status: 'active', consentSource: 'signup', consentAt: now, updatedAt: now }
        : { updatedAt: now },
    );
  });
  return (await ctx.repos.members.findById(memberId))!;
}

/** Stops every newsletter to a member (the member and their choices stay, for a later change of mind). */
export async function unsubscribeMember(ctx: DomainContext, memberId: string): Promise<void> {
  const member = await ctx.repos.members.findById(memberId);
  if (!member || member.status === 'unsubscribed') return;
  await ctx.repos.members.update(memberId, {
    status: 'unsubscribed',
    updatedAt: ctx.clock.now().toISOString(),
  });
}

/** The one-click unsubscribe link of an email (RFC 8058). A member already deleted is unsubscribed enough. */
export async function unsubscribeByLink(ctx: DomainContext, token: string): Promise<void> {
  const memberId = await verifyMemberLinkToken(ctx, token, 'unsubscribe');
  if (!memberId) throw invalidMemberLink();
  await unsubscribeMember(ctx, memberId);
}

/** "Delete my data": the member row, their subscriptions and confirmations. */
export async function deleteMemberData(ctx: DomainContext, memberId: string): Promise<void> {
  await ctx.repos.transaction((repos) => repos.members.delete(memberId));
}

/** How long a used or expired confirmation is kept (confirming again stays harmless meanwhile). */
export const confirmationRetentionMs = 7 * dayMs;

/**
 * Deletes members who never confirmed once every confirmation of theirs expired more than a week
 * ago, then the confirmations that expired that long ago (run by the hourly sweep).
 */
export async function deleteOldConfirmations(ctx: DomainContext): Promise<number> {
  const cutoff = new Date(ctx.clock.now().getTime() - confirmationRetentionMs).toISOString();
  await ctx.repos.transaction((repos) => repos.members.deleteUnconfirmedBefore(cutoff));
  return ctx.repos.members.deleteConfirmationsExpiredBefore(cutoff);
}
