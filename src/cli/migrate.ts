import type { Config } from '../config/config.js';
import { migrateDatabase } from '../main.js';

export async function runMigrate(config: Config): Promise<number> {
  const applied = await migrateDatabase(config);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
  return 0;
}
