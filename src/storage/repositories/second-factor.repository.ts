import { sql, type Kysely } from 'kysely';
import type { SecondFactorRepository, TotpRecord } from '../../domain/ports.js';
import type { Database, StaffTotpTable } from '../tables.js';

const toRecord = (row: StaffTotpTable): TotpRecord => ({
  staffId: row.staff_id,
  secret: row.secret,
  createdAt: row.created_at,
  enabledAt: row.enabled_at,
  lastStep: row.last_step === null ? null : Number(row.last_step),
});

/** TOTP secrets and recovery codes (only their hashes). */
export class KyselySecondFactorRepository implements SecondFactorRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findTotp(staffId: string): Promise<TotpRecord | undefined> {
    const row = await this.db
      .selectFrom('staff_totp')
      .selectAll()
      .where('staff_id', '=', staffId)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  async saveTotpSetup(staffId: string, secret: string, createdAt: string): Promise<boolean> {
    const row = await this.db
      .insertInto('staff_totp')
      .values({ staff_id: staffId, secret, created_at: createdAt, enabled_at: null, last_step: null })
      .onConflict((oc) =>
        oc
          .column('staff_id')
          .doUpdateSet({ secret, created_at: createdAt, last_step: null })
          .where('staff_totp.enabled_at', 'is', null),
      )
      .returning('staff_id')
      .executeTakeFirst();
    return row !== undefined;
  }

  async enableTotp(input: {
    staffId: string;
    enabledAt: string;
    step: number;
    codeHashes: string[];
  }): Promise<boolean> {
    const result = await this.db
      .updateTable('staff_totp')
      .set({ enabled_at: input.enabledAt, last_step: input.step })
      .where('staff_id', '=', input.staffId)
      .where('enabled_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await this.db.deleteFrom('staff_recovery_codes').where('staff_id', '=', input.staffId).execute();
    await this.db
      .insertInto('staff_recovery_codes')
      .values(
        input.codeHashes.map((hash) => ({
          code_hash: hash,
          staff_id: input.staffId,
          created_at: input.enabledAt,
          used_at: null,
        })),
      )
      .execute();
    return true;
  }

  async removeTotp(staffId: string): Promise<void> {
    await this.db.deleteFrom('staff_recovery_codes').where('staff_id', '=', staffId).execute();
    await this.db.deleteFrom('staff_totp').where('staff_id', '=', staffId).execute();
  }

  async useTotpStep(staffId: string, step: number): Promise<boolean> {
    const result = await this.db
      .updateTable('staff_totp')
      .set({ last_step: step })
      .where('staff_id', '=', staffId)
      .where('enabled_at', 'is not', null)
      .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async useRecoveryCode(staffId: string, codeHash: string, usedAt: string): Promise<boolean> {
    const result = await this.db
      .updateTable('staff_recovery_codes')
      .set({ used_at: usedAt })
      .where('staff_id', '=', staffId)
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async countUnusedRecoveryCodes(staffId: string): Promise<number> {
    const row = await this.db
      .selectFrom('staff_recovery_codes')
      .select(sql<number | string>`count(*)`.as('n'))
      .where('staff_id', '=', staffId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
