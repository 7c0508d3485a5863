import { z } from 'zod';
import type { DomainContext } from '../context.js';
import { validationError } from '../shared/errors.js';
import { parseInput } from '../shared/validate.js';
import { getSiteSettings } from '../settings/site-settings.js';
import { checkPassword, forgetSignIns } from './accounts.js';
import { localeFor, passwordResetEmail } from './staff-emails.js';
import { emailAddress } from './staff.js';
import { hashToken, isTokenShaped, newToken } from './tokens.js';

export const resetLifetimeMs = 3600 * 1000;

const requestSchema = z.strictObject({ email: emailAddress });
export const resetCompleteSchema = z.strictObject({
  token: z.string().max(100),
  password: z.string().max(1024),
});

const invalidLink = () =>
  validationError([
    { property: 'token', message: 'this reset link is not valid: it was used or has expired' },
  ]);

/**
 * Emails a reset link (valid one hour, single use; a new one replaces the last) to an active staff
 * member with an account. Unknown addresses, suspended staff and author profiles without an account
 * get nothing, and the caller cannot tell the difference.
 */
export async function requestPasswordReset(ctx: DomainContext, email: string): Promise<void> {
  const f = parseInput(requestSchema, { email });
  const staff = await ctx.repos.staff.findByEmail(f.email);
  if (!staff || staff.status !== 'active' || !(await ctx.repos.staff.passwordHashOf(staff.id))) return;
  const token = newToken();
  const now = ctx.clock.now();
  await ctx.repos.transaction(async (repos) => {
    await repos.passwordResets.deleteForStaff(staff.id);
    await repos.passwordResets.insert({
      tokenHash: hashToken(token),
      staffId: staff.id,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + resetLifetimeMs).toISOString(),
      usedAt: null,
    });
  });
  const settings = await getSiteSettings(ctx);
  await ctx.mail.send(
    passwordResetEmail({
      to: staff.email,
      token,
      siteTitle: settings.title,
      siteUrl: ctx.siteUrl,
      locale: localeFor(staff.locale),
    }),
  );
}

/** Sets the new password and ends every session of that staff member. */
export async function completePasswordReset(
  ctx: DomainContext,
  input: z.input<typeof resetCompleteSchema>,
): Promise<void> {
  const f = parseInput(resetCompleteSchema, input);
  if (!isTokenShaped(f.token)) throw invalidLink();
  const reset = await ctx.repos.passwordResets.findLive(hashToken(f.token), ctx.clock.now().toISOString());
  const staff = reset && (await ctx.repos.staff.findById(reset.staffId));
  if (!reset || !staff || staff.status !== 'active') throw invalidLink();
  checkPassword(f.password, staff);
  const hash = await ctx.passwords.hash(f.password);
  await ctx.repos.transaction(async (repos) => {
    const now = ctx.clock.now().toISOString();
    if (!(await repos.passwordResets.claim(reset.tokenHash, now))) throw invalidLink();
    await repos.staff.setPasswordHash(staff.id, hash, now);
    await forgetSignIns(repos, staff.id);
  });
}
