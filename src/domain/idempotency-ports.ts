/* The port for Admin API idempotency keys (docs/admin-api.md, "Retrying a create"); re-exported by ports.ts. */

export interface IdempotencyRecord {
  /** The staff member's id, or `token:ID` for an API token: keys are per actor. */
  actorId: string;
  key: string;
  /** SHA-256 of the method, path with query, and body of the request that made the key. */
  fingerprint: string;
  /** The answer of the create, recorded in its own transaction. */
  status: number;
  body: string;
  createdAt: string;
  expiresAt: string;
}

export interface IdempotencyRepository {
  /** The actor's key, if stored and not expired at `now`. */
  find(actorId: string, key: string, now: string): Promise<IdempotencyRecord | undefined>;
  /**
   * Takes the key for this transaction (an expired one is taken over) unless the actor holds it
   * unexpired; true when this call took it. The key is the primary key, so of two transactions taking
   * one key only one can (on PostgreSQL the second waits for the first to end, then gets false).
   */
  claim(record: Omit<IdempotencyRecord, 'status' | 'body'>): Promise<boolean>;
  /** Records the answer of the key claimed in the same transaction. */
  complete(actorId: string, key: string, answer: { status: number; body: string }): Promise<void>;
  /** Deletes keys that expired by `now`; returns how many. */
  deleteExpired(now: string): Promise<number>;
}
