import { join } from 'node:path';
import { Migrator, sql, type Kysely } from 'kysely';
import type { DialectCapabilities } from './dialects/capabilities.js';
import { openSqlite, sqliteCapabilities } from './dialects/sqlite.js';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './tables.js';

export interface Storage {
  db: Kysely<Database>;
  capabilities: DialectCapabilities;
  close(): Promise<void>;
}

export interface StorageOptions {
  databaseUrl?: string | undefined;
  dataDir?: string;
  postgresSchema?: string;
}

export async function openStorage(options: StorageOptions): Promise<Storage> {
  if (options.databaseUrl) {
    // Loaded only when used, so a SQLite site never loads the PostgreSQL driver.
    const { openPostgres, postgresCapabilities } = await import('./dialects/postgres.js');
    const { db, close } = openPostgres({
      url: options.databaseUrl,
      ...(options.postgresSchema ? { schema: options.postgresSchema } : {}),
    });
    return { db, capabilities: postgresCapabilities, close };
  }
  const file = join(options.dataDir ?? './content', 'data', 'broadsheet.db');
  const { db, close } = openSqlite(file);
  return { db, capabilities: sqliteCapabilities, close };
}

/** Brings the schema up to date; throws with the failing migration's error. */
/** The schema PostgreSQL resolves unqualified names in (from search_path). */
export async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]!.schema;
}

export async function migrateToLatest(db: Kysely<Database>, schema?: string): Promise<string[]> {
  // With a schema named, Kysely keeps its migration tables there and never mistakes another
  // schema's tables for its own (it looks tables up across schemas otherwise).
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    if (!error) return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    if (attempt < 5 && isOtherSchemaDropped(error, schema)) continue;
    throw error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * Kysely finds its migration table through PostgreSQL's catalog of every schema; a schema another
 * process drops during that lookup (tests and benches drop theirs) fails it with 3F000 (measured:
 * half the lookups while another client creates and drops schemas in a loop). The lookup comes
 * before any migration, which each run in a transaction anyway, so it is simply made again.
 */
function isOtherSchemaDropped(error: unknown, schema: string | undefined): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    code === '3F000' &&
    typeof message === 'string' &&
    (schema === undefined || !message.includes(`"${schema}"`))
  );
}
