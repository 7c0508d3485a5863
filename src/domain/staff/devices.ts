import type { DomainContext } from '../context.js';
import { hashToken, isTokenShaped, newToken } from './tokens.js';

/** How long a device is remembered after a second step done on it. */
export const deviceLifetimeMs = 180 * 24 * 3600 * 1000;

/** Remembers a device for a staff member; returns the token for its cookie (only the hash is stored). */
export async function rememberDevice(ctx: DomainContext, staffId: string): Promise<string> {
  const token = newToken();
  const now = ctx.clock.now();
  await ctx.repos.devices.insert({
    tokenHash: hashToken(token),
    staffId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + deviceLifetimeMs).toISOString(),
  });
  return token;
}

/** Whether the device cookie's token is one this staff member's second step remembered. */
export async function isKnownDevice(
  ctx: DomainContext,
  staffId: string,
  token: string | undefined,
): Promise<boolean> {
  if (!token || !isTokenShaped(token)) return false;
  return ctx.repos.devices.isKnown(hashToken(token), staffId, ctx.clock.now().toISOString());
}
