import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { DomainContext } from '../../domain/context.js';
import { siteSecret } from '../../domain/shared/site-secret.js';

/**
 * Signed form tokens for the public forms (signup box, /subscribe/, confirm, manage, unsubscribe).
 * A token is `issuedAtSeconds.signature`, an HMAC-SHA256 over the form's name and the time with the
 * site's stored secret: it needs no session or storage, works with JavaScript off and with
 * `Referrer-Policy: no-referrer` (which makes browsers send `Origin: null`), and lives three hours.
 * Cached pages that carry one are re-rendered within `formPageLifeMs`, so a served token always has
 * two hours left. `Sec-Fetch-Site` refuses cross-site posts from browsers that send it.
 */
export type FormName = 'subscribe' | 'confirm' | 'manage' | 'unsubscribe';

export const formTokenField = 'form_token';
export const formTokenLifeMs = 3 * 3600 * 1000;
/** How long a cached page with a form token may be served before it is rendered again. */
export const formPageLifeMs = 3600 * 1000;
/** Clocks of several processes may differ a little: a token up to a minute "from the future" is fine. */
const clockSkewMs = 60 * 1000;

export type FormCheck = 'valid' | 'cross-site' | 'missing' | 'forged' | 'expired';

const sign = (secret: Buffer, form: FormName, issuedAt: number) =>
  createHmac('sha256', secret).update(`form.${form}.${issuedAt}`).digest('base64url');

export function signFormToken(secret: Buffer, form: FormName, now: Date): string {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return `${issuedAt}.${sign(secret, form, issuedAt)}`;
}

export function verifyFormToken(
  secret: Buffer,
  form: FormName,
  token: string | null | undefined,
  now: Date,
): Exclude<FormCheck, 'cross-site'> {
  if (!token) return 'missing';
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return 'forged';
  const issuedAt = Number(match[1]);
  const expected = Buffer.from(sign(secret, form, issuedAt));
  if (!timingSafeEqual(Buffer.from(match[2]!), expected)) return 'forged';
  const age = now.getTime() - issuedAt * 1000;
  return age > formTokenLifeMs || age < -clockSkewMs ? 'expired' : 'valid';
}

/**
 * Whether a browser says the post came from another site: `Sec-Fetch-Site` other than `same-origin`
 * or `none`, or (for browsers without it) an `Origin` that is neither this site nor `null`.
 */
export function isCrossSite(headers: IncomingHttpHeaders, siteUrl: string): boolean {
  const fetchSite = headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') return true;
  const origin = headers.origin;
  return origin !== undefined && origin !== 'null' && origin !== new URL(siteUrl).origin;
}

const formSecret = (ctx: DomainContext) => siteSecret(ctx, 'formTokenSecret');

/** A fresh token for one of the site's forms. */
export async function formTokenFor(ctx: DomainContext, form: FormName): Promise<string> {
  return signFormToken(await formSecret(ctx), form, ctx.clock.now());
}

/** The check every public form post passes before anything is read or stored. */
export async function checkFormPost(options: {
  ctx: DomainContext;
  siteUrl: string;
  headers: IncomingHttpHeaders;
  form: FormName;
  token: string | null | undefined;
}): Promise<FormCheck> {
  if (isCrossSite(options.headers, options.siteUrl)) return 'cross-site';
  return verifyFormToken(await formSecret(options.ctx), options.form, options.token, options.ctx.clock.now());
}
