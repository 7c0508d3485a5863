import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { DomainContext } from '../context.js';
import { conflict, notFound, validationError } from '../shared/errors.js';
import { getSiteSettings } from '../settings/site-settings.js';
import { hashToken } from './tokens.js';

/** TOTP (RFC 6238): SHA-1, 6 digits, 30 seconds, one step either side accepted for clock drift. */
const period = 30;
export const recoveryCodeCount = 10;

const totpOf = (secret: string, label = 'Broadsheet', issuer = 'Broadsheet') =>
  new TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period, secret: Secret.fromBase32(secret) });

/**
 * The 30-second step a code is valid for at `nowMs`, or null when it is wrong. Only the step is
 * returned: the caller records it so the same code (or an older one) is never accepted again.
 */
export function totpStepOf(secret: string, code: string, nowMs: number): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(secret).validate({ token: code, timestamp: nowMs, window: 1 });
  return delta === null ? null : Math.floor(nowMs / 1000 / period) + delta;
}

/** The current code of a secret (for tests and for nothing else). */
export const totpCodeAt = (secret: string, nowMs: number) => totpOf(secret).generate({ timestamp: nowMs });

const badCode = () => validationError([{ property: 'code', message: 'is not the right code' }]);

/** Recovery codes: 10 characters of base32 in two groups (`abcde-fghij`); compared without case or dashes. */
const base32 = 'abcdefghijklmnopqrstuvwxyz234567';
const newRecoveryCode = () => {
  const text = Array.from(randomBytes(10), (b) => base32[b & 31]).join('');
  return `${text.slice(0, 5)}-${text.slice(5)}`;
};
export const hashRecoveryCode = (code: string) =>
  hashToken(`recovery:${code.toLowerCase().replace(/[^a-z2-7]/g, '')}`);

export interface TotpSetup {
  secret: string;
  /** The otpauth:// URI authenticator apps read from the QR code. */
  uri: string;
}

/** Starts (or restarts) a TOTP setup: a new secret, not switched on until a first code confirms it. */
export async function startTotpSetup(ctx: DomainContext, staffId: string): Promise<TotpSetup> {
  const staff = await ctx.repos.staff.findById(staffId);
  if (!staff) throw notFound('Staff member');
  const secret = new Secret({ size: 20 }).base32;
  if (!(await ctx.repos.secondFactors.saveTotpSetup(staffId, secret, ctx.clock.now().toISOString())))
    throw conflict('Two-step sign-in is already on: turn it off first');
  const { title } = await getSiteSettings(ctx);
  return { secret, uri: totpOf(secret, staff.email, title.slice(0, 100) || 'Broadsheet').toString() };
}

/** Switches TOTP on after a first right code; returns the recovery codes, shown this once. */
export async function confirmTotpSetup(ctx: DomainContext, staffId: string, code: string): Promise<string[]> {
  const totp = await ctx.repos.secondFactors.findTotp(staffId);
  if (!totp || totp.enabledAt) throw conflict('There is no two-step setup waiting for a code');
  const now = ctx.clock.now();
  const step = totpStepOf(totp.secret, String(code), now.getTime());
  if (step === null) throw badCode();
  const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
  const isEnabled = await ctx.repos.transaction((repos) =>
    repos.secondFactors.enableTotp({
      staffId,
      enabledAt: now.toISOString(),
      step,
      codeHashes: codes.map(hashRecoveryCode),
    }),
  );
  if (!isEnabled) throw conflict('There is no two-step setup waiting for a code');
  return codes;
}

/**
 * Whether `code` is a right TOTP code (never one accepted before) or an unused recovery code of
 * this staff member with TOTP on; either is used up by being accepted.
 */
export async function useSecondFactor(ctx: DomainContext, staffId: string, code: string): Promise<boolean> {
  const totp = await ctx.repos.secondFactors.findTotp(staffId);
  if (!totp?.enabledAt) return false;
  const now = ctx.clock.now();
  const trimmed = code.trim();
  if (/^\d{6}$/.test(trimmed)) {
    const step = totpStepOf(totp.secret, trimmed, now.getTime());
    return step !== null && ctx.repos.secondFactors.useTotpStep(staffId, step);
  }
  return ctx.repos.secondFactors.useRecoveryCode(staffId, hashRecoveryCode(trimmed), now.toISOString());
}

/** Turns TOTP off: the password and a code (or a recovery code) are both needed. */
export async function disableTotp(
  ctx: DomainContext,
  input: { staffId: string; password: string; code: string },
): Promise<void> {
  const hash = await ctx.repos.staff.passwordHashOf(input.staffId);
  if (!hash || !(await ctx.passwords.verify(hash, input.password)))
    throw validationError([{ property: 'password', message: 'is not your current password' }]);
  if (!(await useSecondFactor(ctx, input.staffId, input.code))) throw badCode();
  await ctx.repos.transaction((repos) => repos.secondFactors.removeTotp(input.staffId));
}

export async function totpStatus(ctx: DomainContext, staffId: string) {
  const totp = await ctx.repos.secondFactors.findTotp(staffId);
  const isEnabled = Boolean(totp?.enabledAt);
  return {
    isEnabled,
    recoveryCodesLeft: isEnabled ? await ctx.repos.secondFactors.countUnusedRecoveryCodes(staffId) : 0,
  };
}

export const hasTotp = async (ctx: DomainContext, staffId: string) =>
  Boolean((await ctx.repos.secondFactors.findTotp(staffId))?.enabledAt);
