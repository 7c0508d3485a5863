import { randomBytes } from 'node:crypto';
import type { DomainContext } from '../context.js';
import type { Repositories, SecondStep, SessionRecord, StaffRecord } from '../ports.js';
import { notFound, validationError } from '../shared/errors.js';
import { passwordProblem } from './passwords.js';
import { createStaff, type staffRoles } from './staff.js';
import { hashToken, isTokenShaped, newToken } from './tokens.js';

/** A session lasts this long from its last use (the sliding idle window)… */
export const sessionLifetimeMs = 30 * 24 * 3600 * 1000;
/** …and never longer than this from sign-in, however often it is used. */
export const sessionAbsoluteLifetimeMs = 90 * 24 * 3600 * 1000;
/** A session's expiry is pushed forward at most this often, so reads do not write on every request. */
const touchIntervalMs = 10 * 60 * 1000;

export interface NewAccount {
  name: string;
  email: string;
  role: (typeof staffRoles)[number];
  password: string;
}

export function checkPassword(password: string, person: { email: string; name: string }): void {
  const problem = passwordProblem(password, person);
  if (problem) throw validationError([{ property: 'password', message: problem }]);
}

/** A staff member who can sign in: the profile plus an argon2id password hash. */
export async function createAccount(ctx: DomainContext, input: NewAccount): Promise<StaffRecord> {
  checkPassword(input.password, input);
  const hash = await ctx.passwords.hash(input.password);
  const staff = await createStaff(ctx, { name: input.name, email: input.email, role: input.role });
  await ctx.repos.staff.setPasswordHash(staff.id, hash, ctx.clock.now().toISOString());
  return staff;
}

// A real argon2id hash of a random password: checking it costs as much as checking a real one, so an
// unknown address takes as long to refuse as a wrong password.
let decoyHash: Promise<string> | undefined;

/** The active staff member with this email and password, or null; the answer does not tell which was wrong. */
export async function authenticate(
  ctx: DomainContext,
  email: string,
  password: string,
): Promise<StaffRecord | null> {
  const staff = await ctx.repos.staff.findByEmail(email.trim().toLowerCase());
  const hash = staff ? await ctx.repos.staff.passwordHashOf(staff.id) : null;
  if (!staff || !hash) {
    decoyHash ??= ctx.passwords.hash(randomBytes(16).toString('hex'));
    await ctx.passwords.verify(await decoyHash, password);
    return null;
  }
  const isValid = await ctx.passwords.verify(hash, password);
  return isValid && staff.status === 'active' ? staff : null;
}

export interface SessionStart {
  staffId: string;
  userAgent?: string;
  /** A pending session: only the second-step routes accept it, for `pendingLifetimeMs`. */
  pendingStep?: SecondStep;
  /** For an email step: the code's hash (see second-step.ts), bound to this session. */
  codeHash?: (sessionIdHash: string) => string;
}

/** How long a session may wait for its second step. */
export const pendingLifetimeMs = 10 * 60 * 1000;

/** Starts a session; returns the token for the cookie (only its hash is stored). */
export async function startSession(ctx: DomainContext, start: SessionStart): Promise<string> {
  const token = newToken();
  const idHash = hashToken(token);
  const now = ctx.clock.now();
  const lifetime = start.pendingStep ? pendingLifetimeMs : sessionLifetimeMs;
  await ctx.repos.sessions.insert({
    idHash,
    staffId: start.staffId,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + lifetime).toISOString(),
    userAgent: (start.userAgent ?? '').slice(0, 300),
    pendingStep: start.pendingStep ?? null,
    codeHash: start.codeHash ? start.codeHash(idHash) : null,
  });
  return token;
}

/** When a session ends however often it is used: 90 days after sign-in. */
const sessionEndsAt = (session: SessionRecord) => Date.parse(session.createdAt) + sessionAbsoluteLifetimeMs;

/** A live session of an active staff member, pending or not. */
export async function liveSession(
  ctx: DomainContext,
  token: string,
): Promise<{ session: SessionRecord; staff: StaffRecord } | null> {
  if (!isTokenShaped(token)) return null;
  const now = ctx.clock.now();
  const session = await ctx.repos.sessions.findLive(hashToken(token), now.toISOString());
  if (!session) return null;
  if (!(now.getTime() < sessionEndsAt(session))) {
    await ctx.repos.sessions.delete(session.idHash);
    return null;
  }
  const staff = await ctx.repos.staff.findById(session.staffId);
  if (!staff || staff.status !== 'active') return null;
  return { session, staff };
}

/**
 * The staff member a session token belongs to, when the session is live, signed in (not waiting for
 * its second step) and the account active.
 */
export async function staffForSession(ctx: DomainContext, token: string): Promise<StaffRecord | null> {
  const live = await liveSession(ctx, token);
  if (!live || live.session.pendingStep !== null) return null;
  const { session, staff } = live;
  const now = ctx.clock.now();
  if (now.getTime() - Date.parse(session.lastSeenAt) > touchIntervalMs) {
    const expiresAt = new Date(
      Math.min(now.getTime() + sessionLifetimeMs, sessionEndsAt(session)),
    ).toISOString();
    await ctx.repos.sessions.touch(session.idHash, now.toISOString(), expiresAt);
  }
  return staff;
}

export async function endSession(ctx: DomainContext, token: string): Promise<void> {
  await ctx.repos.sessions.delete(hashToken(token));
}

/** Changes a password; every other session of that person ends (the one making the change stays). */
export async function changePassword(
  ctx: DomainContext,
  input: { staffId: string; currentPassword: string; newPassword: string; keepSessionToken?: string },
): Promise<void> {
  const staff = await ctx.repos.staff.findById(input.staffId);
  if (!staff) throw notFound('Staff member');
  const hash = await ctx.repos.staff.passwordHashOf(staff.id);
  if (!hash || !(await ctx.passwords.verify(hash, input.currentPassword)))
    throw validationError([{ property: 'currentPassword', message: 'is not your current password' }]);
  checkPassword(input.newPassword, staff);
  const newHash = await ctx.passwords.hash(input.newPassword);
  await ctx.repos.transaction(async (repos) => {
    await repos.staff.setPasswordHash(staff.id, newHash, ctx.clock.now().toISOString());
    const keep = input.keepSessionToken ? hashToken(input.keepSessionToken) : undefined;
    await forgetSignIns(repos, staff.id, keep);
  });
}

/**
 * Everything that lets someone in without the password (on a new password or a suspension): the
 * account's sessions but `keepSessionHash`, its remembered devices (so the next sign-in anywhere
 * takes the second step again), its sign-in links and its password reset links.
 */
export async function forgetSignIns(
  repos: Repositories,
  staffId: string,
  keepSessionHash?: string,
): Promise<void> {
  await repos.sessions.deleteForStaff(staffId, keepSessionHash);
  await repos.devices.deleteForStaff(staffId);
  await repos.signInLinks.deleteForStaff(staffId);
  await repos.passwordResets.deleteForStaff(staffId);
}

/** Removes expired sessions from storage; returns how many. */
export function deleteExpiredSessions(ctx: DomainContext): Promise<number> {
  return ctx.repos.sessions.deleteExpired(ctx.clock.now().toISOString());
}
