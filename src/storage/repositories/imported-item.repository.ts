import type { Kysely } from 'kysely';
import type { ImportedItem, ImportedItemRepository } from '../../domain/import/import-ports.js';
import type { Database } from '../tables.js';

export class KyselyImportedItemRepository implements ImportedItemRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(source: string, kind: string, key: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('imported_items')
      .select('target_id')
      .where('source', '=', source)
      .where('kind', '=', kind)
      .where('external_key', '=', key)
      .executeTakeFirst();
    return row?.target_id;
  }

  async all(source: string, kind: string): Promise<Map<string, string>> {
    const rows = await this.db
      .selectFrom('imported_items')
      .select(['external_key', 'target_id'])
      .where('source', '=', source)
      .where('kind', '=', kind)
      .execute();
    return new Map(rows.map((r) => [r.external_key, r.target_id]));
  }

  async put(item: ImportedItem, now: string): Promise<void> {
    await this.db
      .insertInto('imported_items')
      .values({
        source: item.source,
        kind: item.kind,
        external_key: item.key,
        target_id: item.targetId,
        created_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['source', 'kind', 'external_key']).doUpdateSet({ target_id: item.targetId }),
      )
      .execute();
  }
}
