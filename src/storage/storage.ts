import { join } from 'node:path';
import { DEFAULT_MIGRATION_TABLE, Migrator, sql, type DatabaseIntrospector, type Kysely } from 'kysely';
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

/** The schema PostgreSQL resolves unqualified names in (from search_path). */
export async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]!.schema;
}

/** The migrations this code knows that the database has not run, and those it ran that this code does not know. */
export interface MigrationStatus {
  pending: string[];
  unknown: string[];
}

/** Compares the migrations the database records with those this code has; throws when it cannot read them. */
export async function migrationStatus(db: Kysely<Database>, schema?: string): Promise<MigrationStatus> {
  const known = Object.keys(await migrationProvider.getMigrations());
  const table = sql.table(schema ? `${schema}.${DEFAULT_MIGRATION_TABLE}` : DEFAULT_MIGRATION_TABLE);
  const { rows } = await sql<{ name: string }>`select name from ${table}`.execute(db);
  const done = new Set(rows.map((row) => row.name));
  const knownSet = new Set(known);
  return {
    pending: known.filter((name) => !done.has(name)),
    unknown: [...done].filter((name) => !knownSet.has(name)),
  };
}

/** One trivial query: the database answers. */
export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}

/**
 * Whether the database has run exactly the migrations this code has, so that the Migrator would do
 * nothing. One query, where the Migrator looks its tables up in the catalog and takes its lock first
 * (a third of a second on a busy PostgreSQL): every process of a site opens it, and most find it current.
 */
async function isMigrated(db: Kysely<Database>, schema?: string): Promise<boolean> {
  try {
    const { pending, unknown } = await migrationStatus(db, schema);
    return pending.length === 0 && unknown.length === 0;
  } catch {
    return false; // no migration table yet: a new database, which the Migrator sets up
  }
}

/**
 * What the Migrator sees of the database on PostgreSQL: the tables of `schema` alone. It asks whether
 * its own tables exist by listing every column of every table of every schema, which costs more the
 * more schemas the database holds and fails ("schema … does not exist") when another schema is
 * dropped while it reads.
 */
function introspectorOf(db: Kysely<Database>, schema: string): DatabaseIntrospector {
  const getTables = async () => {
    const { rows } = await sql<{ name: string }>`
      select c.relname as name from pg_catalog.pg_class c
      join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = ${schema} and c.relkind in ('r', 'p')`.execute(db);
    return rows.map((row) => ({ name: row.name, schema, isView: false, columns: [] }));
  };
  return {
    getSchemas: () => db.introspection.getSchemas(),
    getTables,
    getMetadata: async () => ({ tables: await getTables() }),
  };
}

/** `db` as the Migrator gets it: on PostgreSQL with the introspector of `schema` alone. */
function migratorView(db: Kysely<Database>, schema: string | undefined): Kysely<Database> {
  if (!schema) return db;
  const introspection = introspectorOf(db, schema);
  return new Proxy(db, {
    get(target, property) {
      if (property === 'introspection') return introspection;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrateToLatest(db: Kysely<Database>, schema?: string): Promise<string[]> {
  if (await isMigrated(db, schema)) return [];
  // With a schema named, Kysely keeps its migration tables there and never mistakes another
  // schema's tables for its own (it looks tables up across schemas otherwise).
  const migrator = new Migrator({
    db: migratorView(db, schema),
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
