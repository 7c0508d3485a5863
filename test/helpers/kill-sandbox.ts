import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import { openSite, type Site } from '../../src/main.js';
import { createSchema, dropSchema } from '../../src/storage/dialects/postgres.js';
import { postgresUrl } from './sites.js';

/**
 * A site that a test and the child processes it kills both open: a data folder, and on PostgreSQL
 * a schema of its own, named to the child in TEST_POSTGRES_SCHEMA.
 */
export interface KillSandbox {
  /** What the child process needs in its environment to open the same site. */
  env: Record<string, string>;
  open(): Promise<Site>;
  /** Drops the schema and removes the data folder (close the sites first). */
  destroy(): Promise<void>;
}

export async function killSandbox(dialect: 'sqlite' | 'postgres', name: string): Promise<KillSandbox> {
  const dataDir = mkdtempSync(join(tmpdir(), `broadsheet-${name}-`));
  const env: Record<string, string> = { BROADSHEET_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  const schema = `t_${name.replaceAll('-', '_')}_${process.pid}_${Date.now().toString(36)}`;
  const isPostgres = dialect === 'postgres';
  if (isPostgres) {
    await createSchema(postgresUrl!, schema);
    env.DATABASE_URL = postgresUrl!;
    env.TEST_POSTGRES_SCHEMA = schema;
  }
  return {
    env,
    open: () => openSite(loadConfig(env), isPostgres ? { postgresSchema: schema } : {}),
    destroy: async () => {
      if (isPostgres) await dropSchema(postgresUrl!, schema);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
