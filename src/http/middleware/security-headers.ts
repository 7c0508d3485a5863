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

/** Sets the security headers on every response, whatever route or error produced it. */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(securityHeaders))
      if (!reply.hasHeader(name)) reply.header(name, value);
    reply.removeHeader('x-powered-by');
    return payload;
  });
}
