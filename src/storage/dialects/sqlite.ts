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
  refreshStatistics(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  const hourly = setInterval(() => refreshStatistics(sqlite), 3_600_000).unref();
  return {
    db,
    close: async () => {
      clearInterval(hourly);
      await db.destroy();
    },
  };
}

/**
 * The planner's statistics, as SQLite advises for long-lived connections: without them it walks a
 * whole archive index for ten posts by id. `analysis_limit` keeps each ANALYZE to a sample, so
 * this costs milliseconds at any size; tables already analysed and little changed are skipped.
 */
export function refreshStatistics(sqlite: SqliteDatabase.Database): void {
  sqlite.pragma('analysis_limit = 1000');
  sqlite.pragma('optimize = 0x10002');
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
