import type { FastifyInstance } from 'fastify';

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

/** Sets the security headers on every response, whatever route or error produced it. */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    // The admin's own policy wins there, even on an error answer; elsewhere the site's is the default.
    const isAdmin = isAdminAppPath(request.url);
    for (const [name, value] of Object.entries(isAdmin ? adminSecurityHeaders : securityHeaders))
      if (isAdmin || !reply.hasHeader(name)) reply.header(name, value);
    reply.removeHeader('x-powered-by');
    return payload;
  });
}
