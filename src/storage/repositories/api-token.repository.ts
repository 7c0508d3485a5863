import type { Kysely, Selectable } from 'kysely';
import type { ApiTokenRecord, ApiTokenRepository } from '../../domain/ports.js';
import type { ApiTokensTable, Database } from '../tables.js';

const toRecord = (row: Selectable<ApiTokensTable>): ApiTokenRecord => ({
  id: row.id,
  name: row.name,
  role: row.role,
  tokenHash: row.token_hash,
  createdBy: row.created_by,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
});

export class KyselyApiTokenRepository implements ApiTokenRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(t: ApiTokenRecord): Promise<void> {
    await this.db
      .insertInto('api_tokens')
      .values({
        id: t.id,
        name: t.name,
        role: t.role,
        token_hash: t.tokenHash,
        created_by: t.createdBy,
        created_at: t.createdAt,
        last_used_at: t.lastUsedAt,
      })
      .execute();
  }

  async findByHash(tokenHash: string): Promise<ApiTokenRecord | undefined> {
    const row = await this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  async list(): Promise<ApiTokenRecord[]> {
    const rows = await this.db.selectFrom('api_tokens').selectAll().orderBy('created_at').execute();
    return rows.map(toRecord);
  }

  async touch(id: string, lastUsedAt: string): Promise<void> {
    await this.db.updateTable('api_tokens').set({ last_used_at: lastUsedAt }).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('api_tokens').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
