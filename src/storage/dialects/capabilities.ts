/** Named differences between the databases; code asks for a capability, never for a dialect name. */
export interface DialectCapabilities {
  name: 'sqlite' | 'postgres';
  /** Row locks with `FOR UPDATE SKIP LOCKED`, so several processes can claim work. */
  hasSkipLocked: boolean;
  /**
   * Row locks (`SELECT … FOR UPDATE`) that make two transactions changing one row take turns. Without
   * them (SQLite) a process runs one write transaction at a time anyway.
   */
  hasRowLocks: boolean;
  /** `LISTEN/NOTIFY`, so several processes learn of content changes at once. */
  hasNotify: boolean;
  /** Other processes may share this database (so in-process caches need cross-process invalidation). */
  isShared: boolean;
  /** How posts are searched: an FTS5 table (SQLite) or a GIN-indexed tsvector (PostgreSQL). */
  fullTextSearch: 'fts5' | 'tsvector';
}
