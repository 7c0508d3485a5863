import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { ClaimedRecipient, RecipientOutcome } from '../../domain/ports.js';
import type { DialectCapabilities } from '../dialects/capabilities.js';
import type { Database } from '../tables.js';

/*
 * The recipients' rows while a send goes out: claiming them, the steps of each message (marked
 * `sending`, then its outcome), and giving back the claims of a process that died. Each of the two
 * hot writes, claim and step, is one statement: on PostgreSQL one round trip and one commit, with no
 * transaction around it. Both join their rows by primary key or read the partial index of pending
 * rows (migration 021), so their plans do not depend on the table's statistics (a send's rows are
 * new when it starts, and a plan made on a guess read every row of the send at every claim).
 */

type RecipientFilter = (eb: ExpressionBuilder<Database, 'send_recipients'>) => Expression<SqlBool>;

/**
 * Up to `limit` due pending rows (oldest due first), locked and skipped by other claimers on
 * PostgreSQL, become `claimed` by `claimer`, or `skipped` when their member is no longer active and
 * subscribed. One statement; returns the claimed rows.
 */
export async function claimRecipients(
  db: Kysely<Database>,
  capabilities: DialectCapabilities,
  input: { sendId: string; claimer: string; now: string; limit: number },
): Promise<ClaimedRecipient[]> {
  const { sendId, claimer, now, limit } = input;
  // Several processes claim at once: each takes rows the others have not locked.
  const lock = capabilities.hasSkipLocked ? sql`for update skip locked` : sql``;
  const { rows } = await sql<{ member_id: string; email: string; attempts: number; state: string }>`
    with picked as (
      select member_id from send_recipients
      where send_id = ${sendId} and state = 'pending' and next_attempt_at <= ${now}
      order by next_attempt_at limit ${limit} ${lock}
    ), checked as materialized (
      select picked.member_id, exists (
        select 1 from members
        inner join member_newsletters on member_newsletters.member_id = members.id
        where members.id = picked.member_id and members.status = 'active'
          and member_newsletters.newsletter_id = (select newsletter_id from newsletter_sends where id = ${sendId})
      ) as is_subscribed
      from picked
    )
    update send_recipients set
      state = case when checked.is_subscribed then 'claimed' else 'skipped' end,
      claimed_by = case when checked.is_subscribed then ${claimer} end,
      claimed_at = case when checked.is_subscribed then ${now} end,
      error = case when checked.is_subscribed then send_recipients.error else 'unsubscribed before sending' end
    from checked
    where send_recipients.send_id = ${sendId} and send_recipients.member_id = checked.member_id
    returning send_recipients.member_id, send_recipients.email, send_recipients.attempts, send_recipients.state
  `.execute(db);
  return rows
    .filter((r) => r.state === 'claimed')
    .map((r) => ({ memberId: r.member_id, email: r.email, attempts: Number(r.attempts) + 1 }));
}

const outcomeState = { sent: 'sent', failed: 'failed', retry: 'pending' } as const;

/**
 * One step of the lanes, one statement: each outcome moves its `sending` row to `sent`, `failed` or
 * back to `pending` (a retry, with its time), and each row in `start` moves from `claimed` to
 * `sending` (one more attempt); only rows `claimer` still holds. Returns the ids of `start` now
 * `sending`.
 */
export async function advanceRecipients(
  db: Kysely<Database>,
  input: { sendId: string; claimer: string; outcomes: RecipientOutcome[]; start: string[]; now: string },
): Promise<Set<string>> {
  const { sendId, claimer, outcomes, start, now } = input;
  const changes = [
    ...outcomes.map((o) => [
      o.memberId,
      'sending',
      outcomeState[o.state],
      o.error ?? '',
      o.nextAttemptAt ?? null,
    ]),
    ...start.map((memberId) => [memberId, 'claimed', 'sending', '', null]),
  ];
  if (changes.length === 0) return new Set();
  const values = sql.join(changes.map((change) => sql`(${sql.join(change)})`));
  const { rows } = await sql<{ member_id: string; state: string }>`
    with step (member_id, from_state, to_state, error, next_attempt_at) as (values ${values})
    update send_recipients set
      state = step.to_state,
      attempts = case when step.to_state = 'sending' then send_recipients.attempts + 1 else send_recipients.attempts end,
      sent_at = case when step.to_state = 'sent' then ${now} else send_recipients.sent_at end,
      error = case when step.to_state = 'sending' then send_recipients.error else step.error end,
      claimed_by = case when step.to_state in ('pending', 'failed') then null else send_recipients.claimed_by end,
      next_attempt_at = coalesce(step.next_attempt_at, send_recipients.next_attempt_at)
    from step
    where send_recipients.send_id = ${sendId} and send_recipients.member_id = step.member_id
      and send_recipients.state = step.from_state and send_recipients.claimed_by = ${claimer}
    returning send_recipients.member_id, send_recipients.state
  `.execute(db);
  return new Set(rows.filter((r) => r.state === 'sending').map((r) => r.member_id));
}

/** Claimed rows back to pending; those that were `sending` marked possibly duplicated. */
export async function releaseClaims(trx: Kysely<Database>, whose: RecipientFilter): Promise<number> {
  const inFlight = await trx
    .updateTable('send_recipients')
    .set({ state: 'pending', claimed_by: null, is_possibly_duplicated: 1 })
    .where('state', '=', 'sending')
    .where(whose)
    .executeTakeFirst();
  await trx
    .updateTable('send_recipients')
    .set({ state: 'pending', claimed_by: null })
    .where('state', '=', 'claimed')
    .where(whose)
    .execute();
  return Number(inFlight.numUpdatedRows);
}

/** Frees the claims of processes whose lease ended before `liveSince` (all claims when null), and forgets those leases. */
export async function releaseStaleClaims(db: Kysely<Database>, liveSince: string | null): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const released = await releaseClaims(trx, (eb) =>
      liveSince
        ? eb.or([
            eb('claimed_by', 'is', null),
            eb(
              'claimed_by',
              'not in',
              eb.selectFrom('newsletter_leases').select('claimer').where('renewed_at', '>=', liveSince),
            ),
          ])
        : sql<SqlBool>`1 = 1`,
    );
    let stale = trx.deleteFrom('newsletter_leases');
    if (liveSince) stale = stale.where('renewed_at', '<', liveSince);
    await stale.execute();
    return released;
  });
}

/** Done when no recipient is pending (the partial index of migration 021) and none is in hand. */
export async function finishIfDone(db: Kysely<Database>, sendId: string, now: string): Promise<boolean> {
  const unfinished = (states: string[]) =>
    db
      .selectFrom('send_recipients')
      .select(sql.lit(1).as('one'))
      .where('send_id', '=', sendId)
      .where(
        'state',
        'in',
        states.map((s) => sql.lit(s)),
      );
  const result = await db
    .updateTable('newsletter_sends')
    .set({ status: 'done', finished_at: now })
    .where('id', '=', sendId)
    .where('status', '=', 'sending')
    .where(({ not, exists }) => not(exists(unfinished(['pending']))))
    .where(({ not, exists }) => not(exists(unfinished(['claimed', 'sending']))))
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) > 0) return true;
  const send = await db
    .selectFrom('newsletter_sends')
    .select('status')
    .where('id', '=', sendId)
    .executeTakeFirst();
  return send?.status === 'done';
}

/** The earliest time a pending recipient of the send is due, or null. */
export async function nextDue(db: Kysely<Database>, sendId: string): Promise<string | null> {
  const row = await db
    .selectFrom('send_recipients')
    .select((eb) => eb.fn.min('next_attempt_at').as('next'))
    .where('send_id', '=', sendId)
    .where('state', '=', sql.lit('pending'))
    .executeTakeFirst();
  return (row?.next as string | null | undefined) ?? null;
}
