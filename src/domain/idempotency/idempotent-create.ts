import type { DomainContext } from '../context.js';
import type { ContentChange, IdempotencyRecord } from '../ports.js';
import { conflict, DomainError } from '../shared/errors.js';

/*
 * Creates a client may retry (docs/admin-api.md, "Retrying a create"). The key is claimed, the create
 * made and its answer recorded in ONE transaction: a retry after the commit finds the answer and
 * replays it; a create that failed rolled its key back with it, so a retry runs again. Two requests
 * with one key at once: the second waits for the first's claim (PostgreSQL) or its whole transaction
 * (SQLite, one writer), then replays its answer.
 */

export const idempotencyKeyHeader = 'Idempotency-Key';
export const idempotencyLifetimeMs = 24 * 3600_000;
const maxKeyLength = 255;
const printable = /^[\x20-\x7e]+$/;

export interface IdempotentRequest {
  actorId: string;
  key: string;
  /** SHA-256 of method, path with query, and body: a key names one request. */
  fingerprint: string;
}

export interface Answer {
  status: number;
  /** The answer's JSON text. */
  body: string;
}

/** Refuses a key that is empty, longer than 255 characters or not printable ASCII; 422 naming the header. */
export function checkIdempotencyKey(value: string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  const key = Array.isArray(value) ? value.join(', ') : value;
  if (key.length > maxKeyLength || !printable.test(key))
    throw new DomainError('VALIDATION', `${idempotencyKeyHeader}: 1 to 255 printable characters`, [
      { property: idempotencyKeyHeader, message: 'must be 1 to 255 printable ASCII characters' },
    ]);
  return key;
}

function replayOf(stored: IdempotencyRecord, fingerprint: string): Answer {
  if (stored.fingerprint !== fingerprint)
    throw new DomainError('VALIDATION', `${idempotencyKeyHeader} was used for another request`, [
      {
        property: idempotencyKeyHeader,
        message: 'was used for another request (method, path or body); use a new key',
      },
    ]);
  if (stored.status === 0) throw conflict(`A request with this ${idempotencyKeyHeader} is in progress`);
  return { status: stored.status, body: stored.body };
}

/**
 * Runs `create` at most once per actor and key: the first time inside one transaction that also
 * records its answer; afterwards (for 24 hours) the recorded answer, `isReplayed`. `create` receives
 * a context whose repositories write in that transaction, and whose content events wait for the
 * commit (no cache is dropped for a change that rolls back, or before it is visible).
 */
export async function runIdempotently(
  ctx: DomainContext,
  request: IdempotentRequest,
  create: (ctx: DomainContext) => Promise<Answer>,
): Promise<Answer & { isReplayed: boolean }> {
  const changes: (ContentChange | undefined)[] = [];
  const result = await ctx.repos.transaction(async (repos) => {
    const now = ctx.clock.now();
    const { actorId, key, fingerprint } = request;
    const stored = await repos.idempotencyKeys.find(actorId, key, now.toISOString());
    if (stored) return { ...replayOf(stored, fingerprint), isReplayed: true };
    const expiresAt = new Date(now.getTime() + idempotencyLifetimeMs).toISOString();
    if (!(await repos.idempotencyKeys.claim({ ...request, createdAt: now.toISOString(), expiresAt }))) {
      const winner = await repos.idempotencyKeys.find(actorId, key, now.toISOString());
      if (!winner) throw conflict(`A request with this ${idempotencyKeyHeader} is in progress`);
      return { ...replayOf(winner, fingerprint), isReplayed: true };
    }
    const events = { contentChanged: (change?: ContentChange) => void changes.push(change) };
    const answer = await create({ ...ctx, repos, events });
    await repos.idempotencyKeys.complete(actorId, key, answer);
    return { ...answer, isReplayed: false };
  });
  for (const change of changes) ctx.events.contentChanged(change);
  return result;
}

/** Deletes the keys older than 24 hours (the hourly sweep). */
export async function deleteExpiredIdempotencyKeys(ctx: DomainContext): Promise<number> {
  return ctx.repos.idempotencyKeys.deleteExpired(ctx.clock.now().toISOString());
}
