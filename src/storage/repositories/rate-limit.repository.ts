import { sql, type Kysely } from 'kysely';
import type { RateLimitCount, RateLimitRepository } from '../../domain/ports.js';
import type { Database } from '../tables.js';

export class KyselyRateLimitRepository implements RateLimitRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * One statement on both dialects (`INSERT … ON CONFLICT DO UPDATE … RETURNING`), so two processes
   * counting the same key at the same instant both count: neither reads a stale count.
   */
  async increment(keyHash: string, now: string, windowEndsAt: string): Promise<RateLimitCount> {
    const isOver = sql<boolean>`rate_limits.window_ends_at <= ${now}`;
    const row = await this.db
      .insertInto('rate_limits')
      .values({ key_hash: keyHash, count: 1, window_ends_at: windowEndsAt })
      .onConflict((oc) =>
        oc.column('key_hash').doUpdateSet({
          count: sql<number>`case when ${isOver} then 1 else rate_limits.count + 1 end`,
          window_ends_at: sql<string>`case when ${isOver} then excluded.window_ends_at else rate_limits.window_ends_at end`,
        }),
      )
      .returning(['count', 'window_ends_at'])
      .executeTakeFirstOrThrow();
    return { count: Number(row.count), windowEndsAt: row.window_ends_at };
  }

  async deleteExpired(now: string): Promise<number> {
    const result = await this.db
      .deleteFrom('rate_limits')
      .where('window_ends_at', '<=', now)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
