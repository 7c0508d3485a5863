import type { Kysely } from 'kysely';
import type { PromotionRecord, PromotionRepository } from '../../domain/ports.js';
import type { Database, PromotionRow } from '../tables.js';

const toRecord = (row: PromotionRow): PromotionRecord => ({
  id: row.id,
  title: row.title,
  body: row.body,
  imageMediaId: row.image_media_id,
  linkUrl: row.link_url,
  ctaLabel: row.cta_label,
  slot: row.slot as PromotionRecord['slot'],
  language: row.language,
  isActive: Number(row.is_active) === 1,
  sortOrder: Number(row.sort_order),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

function toRow(p: Partial<PromotionRecord>): Partial<PromotionRow> {
  const map: [keyof PromotionRecord, keyof PromotionRow][] = [
    ['id', 'id'],
    ['title', 'title'],
    ['body', 'body'],
    ['imageMediaId', 'image_media_id'],
    ['linkUrl', 'link_url'],
    ['ctaLabel', 'cta_label'],
    ['slot', 'slot'],
    ['language', 'language'],
    ['sortOrder', 'sort_order'],
    ['createdAt', 'created_at'],
    ['updatedAt', 'updated_at'],
  ];
  const row: Record<string, unknown> = {};
  for (const [key, column] of map) if (p[key] !== undefined) row[column] = p[key];
  if (p.isActive !== undefined) row.is_active = p.isActive ? 1 : 0;
  return row as Partial<PromotionRow>;
}

export class KyselyPromotionRepository implements PromotionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(promotion: PromotionRecord): Promise<void> {
    await this.db
      .insertInto('promotions')
      .values(toRow(promotion) as PromotionRow)
      .execute();
  }

  async update(id: string, patch: Partial<PromotionRecord>): Promise<void> {
    await this.db.updateTable('promotions').set(toRow(patch)).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('promotions').where('id', '=', id).execute();
  }

  async findById(id: string): Promise<PromotionRecord | undefined> {
    const row = await this.db.selectFrom('promotions').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async listActive(): Promise<PromotionRecord[]> {
    const rows = await this.db
      .selectFrom('promotions')
      .selectAll()
      .where('is_active', '=', 1)
      .orderBy('sort_order')
      .orderBy('created_at')
      .execute();
    return rows.map(toRecord);
  }

  async list(): Promise<PromotionRecord[]> {
    const rows = await this.db.selectFrom('promotions').selectAll().orderBy('sort_order').execute();
    return rows.map(toRecord);
  }
}
