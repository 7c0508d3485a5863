import type { Kysely } from 'kysely';
import type { InvitationRecord, InvitationRepository } from '../../domain/ports.js';
import type { Database, StaffInvitationsTable } from '../tables.js';

const toRecord = (row: StaffInvitationsTable): InvitationRecord => ({
  id: row.id,
  email: row.email,
  role: row.role,
  tokenHash: row.token_hash,
  invitedBy: row.invited_by,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  acceptedAt: row.accepted_at,
});

export class KyselyInvitationRepository implements InvitationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(i: InvitationRecord): Promise<void> {
    await this.db
      .insertInto('staff_invitations')
      .values({
        id: i.id,
        email: i.email,
        role: i.role,
        token_hash: i.tokenHash,
        invited_by: i.invitedBy,
        created_at: i.createdAt,
        expires_at: i.expiresAt,
        accepted_at: i.acceptedAt,
      })
      .execute();
  }

  async deletePendingFor(email: string): Promise<void> {
    await this.db
      .deleteFrom('staff_invitations')
      .where('email', '=', email)
      .where('accepted_at', 'is', null)
      .execute();
  }

  async listPending(now: string): Promise<InvitationRecord[]> {
    const rows = await this.db
      .selectFrom('staff_invitations')
      .selectAll()
      .where('accepted_at', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toRecord);
  }

  async deletePending(id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('staff_invitations')
      .where('id', '=', id)
      .where('accepted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async findLive(tokenHash: string, now: string): Promise<InvitationRecord | undefined> {
    const row = await this.db
      .selectFrom('staff_invitations')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('accepted_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  async claim(tokenHash: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('staff_invitations')
      .set({ accepted_at: now })
      .where('token_hash', '=', tokenHash)
      .where('accepted_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
