import type { Kysely } from 'kysely';
import type { TagRecord, TagRepository } from '../../domain/ports.js';
import type { Database, TagRow } from '../tables.js';

export const toTagRecord = (row: TagRow): TagRecord => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  kind: row.kind as TagRecord['kind'],
  description: row.description,
  language: row.language,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

function toRow(patch: Partial<TagRecord>): Partial<TagRow> {
  const row: Partial<TagRow> = {};
  if (patch.id !== undefined) row.id = patch.id;
  if (patch.slug !== undefined) row.slug = patch.slug;
  if (patch.name !== undefined) row.name = patch.name;
  if (patch.kind !== undefined) row.kind = patch.kind;
  if (patch.description !== undefined) row.description = patch.description;
  if (patch.language !== undefined) row.language = patch.language;
  if (patch.createdAt !== undefined) row.created_at = patch.createdAt;
  if (patch.updatedAt !== undefined) row.updated_at = patch.updatedAt;
  return row;
}

export class KyselyTagRepository implements TagRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(tag: TagRecord): Promise<void> {
    await this.db
      .insertInto('tags')
      .values(toRow(tag) as TagRow)
      .execute();
  }

  async update(id: string, patch: Partial<TagRecord>): Promise<void> {
    await this.db.updateTable('tags').set(toRow(patch)).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('tags').where('id', '=', id).execute();
  }

  async findById(id: string): Promise<TagRecord | undefined> {
    const row = await this.db.selectFrom('tags').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toTagRecord(row);
  }

  async findBySlug(slug: string): Promise<TagRecord | undefined> {
    const row = await this.db.selectFrom('tags').selectAll().where('slug', '=', slug).executeTakeFirst();
    return row && toTagRecord(row);
  }

  async findByIds(ids: string[]): Promise<TagRecord[]> {
    if (ids.length === 0) return [];
    return (await this.db.selectFrom('tags').selectAll().where('id', 'in', ids).execute()).map(toTagRecord);
  }

  async list(): Promise<TagRecord[]> {
    return (await this.db.selectFrom('tags').selectAll().orderBy('name').execute()).map(toTagRecord);
  }

  async isSlugTaken(slug: string, exceptId?: string): Promise<boolean> {
    let q = this.db.selectFrom('tags').select('id').where('slug', '=', slug);
    if (exceptId) q = q.where('id', '!=', exceptId);
    return (await q.executeTakeFirst()) !== undefined;
  }

  async postCounts(): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('post_tags')
      .select(['tag_id', (eb) => eb.fn.countAll().as('n')])
      .groupBy('tag_id')
      .execute();
    return new Map(rows.map((r) => [r.tag_id, Number(r.n)]));
  }
}
