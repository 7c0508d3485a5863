import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { DomainContext } from '../context.js';
import { RateLimitedError, take, type Limit } from '../limits/rate-limits.js';
import { DomainError, notFound } from '../shared/errors.js';
import { requiredText } from '../shared/fields.js';
import { newId } from '../shared/ids.js';
import { parseInput } from '../shared/validate.js';
import { hashToken } from '../staff/tokens.js';
import { assertCan, type AdminActor, type SystemActor } from '../staff/permissions.js';
import type { ContentApiKeyRecord } from './content-api-ports.js';

/**
 * Content API keys, as Ghost makes them: 26 hex characters sent as `?key=`. A key opens only what
 * the public site shows (it sits in every page of a front end that uses it), so it has no role; it
 * is still stored hashed, and wrong keys are counted per client address in the database.
 */

export const createContentKeySchema = z.strictObject({ name: requiredText(100) });
const keyShape = /^[0-9a-f]{26}$/;
const minute = 60_000;
const touchIntervalMs = minute;

/**
 * Wrong keys from one client address; beyond this they get 429 instead of 401. A key has 104 random
 * bits, so the limit is against load, not guessing: a right key still reads.
 */
export const wrongContentKeys: Limit = {
  name: 'content-key:ip',
  limit: 30,
  windowMs: 15 * minute,
  message: 'Too many requests with a wrong Content API key; wait a few minutes and try again',
};

type KeyMaker = AdminActor | SystemActor;

export async function createContentApiKey(
  ctx: DomainContext,
  actor: KeyMaker,
  input: { name?: unknown },
): Promise<{ key: ContentApiKeyRecord; secret: string }> {
  assertCan(actor, 'create', 'integration');
  const { name } = parseInput(createContentKeySchema, input);
  const secret = randomBytes(13).toString('hex');
  const key: ContentApiKeyRecord = {
    id: newId(ctx.clock.now()),
    name,
    keyHash: hashToken(secret),
    createdAt: ctx.clock.now().toISOString(),
    lastUsedAt: null,
  };
  await ctx.repos.contentKeys.insert(key);
  return { key, secret };
}

export async function listContentApiKeys(
  ctx: DomainContext,
  actor: KeyMaker,
): Promise<ContentApiKeyRecord[]> {
  assertCan(actor, 'read', 'integration');
  return ctx.repos.contentKeys.list();
}

export async function revokeContentApiKey(ctx: DomainContext, actor: KeyMaker, id: string): Promise<void> {
  assertCan(actor, 'delete', 'integration');
  if (!(await ctx.repos.contentKeys.delete(id))) throw notFound('Content API key');
}

/** Why a request may not read: no key (403, as Ghost answers), or a key nobody made (401). */
export class ContentKeyRefused extends DomainError {
  constructor(readonly isMissing: boolean) {
    super(
      isMissing ? 'FORBIDDEN' : 'UNAUTHENTICATED',
      isMissing ? 'Authorization failed' : 'Unknown Content API Key',
    );
  }
}

/** Checks the key of a Content API request; each wrong key is counted against the client address. */
export async function checkContentApiKey(
  ctx: DomainContext,
  key: string | undefined,
  clientAddress: string,
): Promise<void> {
  if (key === undefined || key === '') throw new ContentKeyRefused(true);
  const found = keyShape.test(key) ? await ctx.repos.contentKeys.findByHash(hashToken(key)) : undefined;
  if (!found) {
    const counted = await take(ctx, wrongContentKeys, clientAddress);
    if (!counted.allowed) throw new RateLimitedError(wrongContentKeys.message, counted.retryAfterSeconds);
    throw new ContentKeyRefused(false);
  }
  const now = ctx.clock.now();
  if (!found.lastUsedAt || now.getTime() - Date.parse(found.lastUsedAt) > touchIntervalMs)
    await ctx.repos.contentKeys.touch(found.id, now.toISOString());
}
