import { randomInt } from 'node:crypto';
import type { DomainContext } from '../context.js';
import { enforce, limits, take } from '../limits/rate-limits.js';
import type { SecondStep, StaffRecord } from '../ports.js';
import { DomainError, validationError } from '../shared/errors.js';
import { getSiteSettings } from '../settings/site-settings.js';
import { liveSession, startSession } from './accounts.js';
import { isKnownDevice, rememberDevice } from './devices.js';
import { newDeviceCodeEmail } from './sign-in-emails.js';
import { localeFor } from './staff-emails.js';
import { hashToken } from './tokens.js';
import { hasTotp, useSecondFactor } from './totp.js';

/**
 * After the first step (a password or an emailed sign-in link): a staff member with TOTP must give
 * a code; one without, on a device not remembered, gets a 6-digit code by email. Until then the
 * session is pending and refused by every route but the second step's.
 */
export interface SignInStart {
  staff: StaffRecord;
  /** The session token for the cookie. */
  token: string;
  /** Null when signed in; the step still to do otherwise. */
  pendingStep: SecondStep | null;
}

/** An emailed code is bound to its session: its hash is of the session's hash and the code. */
const emailCodeHash = (sessionIdHash: string, code: string) => hashToken(`${sessionIdHash}:${code}`);

export async function startSignIn(
  ctx: DomainContext,
  input: { staff: StaffRecord; deviceToken?: string | undefined; userAgent?: string },
): Promise<SignInStart> {
  const { staff } = input;
  const base = { staffId: staff.id, userAgent: input.userAgent ?? '' };
  if (await hasTotp(ctx, staff.id)) {
    const token = await startSession(ctx, { ...base, pendingStep: 'totp' });
    return { staff, token, pendingStep: 'totp' };
  }
  if (await isKnownDevice(ctx, staff.id, input.deviceToken)) {
    return { staff, token: await startSession(ctx, base), pendingStep: null };
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const token = await startSession(ctx, {
    ...base,
    pendingStep: 'email',
    codeHash: (idHash) => emailCodeHash(idHash, code),
  });
  const settings = await getSiteSettings(ctx);
  await ctx.mail.send(
    newDeviceCodeEmail({ to: staff.email, siteTitle: settings.title, locale: localeFor(staff.locale), code }),
  );
  return { staff, token, pendingStep: 'email' };
}

const notPending = () => new DomainError('UNAUTHENTICATED', 'Sign in first');
const wrongCode = () => validationError([{ property: 'code', message: 'is not the right code' }]);

/** Whether the pending session `token` is waiting for a second step, and which. */
export async function pendingStepOf(ctx: DomainContext, token: string): Promise<SecondStep | null> {
  const live = await liveSession(ctx, token);
  return live?.session.pendingStep ?? null;
}

export interface SecondStepDone {
  staff: StaffRecord;
  /** A new session token: the pending one is ended, so a code is never accepted twice. */
  token: string;
  /** The token for the remembered-device cookie. */
  deviceToken: string;
}

/**
 * Checks the code of a pending session: a TOTP or recovery code (step `totp`) or the emailed code
 * (step `email`). Five tries per session, then it is void; twenty per account an hour.
 */
export async function completeSecondStep(
  ctx: DomainContext,
  input: { token: string; code: string; userAgent?: string },
): Promise<SecondStepDone> {
  const live = await liveSession(ctx, input.token);
  if (!live || live.session.pendingStep === null) throw notPending();
  const { session, staff } = live;
  await enforce(ctx, limits.secondStepPerAccount, staff.id);
  const tries = await take(ctx, limits.secondStepPerSession, session.idHash);
  if (!tries.allowed) {
    await ctx.repos.sessions.delete(session.idHash);
    throw new DomainError('UNAUTHENTICATED', 'Too many wrong codes: sign in again');
  }
  const code = String(input.code ?? '')
    .trim()
    .slice(0, 40);
  const isRight =
    session.pendingStep === 'totp'
      ? await useSecondFactor(ctx, staff.id, code)
      : /^\d{6}$/.test(code) && session.codeHash === emailCodeHash(session.idHash, code);
  if (!isRight) {
    if (tries.remaining === 0) await ctx.repos.sessions.delete(session.idHash);
    throw wrongCode();
  }
  if (!(await ctx.repos.sessions.claimPending(session.idHash))) throw notPending();
  const token = await startSession(ctx, { staffId: staff.id, userAgent: input.userAgent ?? '' });
  return { staff, token, deviceToken: await rememberDevice(ctx, staff.id) };
}
