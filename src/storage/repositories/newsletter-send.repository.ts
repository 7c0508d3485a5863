import type { Kysely } from 'kysely';
import type {
  ClaimedRecipient,
  NewsletterSendRepository,
  RecipientOutcome,
  SendRecord,
  SendReport,
  SendStatus,
  SendTotals,
} from '../../domain/ports.js';
import type { DialectCapabilities } from '../dialects/capabilities.js';
import { toNewsletterRecord } from './newsletter.repository.js';
import {
  advanceRecipients,
  claimRecipients,
  finishIfDone,
  nextDue,
  releaseClaims,
  releaseStaleClaims,
} from './send-recipient-claims.js';
import type { Database, NewsletterSendsTable } from '../tables.js';

const toSend = (r: NewsletterSendsTable): SendRecord => ({
  id: r.id,
  postId: r.post_id,
  newsletterId: r.newsletter_id,
  noteId: r.note_id || null,
  status: r.status as SendStatus,
  createdBy: r.created_by,
  createdAt: r.created_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});

const emptyTotals = (): SendTotals => ({
  total: 0,
  sent: 0,
  failed: 0,
  skipped: 0,
  pending: 0,
  possiblyDuplicated: 0,
});

export class KyselyNewsletterSendRepository implements NewsletterSendRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly capabilities: DialectCapabilities,
  ) {}

  /** Its own transaction, or the caller's when one is open (a publish that starts its sends). */
  private inTransaction<T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    return this.db.isTransaction ? work(this.db) : this.db.transaction().execute(work);
  }

  async findNewsletter(id: string) {
    const row = await this.db.selectFrom('newsletters').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toNewsletterRecord(row) : undefined;
  }

  async findNewsletterBySlug(slug: string) {
    const row = await this.db
      .selectFrom('newsletters')
      .selectAll()
      .where('slug', '=', slug)
      .executeTakeFirst();
    return row ? toNewsletterRecord(row) : undefined;
  }

  async createSend(send: SendRecord) {
    const inserted = await this.db
      .insertInto('newsletter_sends')
      .values({
        id: send.id,
        post_id: send.postId,
        newsletter_id: send.newsletterId,
        note_id: send.noteId ?? '',
        status: send.status,
        created_by: send.createdBy,
        created_at: send.createdAt,
        started_at: send.startedAt,
        finished_at: send.finishedAt,
      })
      .onConflict((oc) => oc.columns(['post_id', 'newsletter_id', 'note_id']).doNothing())
      .executeTakeFirst();
    const isNew = Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0;
    const row = await this.db
      .selectFrom('newsletter_sends')
      .selectAll()
      .where('post_id', '=', send.postId)
      .where('newsletter_id', '=', send.newsletterId)
      .where('note_id', '=', send.noteId ?? '')
      .executeTakeFirstOrThrow();
    return { send: toSend(row), isNew };
  }

  async snapshot(sendId: string, now: string) {
    return this.inTransaction(async (trx) => {
      let query = trx
        .selectFrom('newsletter_sends')
        .select(['newsletter_id', 'status', 'post_id', 'note_id'])
        .where('id', '=', sendId);
      // Two processes snapshotting at once: the second waits for the first, then finds it done.
      if (this.capabilities.hasSkipLocked) query = query.forUpdate();
      const send = await query.executeTakeFirstOrThrow();
      if (send.status !== 'snapshot') {
        const row = await trx
          .selectFrom('send_recipients')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('send_id', '=', sendId)
          .executeTakeFirstOrThrow();
        return Number(row.n);
      }
      await trx.deleteFrom('send_recipients').where('send_id', '=', sendId).execute();
      const result = await trx
        .insertInto('send_recipients')
        .columns([
          'send_id',
          'member_id',
          'email',
          'state',
          'attempts',
          'next_attempt_at',
          'error',
          'is_possibly_duplicated',
        ])
        .expression((eb) =>
          eb
            .selectFrom('members')
            .innerJoin('member_newsletters', 'member_newsletters.member_id', 'members.id')
            .select([
              eb.val(sendId).as('send_id'),
              'members.id',
              'members.email',
              eb.val('pending').as('state'),
              eb.val(0).as('attempts'),
              eb.val(now).as('next_attempt_at'),
              eb.val('').as('error'),
              eb.val(0).as('is_possibly_duplicated'),
            ])
            .where('member_newsletters.newsletter_id', '=', send.newsletter_id)
            .where('members.status', '=', 'active')
            // A correction goes to those the post reached, as long as they are still subscribed.
            .$if(send.note_id !== '', (q) =>
              q.where('members.id', 'in', (sub) =>
                sub
                  .selectFrom('send_recipients as reached')
                  .innerJoin('newsletter_sends as original', 'original.id', 'reached.send_id')
                  .select('reached.member_id')
                  .where('original.post_id', '=', send.post_id)
                  .where('original.newsletter_id', '=', send.newsletter_id)
                  .where('original.note_id', '=', '')
                  .where('reached.state', '=', 'sent'),
              ),
            ),
        )
        .executeTakeFirst();
      await trx.updateTable('newsletter_sends').set({ status: 'sending' }).where('id', '=', sendId).execute();
      return Number(result.numInsertedOrUpdatedRows ?? 0n);
    });
  }

  async findSend(id: string) {
    const row = await this.db
      .selectFrom('newsletter_sends')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toSend(row) : undefined;
  }

  async listSends(filter: { postId?: string }) {
    let query = this.db.selectFrom('newsletter_sends').selectAll();
    if (filter.postId) query = query.where('post_id', '=', filter.postId);
    return (await query.orderBy('created_at', 'desc').orderBy('id').limit(500).execute()).map(toSend);
  }

  async unfinishedSends() {
    const rows = await this.db
      .selectFrom('newsletter_sends')
      .selectAll()
      .where('status', '!=', 'done')
      .orderBy('created_at')
      .execute();
    return rows.map(toSend);
  }

  async totals(sendIds: string[]) {
    const map = new Map<string, SendTotals>(sendIds.map((id) => [id, emptyTotals()]));
    if (sendIds.length === 0) return map;
    const rows = await this.db
      .selectFrom('send_recipients')
      .select(['send_id', 'state', 'is_possibly_duplicated'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('send_id', 'in', sendIds)
      .groupBy(['send_id', 'state', 'is_possibly_duplicated'])
      .execute();
    for (const row of rows) {
      const t = map.get(row.send_id)!;
      const n = Number(row.n);
      t.total += n;
      if (row.state === 'sent') t.sent += n;
      else if (row.state === 'failed') t.failed += n;
      else if (row.state === 'skipped') t.skipped += n;
      else t.pending += n;
      if (row.is_possibly_duplicated === 1) t.possiblyDuplicated += n;
    }
    return map;
  }

  async report(sendId: string, limit: number): Promise<SendReport> {
    const [failures, duplicated] = await Promise.all([
      this.db
        .selectFrom('send_recipients')
        .select(['email', 'error'])
        .where('send_id', '=', sendId)
        .where('state', '=', 'failed')
        .orderBy('email')
        .limit(limit)
        .execute(),
      this.db
        .selectFrom('send_recipients')
        .select('email')
        .where('send_id', '=', sendId)
        .where('is_possibly_duplicated', '=', 1)
        .orderBy('email')
        .limit(limit)
        .execute(),
    ]);
    return { failures, possiblyDuplicated: duplicated.map((r) => r.email) };
  }

  async releaseStaleClaims(liveSince: string | null) {
    return releaseStaleClaims(this.db, liveSince);
  }

  async releaseClaimsOf(claimer: string) {
    return this.db.transaction().execute((trx) => releaseClaims(trx, (eb) => eb('claimed_by', '=', claimer)));
  }

  async forgetLease(claimer: string) {
    await this.db.deleteFrom('newsletter_leases').where('claimer', '=', claimer).execute();
  }

  async renewLease(claimer: string, now: string) {
    await this.db
      .insertInto('newsletter_leases')
      .values({ claimer, renewed_at: now })
      .onConflict((oc) => oc.column('claimer').doUpdateSet({ renewed_at: now }))
      .execute();
  }

  async claim(sendId: string, claimer: string, now: string, limit: number): Promise<ClaimedRecipient[]> {
    return claimRecipients(this.db, this.capabilities, { sendId, claimer, now, limit });
  }

  async advance(
    sendId: string,
    claimer: string,
    step: { outcomes: RecipientOutcome[]; start: string[]; now: string },
  ): Promise<Set<string>> {
    return advanceRecipients(this.db, { sendId, claimer, ...step });
  }

  async finishIfDone(sendId: string, now: string) {
    return finishIfDone(this.db, sendId, now);
  }

  async nextDue(sendId: string) {
    return nextDue(this.db, sendId);
  }

  async addRequests(postId: string, newsletterIds: string[], requestedBy: string | null, now: string) {
    if (newsletterIds.length === 0) return;
    await this.db
      .insertInto('post_newsletter_requests')
      .values(
        newsletterIds.map((id) => ({
          post_id: postId,
          newsletter_id: id,
          requested_by: requestedBy,
          created_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(['post_id', 'newsletter_id']).doNothing())
      .execute();
  }

  async dueRequests() {
    const rows = await this.db
      .selectFrom('post_newsletter_requests')
      .innerJoin('posts', 'posts.id', 'post_newsletter_requests.post_id')
      .select([
        'post_newsletter_requests.post_id',
        'post_newsletter_requests.newsletter_id',
        'post_newsletter_requests.requested_by',
      ])
      .where('posts.status', '=', 'published')
      .execute();
    return rows.map((r) => ({
      postId: r.post_id,
      newsletterId: r.newsletter_id,
      requestedBy: r.requested_by,
    }));
  }

  async deleteRequest(postId: string, newsletterId: string) {
    await this.db
      .deleteFrom('post_newsletter_requests')
      .where('post_id', '=', postId)
      .where('newsletter_id', '=', newsletterId)
      .execute();
  }
}
