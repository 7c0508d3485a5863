import { sql, type Kysely } from 'kysely';
import type { IdempotencyRecord, IdempotencyRepository } from '../../domain/ports.js';
import type { Database } from '../tables.js';

/** A claimed key's answer before `complete`; never seen outside the claiming transaction. */
const unanswered = 0;

export class KyselyIdempotencyRepository implements IdempotencyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(actorId: string, key: string, now: string): Promise<IdempotencyRecord | undefined> {
    const row = await this.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('actor_id', '=', actorId)
      .where('key', '=', key)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      actorId: row.actor_id,
      key: row.key,
      fingerprint: row.fingerprint,
      status: Number(row.status),
      body: row.body,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
    };
  }

  /** One statement on both dialects: an expired row is taken over, a live one is left alone. */
  async claim(record: Omit<IdempotencyRecord, 'status' | 'body'>): Promise<boolean> {
    const values = {
      actor_id: record.actorId,
      key: record.key,
      fingerprint: record.fingerprint,
      status: unanswered,
      body: '',
      created_at: record.createdAt,
      expires_at: record.expiresAt,
    };
    const row = await this.db
      .insertInto('idempotency_keys')
      .values(values)
      .onConflict((oc) =>
        oc
          .columns(['actor_id', 'key'])
          .doUpdateSet({
            fingerprint: values.fingerprint,
            status: unanswered,
            body: '',
            created_at: values.created_at,
            expires_at: values.expires_at,
          })
          .where(sql<boolean>`idempotency_keys.expires_at <= ${record.createdAt}`),
      )
      .returning('actor_id')
      .executeTakeFirst();
    return row !== undefined;
  }

  async complete(actorId: string, key: string, answer: { status: number; body: string }): Promise<void> {
    await this.db
      .updateTable('idempotency_keys')
      .set({ status: answer.status, body: answer.body })
      .where('actor_id', '=', actorId)
      .where('key', '=', key)
      .execute();
  }

  async deleteExpired(now: string): Promise<number> {
    const result = await this.db
      .deleteFrom('idempotency_keys')
      .where('expires_at', '<=', now)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
