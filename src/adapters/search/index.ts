import type { Kysely } from 'kysely';
import type { SearchIndex } from '../../domain/search/search-port.js';
import type { DialectCapabilities } from '../../storage/dialects/capabilities.js';
import type { Database } from '../../storage/tables.js';
import { Fts5SearchIndex } from './fts5-search-index.js';
import { PostgresSearchIndex } from './postgres-search-index.js';

/** The search index for this database, writing through `db` (a transaction's connection inside one). */
export function createSearchIndex(db: Kysely<Database>, capabilities: DialectCapabilities): SearchIndex {
  return capabilities.fullTextSearch === 'tsvector' ? new PostgresSearchIndex(db) : new Fts5SearchIndex(db);
}
