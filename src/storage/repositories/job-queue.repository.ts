import type { Kysely } from 'kysely';
import type { JobQueueRepository, QueueDepth } from '../../domain/ports.js';
import type { Database } from '../tables.js';

/**
 * How much work the persisted queues hold, for `/metrics`. Every query is an index range read with
 * its count capped, so a scrape costs the same with a queue of ten rows or of a million.
 */
export class KyselyJobQueueRepository implements JobQueueRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async depths(cap: number): Promise<QueueDepth[]> {
    const [related, imports, requests, recipients] = await Promise.all([
      this.relatedJobs(cap),
      this.memberImports(cap),
      this.sendRequests(cap),
      this.pendingRecipients(cap),
    ]);
    return [related, imports, requests, recipients];
  }

  private async relatedJobs(cap: number): Promise<QueueDepth> {
    const [depth, oldest] = await Promise.all([
      this.db
        .selectFrom((qb) => qb.selectFrom('related_jobs').select('post_id').limit(cap).as('q'))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
      // related_jobs_order_idx (requested_at, post_id): the first entry.
      this.db
        .selectFrom('related_jobs')
        .select('requested_at')
        .orderBy('requested_at')
        .limit(1)
        .executeTakeFirst(),
    ]);
    return { queue: 'related-posts', depth: Number(depth.n), oldestAt: oldest?.requested_at ?? null };
  }

  private async memberImports(cap: number): Promise<QueueDepth> {
    // member_imports_status_idx (status, created_at, id).
    const queued = this.db.selectFrom('member_imports').where('status', '=', 'queued');
    const [depth, oldest] = await Promise.all([
      this.db
        .selectFrom(queued.select('id').limit(cap).as('q'))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
      queued.select('created_at').orderBy('created_at').limit(1).executeTakeFirst(),
    ]);
    return { queue: 'member-import', depth: Number(depth.n), oldestAt: oldest?.created_at ?? null };
  }

  /** Posts waiting to go live before their newsletters go out: a handful of rows at most. */
  private async sendRequests(cap: number): Promise<QueueDepth> {
    const row = await this.db
      .selectFrom((qb) => qb.selectFrom('post_newsletter_requests').select('created_at').limit(cap).as('q'))
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('created_at').as('oldest')])
      .executeTakeFirstOrThrow();
    return {
      queue: 'newsletter-request',
      depth: Number(row.n),
      oldestAt: (row.oldest as string | null) ?? null,
    };
  }

  /** Recipients waiting to be sent, through the partial index of pending rows (migration 021). */
  private async pendingRecipients(cap: number): Promise<QueueDepth> {
    const [depth, oldest] = await Promise.all([
      this.db
        .selectFrom((qb) =>
          qb
            .selectFrom('send_recipients')
            .select('send_id')
            .where('state', '=', 'pending')
            .limit(cap)
            .as('q'),
        )
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
      this.db
        .selectFrom('newsletter_sends')
        .select('started_at')
        .where('status', '!=', 'done')
        .orderBy('started_at')
        .limit(1)
        .executeTakeFirst(),
    ]);
    return { queue: 'newsletter-recipient', depth: Number(depth.n), oldestAt: oldest?.started_at ?? null };
  }
}
