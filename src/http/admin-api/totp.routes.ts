import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { DomainContext } from '../../domain/context.js';
import { confirmTotpSetup, disableTotp, startTotpSetup, totpStatus } from '../../domain/staff/totp.js';
import { parseRequest } from './request-schema.js';
import type { Method } from './guarded-route.js';
import { sessionRoute, type SignedInHandler } from './session.routes.js';

const confirmSchema = z.strictObject({ code: z.string().min(1, 'is required').max(40) });
const disableSchema = z.strictObject({
  password: z.string().min(1, 'is required').max(1024),
  code: z.string().min(1, 'is required').max(40),
});

export interface TotpRoutesOptions {
  ctx: DomainContext;
  siteUrl: string;
}

/** Two-step sign-in (TOTP) on your own profile: signed-in sessions only, never an API token. */
export function registerTotpRoutes(app: FastifyInstance, { ctx, siteUrl }: TotpRoutesOptions): void {
  const session = (method: Method, url: string, handler: SignedInHandler) =>
    sessionRoute(app, { ctx, siteUrl }, { method, url }, handler);

  session('GET', '/admin/api/profile/totp', async ({ staff }, request, reply) => {
    parseRequest(request, {});
    return reply.header('cache-control', 'no-store').send(await totpStatus(ctx, staff.id));
  });

  // The secret leaves the server this once (as text and as a QR code); it is on only after /confirm.
  session('POST', '/admin/api/profile/totp', async ({ staff }, request, reply) => {
    parseRequest(request, {});
    const setup = await startTotpSetup(ctx, staff.id);
    const qrSvg = await QRCode.toString(setup.uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return reply
      .header('cache-control', 'no-store')
      .code(201)
      .send({ ...setup, qrSvg });
  });

  session('POST', '/admin/api/profile/totp/confirm', async ({ staff }, request, reply) => {
    const { code } = parseRequest(request, { body: confirmSchema }).body;
    const recoveryCodes = await confirmTotpSetup(ctx, staff.id, code);
    return reply.header('cache-control', 'no-store').send({ recoveryCodes });
  });

  session('POST', '/admin/api/profile/totp/disable', async ({ staff }, request, reply) => {
    const input = parseRequest(request, { body: disableSchema }).body;
    await disableTotp(ctx, { staffId: staff.id, ...input });
    return reply.code(204).send();
  });
}
