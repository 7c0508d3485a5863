import type { DomainContext } from '../context.js';
import { enforce, limits } from '../limits/rate-limits.js';
import { DomainError } from '../shared/errors.js';
import { parseInput } from '../shared/validate.js';
import { getSiteSettings } from '../settings/site-settings.js';
import { z } from 'zod';
import { authenticate } from './accounts.js';
import { isKnownDevice } from './devices.js';
import { startSignIn, type SignInStart } from './second-step.js';
import { signInLinkEmail } from './sign-in-emails.js';
import { localeFor } from './staff-emails.js';
import { emailAddress } from './staff.js';
import { hashToken, isTokenShaped, newToken } from './tokens.js';

export const signInLinkLifetimeMs = 15 * 60 * 1000;

const wrongLogin = () => new DomainError('UNAUTHENTICATED', 'The email address or the password is wrong');

export interface PasswordSignIn {
  email: string;
  password: string;
  /** The client address (limits count per address and account). */
  ip: string;
  deviceToken?: string | undefined;
  userAgent?: string;
}

/**
 * The password step. Guesses are limited per client address and account (5 in 15 minutes), so a
 * stranger elsewhere cannot lock the real person out; a looser ceiling per account (50 an hour)
 * counts only devices the account does not know, so its owner still gets in from a remembered
 * device on any address, or with an emailed sign-in link.
 */
export async function signInWithPassword(ctx: DomainContext, input: PasswordSignIn): Promise<SignInStart> {
  const email = input.email.trim().toLowerCase();
  await enforce(ctx, limits.signInPerAddress, input.ip);
  await enforce(ctx, limits.signInPerAddressAndAccount, `${input.ip}\n${email}`);
  const known = await ctx.repos.staff.findByEmail(email);
  if (!known || !(await isKnownDevice(ctx, known.id, input.deviceToken)))
    await enforce(ctx, limits.signInPerAccount, email);
  const staff = await authenticate(ctx, email, input.password);
  if (!staff) throw wrongLogin();
  return startSignIn(ctx, { staff, deviceToken: input.deviceToken, userAgent: input.userAgent ?? '' });
}

/** Counts a sign-in link request against its limits (before the request is answered). */
export async function limitSignInLinkRequest(ctx: DomainContext, ip: string, email: string): Promise<void> {
  await enforce(ctx, limits.signInLinkPerAddress, ip);
  await enforce(ctx, limits.signInLinkPerAccount, email.trim().toLowerCase());
}

/**
 * Emails a sign-in link (single use, 15 minutes, only its hash stored) to an active staff member
 * with an account. Unknown addresses get nothing, and the caller cannot tell the difference.
 */
export async function sendSignInLink(ctx: DomainContext, email: string): Promise<void> {
  const f = parseInput(z.object({ email: emailAddress }), { email });
  const staff = await ctx.repos.staff.findByEmail(f.email);
  if (!staff || staff.status !== 'active' || !(await ctx.repos.staff.passwordHashOf(staff.id))) return;
  const token = newToken();
  const now = ctx.clock.now();
  await ctx.repos.signInLinks.insert({
    tokenHash: hashToken(token),
    staffId: staff.id,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + signInLinkLifetimeMs).toISOString(),
  });
  const settings = await getSiteSettings(ctx);
  await ctx.mail.send(
    signInLinkEmail({
      to: staff.email,
      siteTitle: settings.title,
      siteUrl: ctx.siteUrl,
      token,
      locale: localeFor(staff.locale),
    }),
  );
}

/** The link's step stands for the password step only: the second step still follows. */
export async function signInWithLink(
  ctx: DomainContext,
  input: { token: string; ip: string; deviceToken?: string | undefined; userAgent?: string },
): Promise<SignInStart> {
  await enforce(ctx, limits.acceptPerAddress, input.ip);
  const invalid = () =>
    new DomainError('UNAUTHENTICATED', 'This sign-in link is not valid: it was used or has expired');
  if (typeof input.token !== 'string' || !isTokenShaped(input.token)) throw invalid();
  const staffId = await ctx.repos.signInLinks.claim(hashToken(input.token), ctx.clock.now().toISOString());
  const staff = staffId && (await ctx.repos.staff.findById(staffId));
  if (!staff || staff.status !== 'active') throw invalid();
  return startSignIn(ctx, { staff, deviceToken: input.deviceToken, userAgent: input.userAgent ?? '' });
}

/** Deletes sign-in links and remembered devices that have expired (run by the hourly sweep). */
export async function deleteExpiredSignInData(ctx: DomainContext): Promise<void> {
  const now = ctx.clock.now().toISOString();
  await ctx.repos.signInLinks.deleteExpired(now);
  await ctx.repos.devices.deleteExpired(now);
}
