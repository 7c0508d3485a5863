import { sql, type Kysely } from 'kysely';
import type {
  ConsentSource,
  MemberConfirmationRecord,
  MemberFilter,
  MemberRecord,
  MemberRepository,
  MemberStatus,
} from '../../domain/ports.js';
import type { Database, MembersTable } from '../tables.js';
import { groupBy } from './group-by.js';

const toRecord = (row: MembersTable): MemberRecord => ({
  id: row.id,
  email: row.email,
  name: row.name,
  status: row.status as MemberStatus,
  consentSource: row.consent_source as ConsentSource,
  consentAt: row.consent_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

function toRow(m: Partial<MemberRecord>): Partial<MembersTable> {
  const row: Partial<MembersTable> = {};
  if (m.id !== undefined) row.id = m.id;
  if (m.email !== undefined) row.email = m.email;
  if (m.name !== undefined) row.name = m.name;
  if (m.status !== undefined) row.status = m.status;
  if (m.consentSource !== undefined) row.consent_source = m.consentSource;
  if (m.consentAt !== undefined) row.consent_at = m.consentAt;
  if (m.createdAt !== undefined) row.created_at = m.createdAt;
  if (m.updatedAt !== undefined) row.updated_at = m.updatedAt;
  return row;
}

/** A LIKE pattern matching `text` anywhere, its wildcards escaped (used with `escape '\'`). */
const containsPattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Rows per multi-row statement: well under both databases' bound-parameter limits. */
const rowsPerStatement = 100;

export class KyselyMemberRepository implements MemberRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(member: MemberRecord): Promise<void> {
    await this.db
      .insertInto('members')
      .values(toRow(member) as MembersTable)
      .execute();
  }

  async update(id: string, patch: Partial<Omit<MemberRecord, 'id' | 'createdAt'>>): Promise<void> {
    const row = toRow(patch);
    if (Object.keys(row).length === 0) return;
    await this.db.updateTable('members').set(row).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<boolean> {
    await this.db.deleteFrom('member_confirmations').where('member_id', '=', id).execute();
    await this.db.deleteFrom('member_newsletters').where('member_id', '=', id).execute();
    const result = await this.db.deleteFrom('members').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async findById(id: string): Promise<MemberRecord | undefined> {
    const row = await this.db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async findByEmail(email: string): Promise<MemberRecord | undefined> {
    const row = await this.db.selectFrom('members').selectAll().where('email', '=', email).executeTakeFirst();
    return row && toRecord(row);
  }

  async findByEmails(emails: string[]): Promise<Map<string, MemberRecord>> {
    const found = new Map<string, MemberRecord>();
    for (let i = 0; i < emails.length; i += rowsPerStatement * 4) {
      const chunk = emails.slice(i, i + rowsPerStatement * 4);
      const rows = await this.db.selectFrom('members').selectAll().where('email', 'in', chunk).execute();
      for (const row of rows) found.set(row.email, toRecord(row));
    }
    return found;
  }

  async insertMany(members: MemberRecord[]): Promise<void> {
    for (let i = 0; i < members.length; i += rowsPerStatement)
      await this.db
        .insertInto('members')
        .values(members.slice(i, i + rowsPerStatement).map((m) => toRow(m) as MembersTable))
        .execute();
  }

  async addSubscriptions(pairs: { memberId: string; newsletterId: string }[], now: string): Promise<void> {
    for (let i = 0; i < pairs.length; i += rowsPerStatement)
      await this.db
        .insertInto('member_newsletters')
        .values(
          pairs
            .slice(i, i + rowsPerStatement)
            .map((p) => ({ member_id: p.memberId, newsletter_id: p.newsletterId, created_at: now })),
        )
        .onConflict((oc) => oc.columns(['member_id', 'newsletter_id']).doNothing())
        .execute();
  }

  private filtered(filter: MemberFilter) {
    let q = this.db.selectFrom('members');
    if (filter.search) {
      const pattern = containsPattern(filter.search);
      q = q.where((eb) =>
        eb.or([
          sql<boolean>`lower(members.email) like ${pattern} escape '\\'`,
          sql<boolean>`lower(members.name) like ${pattern} escape '\\'`,
        ]),
      );
    }
    if (filter.status) q = q.where('members.status', '=', filter.status);
    if (filter.newsletterId) {
      const newsletterId = filter.newsletterId;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('member_newsletters')
            .select('member_newsletters.member_id')
            .whereRef('member_newsletters.member_id', '=', 'members.id')
            .where('member_newsletters.newsletter_id', '=', newsletterId),
        ),
      );
    }
    return q;
  }

  async list(filter: MemberFilter, page: { offset: number; limit: number }): Promise<MemberRecord[]> {
    const rows = await this.filtered(filter)
      .selectAll('members')
      .orderBy('members.created_at', 'desc')
      .orderBy('members.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return rows.map(toRecord);
  }

  async count(filter: MemberFilter): Promise<number> {
    const row = await this.filtered(filter)
      .select(sql<number | string>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async newsletterIdsFor(memberIds: string[]): Promise<Map<string, string[]>> {
    if (memberIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('member_newsletters')
      .innerJoin('newsletters', 'newsletters.id', 'member_newsletters.newsletter_id')
      .select(['member_newsletters.member_id', 'member_newsletters.newsletter_id'])
      .where('member_newsletters.member_id', 'in', memberIds)
      .orderBy('newsletters.sort_order')
      .orderBy('newsletters.name')
      .execute();
    return groupBy(
      rows,
      (r) => r.member_id,
      (r) => r.newsletter_id,
    );
  }

  async setNewsletters(memberId: string, newsletterIds: string[], now: string): Promise<void> {
    await this.db.deleteFrom('member_newsletters').where('member_id', '=', memberId).execute();
    await this.addNewsletters(memberId, newsletterIds, now);
  }

  async addNewsletters(memberId: string, newsletterIds: string[], now: string): Promise<void> {
    const ids = [...new Set(newsletterIds)];
    if (ids.length === 0) return;
    await this.db
      .insertInto('member_newsletters')
      .values(ids.map((id) => ({ member_id: memberId, newsletter_id: id, created_at: now })))
      .onConflict((oc) => oc.columns(['member_id', 'newsletter_id']).doNothing())
      .execute();
  }

  async insertConfirmation(c: MemberConfirmationRecord): Promise<void> {
    await this.db
      .insertInto('member_confirmations')
      .values({
        token_hash: c.tokenHash,
        member_id: c.memberId,
        newsletter_ids: JSON.stringify(c.newsletterIds),
        created_at: c.createdAt,
        expires_at: c.expiresAt,
        used_at: c.usedAt,
      })
      .execute();
  }

  async countConfirmationsSince(memberId: string, since: string): Promise<number> {
    const row = await this.db
      .selectFrom('member_confirmations')
      .select(sql<number | string>`count(*)`.as('n'))
      .where('member_id', '=', memberId)
      .where('created_at', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async findConfirmation(tokenHash: string): Promise<MemberConfirmationRecord | undefined> {
    const row = await this.db
      .selectFrom('member_confirmations')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return (
      row && {
        tokenHash: row.token_hash,
        memberId: row.member_id,
        newsletterIds: JSON.parse(row.newsletter_ids) as string[],
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        usedAt: row.used_at,
      }
    );
  }

  async useConfirmation(tokenHash: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('member_confirmations')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async deleteConfirmationsExpiredBefore(cutoff: string): Promise<number> {
    const result = await this.db
      .deleteFrom('member_confirmations')
      .where('expires_at', '<', cutoff)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteUnconfirmedBefore(cutoff: string): Promise<number> {
    const stale = this.db
      .selectFrom('members')
      .select('id')
      .where('status', '=', 'pending')
      .where('created_at', '<', cutoff)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('member_confirmations')
              .select('token_hash')
              .whereRef('member_confirmations.member_id', '=', 'members.id')
              .where('member_confirmations.expires_at', '>=', cutoff),
          ),
        ),
      );
    // Subqueries, not a list of ids: any number of members, in three statements.
    await this.db.deleteFrom('member_confirmations').where('member_id', 'in', stale).execute();
    await this.db.deleteFrom('member_newsletters').where('member_id', 'in', stale).execute();
    const result = await this.db.deleteFrom('members').where('id', 'in', stale).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
