import type { Kysely } from 'kysely';
import type { PasswordResetRecord, PasswordResetRepository } from '../../domain/ports.js';
import type { Database, PasswordResetsTable } from '../tables.js';

const toRecord = (row: PasswordResetsTable): PasswordResetRecord => ({
  tokenHash: row.token_hash,
  staffId: row.staff_id,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  usedAt: row.used_at,
});

export class KyselyPasswordResetRepository implements PasswordResetRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(r: PasswordResetRecord): Promise<void> {
    await this.db
      .insertInto('password_resets')
      .values({
        token_hash: r.tokenHash,
        staff_id: r.staffId,
        created_at: r.createdAt,
        expires_at: r.expiresAt,
        used_at: r.usedAt,
      })
      .execute();
  }

  async deleteForStaff(staffId: string): Promise<void> {
    await this.db
      .deleteFrom('password_resets')
      .where('staff_id', '=', staffId)
      .where('used_at', 'is', null)
      .execute();
  }

  async findLive(tokenHash: string, now: string): Promise<PasswordResetRecord | undefined> {
    const row = await this.db
      .selectFrom('password_resets')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  async claim(tokenHash: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
