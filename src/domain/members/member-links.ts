import { createHmac, timingSafeEqual } from 'node:crypto';
import type { DomainContext } from '../context.js';
import { siteSecret } from '../shared/site-secret.js';

/**
 * Signed links in members' emails: "manage your subscriptions" and one-click unsubscribe. A link is
 * `memberId.purpose.signature`, an HMAC-SHA256 with a secret kept in the settings table (made on first
 * use), so links need no storage, work for as long as the member exists, and cannot be forged or
 * turned to another member or purpose.
 */
export type MemberLinkPurpose = 'manage' | 'unsubscribe';

const linkSecret = (ctx: DomainContext) => siteSecret(ctx, 'memberLinkSecret');

const sign = (secret: Buffer, memberId: string, purpose: MemberLinkPurpose) =>
  createHmac('sha256', secret).update(`${memberId}.${purpose}`).digest('base64url');

export async function memberLinkToken(
  ctx: DomainContext,
  memberId: string,
  purpose: MemberLinkPurpose,
): Promise<string> {
  return `${memberId}.${purpose}.${sign(await linkSecret(ctx), memberId, purpose)}`;
}

/** The member id a token was made for, when it is genuine and for this purpose; otherwise null. */
export async function verifyMemberLinkToken(
  ctx: DomainContext,
  token: string,
  purpose: MemberLinkPurpose,
): Promise<string | null> {
  if (typeof token !== 'string' || token.length > 200) return null;
  const [memberId, tokenPurpose, signature, ...rest] = token.split('.');
  if (!memberId || !signature || rest.length > 0 || tokenPurpose !== purpose) return null;
  const expected = Buffer.from(sign(await linkSecret(ctx), memberId, purpose));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? memberId : null;
}
