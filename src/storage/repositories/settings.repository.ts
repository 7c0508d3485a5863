import type { Kysely } from 'kysely';
import type { SettingsRepository } from '../../domain/ports.js';
import type { Database } from '../tables.js';

export class KyselySettingsRepository implements SettingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async getAll(): Promise<Record<string, string>> {
    const rows = await this.db.selectFrom('settings').select(['key', 'value']).execute();
    return Object.fromEntries(rows.map((r) => [r.key, r.value]));
  }

  async set(entries: Record<string, string>, now: string): Promise<void> {
    for (const [key, value] of Object.entries(entries)) {
      await this.db
        .insertInto('settings')
        .values({ key, value, updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
        .execute();
    }
  }

  async setIfAbsent(key: string, value: string, now: string): Promise<boolean> {
    const result = await this.db
      .insertInto('settings')
      .values({ key, value, updated_at: now })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }
}
