import type { Kysely, Selectable } from 'kysely';
import type { RedirectRecord, RedirectRepository } from '../../domain/ports.js';
import type { Database, RedirectsTable } from '../tables.js';

const toRecord = (row: Selectable<RedirectsTable>): RedirectRecord => ({
  id: row.id,
  fromPath: row.from_path,
  toUrl: row.to_url,
  statusCode: Number(row.status_code) === 302 ? 302 : 301,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export class KyselyRedirectRepository implements RedirectRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(r: RedirectRecord): Promise<void> {
    await this.db
      .insertInto('redirects')
      .values({
        id: r.id,
        from_path: r.fromPath,
        to_url: r.toUrl,
        status_code: r.statusCode,
        created_at: r.createdAt,
        updated_at: r.updatedAt,
      })
      .execute();
  }

  async update(id: string, patch: Partial<Omit<RedirectRecord, 'id' | 'createdAt'>>): Promise<void> {
    const row: Partial<Selectable<RedirectsTable>> = {};
    if (patch.fromPath !== undefined) row.from_path = patch.fromPath;
    if (patch.toUrl !== undefined) row.to_url = patch.toUrl;
    if (patch.statusCode !== undefined) row.status_code = patch.statusCode;
    if (patch.updatedAt !== undefined) row.updated_at = patch.updatedAt;
    await this.db.updateTable('redirects').set(row).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('redirects').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async findById(id: string): Promise<RedirectRecord | undefined> {
    const row = await this.db.selectFrom('redirects').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async findByPath(fromPath: string): Promise<RedirectRecord | undefined> {
    const row = await this.db
      .selectFrom('redirects')
      .selectAll()
      .where('from_path', '=', fromPath)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  async list(): Promise<RedirectRecord[]> {
    return (await this.db.selectFrom('redirects').selectAll().orderBy('from_path').execute()).map(toRecord);
  }
}
