import QRCode from 'qrcode';
import { z } from 'zod';
import { confirmTotpSetup, disableTotp, startTotpSetup, totpStatus } from '../../domain/staff/totp.js';
import { asItIs, endpoint, noContent, type Endpoint } from './endpoint.js';

const confirmSchema = z.strictObject({ code: z.string().min(1, 'is required').max(40) });
const disableSchema = z.strictObject({
  password: z.string().min(1, 'is required').max(1024),
  code: z.string().min(1, 'is required').max(40),
});
const doc = { tag: 'Setup, sessions, accounts', caller: 'session' } as const;

/** Two-step sign-in (TOTP) on your own profile: signed-in sessions only, never an API token. */
export const totpEndpoints: Endpoint[] = [
  endpoint({
    ...doc,
    operationId: 'getTotpStatus',
    summary: 'Whether two-step sign-in is on, and how many recovery codes are left',
    method: 'GET',
    path: '/admin/api/profile/totp',
    answer: z.object({ isEnabled: z.boolean(), recoveryCodesLeft: z.number().int() }),
    run: ({ ctx, caller }) => totpStatus(ctx, caller.staff.id),
    present: asItIs,
  }),
  endpoint({
    ...doc,
    operationId: 'startTotpSetup',
    summary: 'Starts a TOTP setup: a new secret, on only after a first code confirms it',
    description: 'The secret leaves the server this once, as text and as a QR code.',
    method: 'POST',
    path: '/admin/api/profile/totp',
    status: 201,
    answer: z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() }),
    run: async ({ ctx, caller }) => {
      const setup = await startTotpSetup(ctx, caller.staff.id);
      const qrSvg = await QRCode.toString(setup.uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return { ...setup, qrSvg };
    },
    present: asItIs,
  }),
  endpoint({
    ...doc,
    operationId: 'confirmTotpSetup',
    summary: 'Switches TOTP on with a first code; answers the recovery codes, shown this once',
    method: 'POST',
    path: '/admin/api/profile/totp/confirm',
    body: confirmSchema,
    answer: z.object({ recoveryCodes: z.array(z.string()) }),
    run: ({ ctx, caller, body }) => confirmTotpSetup(ctx, caller.staff.id, body.code),
    present: (recoveryCodes) => ({ recoveryCodes }),
  }),
  endpoint({
    ...doc,
    operationId: 'disableTotp',
    summary: 'Switches two-step sign-in off, with your password and a code',
    method: 'POST',
    path: '/admin/api/profile/totp/disable',
    body: disableSchema,
    answer: 'none',
    run: ({ ctx, caller, body }) => disableTotp(ctx, { staffId: caller.staff.id, ...body }),
    present: noContent,
  }),
];
