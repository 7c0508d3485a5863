import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../tables.js';
import type { DialectCapabilities } from './capabilities.js';

export const postgresCapabilities: DialectCapabilities = {
  name: 'postgres',
  hasSkipLocked: true,
  hasRowLocks: true,
  hasNotify: true,
  isShared: true,
  fullTextSearch: 'tsvector',
};

export interface PostgresOptions {
  url: string;
  /** A schema to work in (tests use one schema each); created when missing. */
  schema?: string;
  poolSize?: number;
}

export function openPostgres(options: PostgresOptions): {
  db: Kysely<Database>;
  pool: pg.Pool;
  close: () => Promise<void>;
} {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema))
    throw new Error(`Bad schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool, close: () => db.destroy() };
}

export async function createSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Bad schema name: ${schema}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create schema if not exists ${schema}`);
  } finally {
    await client.end();
  }
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Bad schema name: ${schema}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}
