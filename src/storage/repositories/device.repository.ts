import type { Kysely } from 'kysely';
import type { DeviceRecord, DeviceRepository } from '../../domain/ports.js';
import type { Database } from '../tables.js';

export class KyselyDeviceRepository implements DeviceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(d: DeviceRecord): Promise<void> {
    await this.db
      .insertInto('staff_devices')
      .values({
        token_hash: d.tokenHash,
        staff_id: d.staffId,
        created_at: d.createdAt,
        expires_at: d.expiresAt,
      })
      .execute();
  }

  async isKnown(tokenHash: string, staffId: string, now: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('staff_devices')
      .select('token_hash')
      .where('token_hash', '=', tokenHash)
      .where('staff_id', '=', staffId)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row !== undefined;
  }

  async deleteForStaff(staffId: string): Promise<number> {
    const result = await this.db
      .deleteFrom('staff_devices')
      .where('staff_id', '=', staffId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteExpired(now: string): Promise<number> {
    const result = await this.db
      .deleteFrom('staff_devices')
      .where('expires_at', '<=', now)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
