import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** The public site runs no script at all, so its policy can be this strict. */
export const siteContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'none'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

// Only what protects a page that runs no script: every header here is written on every cached hit,
// so headers that guard script features (Permissions-Policy, COOP) are left to the admin app.
export const securityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': siteContentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

/**
 * The admin app runs its own script files and nothing else: no inline code, no other origin. Two
 * allowances are for the newsletter preview, an `<iframe sandbox srcdoc>` that inherits this policy:
 * an email's look is in style attributes (never style elements or sheets), and its images may be on
 * any https host, as they are for the members who get it.
 */
export const adminContentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "connect-src 'self'",
  "font-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** What every response of the admin app (its page and its files, not the Admin API) carries. */
export const adminSecurityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': adminContentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** `/admin`, `/admin/` and everything under it except the Admin API (whose preview is a public page). */
export function isAdminAppPath(url: string): boolean {
  const path = url.split('?')[0]!;
  return path === '/admin' || (path.startsWith('/admin/') && !path.startsWith('/admin/api/'));
}

/** HTTP Strict Transport Security: sent only on answers that travel over HTTPS. */
export const hstsHeaderValue = 'max-age=31536000; includeSubDomains';

/** Every Admin API answer carries the caller's data or acts for them: no cache may keep one. */
export const adminApiCacheHeaders: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  pragma: 'no-cache',
};

export const isAdminApiPath = (url: string) => url.startsWith('/admin/api/') || url === '/admin/api';

/** The first value of `X-Forwarded-Proto`, lower-cased, if the request has one. */
export function forwardedProtoOf(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(',')[0]?.trim().toLowerCase() || undefined;
}

/**
 * Whether an answer goes out over HTTPS: the framework says so (a trusted proxy forwarded `https`),
 * or the site's address is `https://` and no proxy says the request came over plain HTTP.
 */
export function isHttpsAnswer(input: {
  siteIsHttps: boolean;
  forwardedProto: string | undefined;
  trustedProtocol?: string;
}): boolean {
  if (input.trustedProtocol === 'https') return true;
  if (input.forwardedProto === undefined) return input.siteIsHttps;
  return input.siteIsHttps && input.forwardedProto === 'https';
}

export interface SecurityHeaderOptions {
  /** The site's public address; an `https://` one turns on HSTS. */
  siteUrl?: string;
}

/** The headers an answer to `url` carries whatever produced it (a route, an error, the framework). */
export function headersForPath(url: string, isHttps: boolean): Record<string, string> {
  return {
    ...(isAdminAppPath(url) ? adminSecurityHeaders : securityHeaders),
    ...(isAdminApiPath(url) ? adminApiCacheHeaders : {}),
    ...(isHttps ? { 'strict-transport-security': hstsHeaderValue } : {}),
  };
}

/**
 * Sets the security headers of `request`'s answer. The admin's own policy and the Admin API's
 * no-store win there, even on an error answer; elsewhere a route's own header wins over the default.
 */
export function applySecurityHeaders(
  request: FastifyRequest,
  reply: FastifyReply,
  options: SecurityHeaderOptions = {},
): void {
  const isHttps = isHttpsAnswer({
    siteIsHttps: options.siteUrl?.startsWith('https://') ?? false,
    forwardedProto: forwardedProtoOf(request.headers['x-forwarded-proto']),
    trustedProtocol: request.protocol,
  });
  const isOverriding = isAdminAppPath(request.url) || isAdminApiPath(request.url);
  for (const [name, value] of Object.entries(headersForPath(request.url, isHttps)))
    if (isOverriding || !reply.hasHeader(name)) reply.header(name, value);
  reply.removeHeader('x-powered-by');
}

/** Sets the security headers on every response, whatever route or error produced it. */
export function registerSecurityHeaders(app: FastifyInstance, options: SecurityHeaderOptions = {}): void {
  app.addHook('onSend', async (request, reply, payload) => {
    applySecurityHeaders(request, reply, options);
    return payload;
  });
}
