import type { Config } from '../config/config.js';
import { currentSchema, migrateToLatest, openStorage } from '../storage/storage.js';

export async function runMigrate(config: Config): Promise<number> {
  const storage = await openStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const schema = storage.capabilities.name === 'postgres' ? await currentSchema(storage.db) : undefined;
    const applied = await migrateToLatest(storage.db, schema);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
    return 0;
  } finally {
    await storage.close();
  }
}
