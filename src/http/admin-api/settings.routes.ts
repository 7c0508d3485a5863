import { z } from 'zod';
import {
  createApiToken,
  createTokenSchema,
  listApiTokens,
  revokeApiToken,
} from '../../domain/integrations/api-tokens.js';
import {
  readSiteSettings,
  settingsChangeSchema,
  updateSiteSettings,
} from '../../domain/settings/site-settings.js';
import { apiTokenAnswer, settingsAnswer } from './answers.js';
import { endpoint, noContent, type Endpoint } from './endpoint.js';
import { presentToken } from './presenters.js';
import { idParams } from './request-schema.js';

const withoutSecret = (answer: unknown) => ({ ...(answer as object), secret: null });
const settingsOf = z.object({ settings: settingsAnswer });

/** Site settings. */
export const settingsEndpoints: Endpoint[] = [
  endpoint({
    tag: 'Settings',
    operationId: 'getSettings',
    summary: 'The site settings',
    method: 'GET',
    path: '/admin/api/settings',
    caller: 'staff',
    answer: settingsOf,
    run: ({ ctx, caller }) => readSiteSettings(ctx, caller),
    present: (settings) => ({ settings }),
  }),
  endpoint({
    tag: 'Settings',
    operationId: 'updateSettings',
    summary: 'Changes the settings given; the others stay',
    method: 'PATCH',
    path: '/admin/api/settings',
    caller: 'staff',
    body: settingsChangeSchema,
    answer: settingsOf,
    run: ({ ctx, caller, body }) => updateSiteSettings(ctx, caller, body),
    present: (settings) => ({ settings }),
  }),
];

const tokens = { tag: 'Integrations', caller: 'staff' } as const;

/** Integrations: API tokens. */
export const tokenEndpoints: Endpoint[] = [
  endpoint({
    ...tokens,
    operationId: 'listTokens',
    summary: 'The API tokens (never their secrets)',
    method: 'GET',
    path: '/admin/api/tokens',
    answer: z.object({ tokens: z.array(apiTokenAnswer) }),
    run: ({ ctx, caller }) => listApiTokens(ctx, caller),
    present: (list) => ({ tokens: list.map(presentToken) }),
  }),
  endpoint({
    ...tokens,
    operationId: 'createToken',
    summary: 'Makes an API token; its secret is in this answer only',
    description:
      'The secret is stored only hashed: a replay with the same Idempotency-Key answers `secret: null`.',
    method: 'POST',
    path: '/admin/api/tokens',
    status: 201,
    storedAnswer: withoutSecret,
    body: createTokenSchema,
    answer: z.object({ token: apiTokenAnswer, secret: z.string().nullable() }),
    run: ({ ctx, caller, body }) => createApiToken(ctx, caller, body),
    present: ({ token, secret }) => ({ token: presentToken(token), secret }),
  }),
  endpoint({
    ...tokens,
    operationId: 'revokeToken',
    summary: 'Revokes an API token at once',
    method: 'DELETE',
    path: '/admin/api/tokens/:id',
    params: idParams,
    answer: 'none',
    run: ({ ctx, caller, params }) => revokeApiToken(ctx, caller, params.id),
    present: noContent,
  }),
];
