import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase as SqliteDialectDatabase } from 'kysely';
import type { Database } from '../tables.js';
import type { DialectCapabilities } from './capabilities.js';

export const sqliteCapabilities: DialectCapabilities = {
  name: 'sqlite',
  hasSkipLocked: false,
  hasRowLocks: false,
  hasNotify: false,
  isShared: false,
  fullTextSearch: 'fts5',
};

/**
 * Opens the embedded database. WAL lets readers run beside the writer; synchronous=FULL makes a
 * committed write survive power loss (the cost is one extra fsync per commit, small for a news site).
 */
export function openSqlite(file: string): { db: Kysely<Database>; close: () => Promise<void> } {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, close: () => db.destroy() };
}

const statementCacheSize = 500;

/**
 * Kysely prepares every query anew; preparing costs more than running most of our indexed lookups.
 * Statements are reused by their SQL text (Kysely runs one query at a time on this connection).
 */
function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDialectDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= statementCacheSize) statements.clear();
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}
