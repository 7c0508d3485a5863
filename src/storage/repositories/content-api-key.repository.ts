import type { Kysely, Selectable } from 'kysely';
import type {
  ContentApiKeyRecord,
  ContentApiKeyRepository,
} from '../../domain/content-api/content-api-ports.js';
import type { ContentApiKeysTable, Database } from '../tables.js';

const toRecord = (row: Selectable<ContentApiKeysTable>): ContentApiKeyRecord => ({
  id: row.id,
  name: row.name,
  keyHash: row.key_hash,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
});

export class KyselyContentApiKeyRepository implements ContentApiKeyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(k: ContentApiKeyRecord): Promise<void> {
    await this.db
      .insertInto('content_api_keys')
      .values({
        id: k.id,
        name: k.name,
        key_hash: k.keyHash,
        created_at: k.createdAt,
        last_used_at: k.lastUsedAt,
      })
      .execute();
  }

  async findByHash(keyHash: string): Promise<ContentApiKeyRecord | undefined> {
    const row = await this.db
      .selectFrom('content_api_keys')
      .selectAll()
      .where('key_hash', '=', keyHash)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  async list(): Promise<ContentApiKeyRecord[]> {
    const rows = await this.db.selectFrom('content_api_keys').selectAll().orderBy('created_at').execute();
    return rows.map(toRecord);
  }

  async touch(id: string, lastUsedAt: string): Promise<void> {
    await this.db
      .updateTable('content_api_keys')
      .set({ last_used_at: lastUsedAt })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('content_api_keys').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
