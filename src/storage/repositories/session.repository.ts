import type { Kysely } from 'kysely';
import type { SessionRecord, SessionRepository } from '../../domain/ports.js';
import type { Database, StaffSessionsTable } from '../tables.js';

const toRecord = (row: StaffSessionsTable): SessionRecord => ({
  idHash: row.id_hash,
  staffId: row.staff_id,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  lastSeenAt: row.last_seen_at,
  userAgent: row.user_agent,
  pendingStep: row.pending_step === 'totp' || row.pending_step === 'email' ? row.pending_step : null,
  codeHash: row.code_hash,
});

export class KyselySessionRepository implements SessionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(s: SessionRecord): Promise<void> {
    await this.db
      .insertInto('staff_sessions')
      .values({
        id_hash: s.idHash,
        staff_id: s.staffId,
        created_at: s.createdAt,
        expires_at: s.expiresAt,
        last_seen_at: s.lastSeenAt,
        user_agent: s.userAgent,
        pending_step: s.pendingStep,
        code_hash: s.codeHash,
      })
      .execute();
  }

  async findLive(idHash: string, now: string): Promise<SessionRecord | undefined> {
    const row = await this.db
      .selectFrom('staff_sessions')
      .selectAll()
      .where('id_hash', '=', idHash)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  async touch(idHash: string, lastSeenAt: string, expiresAt: string): Promise<void> {
    await this.db
      .updateTable('staff_sessions')
      .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
      .where('id_hash', '=', idHash)
      .execute();
  }

  async delete(idHash: string): Promise<void> {
    await this.db.deleteFrom('staff_sessions').where('id_hash', '=', idHash).execute();
  }

  async claimPending(idHash: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('staff_sessions')
      .where('id_hash', '=', idHash)
      .where('pending_step', 'is not', null)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  async deleteForStaff(staffId: string, keepIdHash?: string): Promise<number> {
    let q = this.db.deleteFrom('staff_sessions').where('staff_id', '=', staffId);
    if (keepIdHash) q = q.where('id_hash', '!=', keepIdHash);
    const result = await q.executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteExpired(now: string): Promise<number> {
    const result = await this.db
      .deleteFrom('staff_sessions')
      .where('expires_at', '<=', now)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
