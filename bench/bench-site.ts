import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { openSite } from '../src/main.js';
import { createSchema, dropSchema } from '../src/storage/dialects/postgres.js';

/** The PostgreSQL a bench measures, when one is set. */
export const postgresUrl = process.env.DATABASE_URL ?? process.env.BROADSHEET_TEST_POSTGRES_URL;

/** A site of its own for one bench run: a data folder, and on PostgreSQL a schema of its own. */
export async function openBenchSite(database: string, name: string) {
  const dataDir = mkdtempSync(join(tmpdir(), `broadsheet-bench-${name}-`));
  const schema = `bench_${name}_${process.pid}_${Date.now().toString(36)}`;
  if (database === 'postgres') await createSchema(postgresUrl!, schema);
  const config = loadConfig({
    BROADSHEET_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...(database === 'postgres' ? { DATABASE_URL: postgresUrl! } : {}),
  });
  const site = await openSite(config, database === 'postgres' ? { postgresSchema: schema } : {});
  const destroy = async () => {
    await site.close();
    if (database === 'postgres') await dropSchema(postgresUrl!, schema);
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { site, dataDir, schema, destroy };
}
