import { sql, type Kysely } from 'kysely';
import type { NewsletterRecord, NewsletterRepository } from '../../domain/ports.js';
import type { Database, NewslettersTable } from '../tables.js';

export const toNewsletterRecord = (row: NewslettersTable): NewsletterRecord => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  language: row.language,
  senderName: row.sender_name,
  senderEmail: row.sender_email,
  replyTo: row.reply_to,
  footer: row.footer,
  isActive: row.is_active === 1,
  sortOrder: row.sort_order,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

function toRow(n: Partial<NewsletterRecord>): Partial<NewslettersTable> {
  const row: Partial<NewslettersTable> = {};
  if (n.id !== undefined) row.id = n.id;
  if (n.slug !== undefined) row.slug = n.slug;
  if (n.name !== undefined) row.name = n.name;
  if (n.language !== undefined) row.language = n.language;
  if (n.senderName !== undefined) row.sender_name = n.senderName;
  if (n.senderEmail !== undefined) row.sender_email = n.senderEmail;
  if (n.replyTo !== undefined) row.reply_to = n.replyTo;
  if (n.footer !== undefined) row.footer = n.footer;
  if (n.isActive !== undefined) row.is_active = n.isActive ? 1 : 0;
  if (n.sortOrder !== undefined) row.sort_order = n.sortOrder;
  if (n.createdAt !== undefined) row.created_at = n.createdAt;
  if (n.updatedAt !== undefined) row.updated_at = n.updatedAt;
  return row;
}

export class KyselyNewsletterRepository implements NewsletterRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(newsletter: NewsletterRecord): Promise<void> {
    await this.db
      .insertInto('newsletters')
      .values(toRow(newsletter) as NewslettersTable)
      .execute();
  }

  async update(id: string, patch: Partial<Omit<NewsletterRecord, 'id' | 'createdAt'>>): Promise<void> {
    const row = toRow(patch);
    if (Object.keys(row).length === 0) return;
    await this.db.updateTable('newsletters').set(row).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<boolean> {
    await this.db.deleteFrom('member_newsletters').where('newsletter_id', '=', id).execute();
    const result = await this.db.deleteFrom('newsletters').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async findById(id: string): Promise<NewsletterRecord | undefined> {
    const row = await this.db.selectFrom('newsletters').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toNewsletterRecord(row);
  }

  async list(): Promise<NewsletterRecord[]> {
    const rows = await this.db
      .selectFrom('newsletters')
      .selectAll()
      .orderBy('sort_order')
      .orderBy('name')
      .orderBy('id')
      .execute();
    return rows.map(toNewsletterRecord);
  }

  async isSlugTaken(slug: string, exceptId?: string): Promise<boolean> {
    let q = this.db.selectFrom('newsletters').select('id').where('slug', '=', slug);
    if (exceptId) q = q.where('id', '!=', exceptId);
    return (await q.executeTakeFirst()) !== undefined;
  }

  async memberCounts(): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('member_newsletters')
      .innerJoin('members', 'members.id', 'member_newsletters.member_id')
      .where('members.status', '=', 'active')
      .select(['member_newsletters.newsletter_id as id', sql<number | string>`count(*)`.as('n')])
      .groupBy('member_newsletters.newsletter_id')
      .execute();
    return new Map(rows.map((r) => [r.id, Number(r.n)]));
  }

  async recipientCount(newsletterIds: string[]): Promise<number> {
    if (newsletterIds.length === 0) return 0;
    const row = await this.db
      .selectFrom('member_newsletters')
      .innerJoin('members', 'members.id', 'member_newsletters.member_id')
      .where('members.status', '=', 'active')
      .where('member_newsletters.newsletter_id', 'in', newsletterIds)
      .select(sql<number | string>`count(distinct member_newsletters.member_id)`.as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
