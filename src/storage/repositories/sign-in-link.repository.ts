import type { Kysely } from 'kysely';
import type { SignInLinkRecord, SignInLinkRepository } from '../../domain/ports.js';
import type { Database } from '../tables.js';

export class KyselySignInLinkRepository implements SignInLinkRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(l: SignInLinkRecord): Promise<void> {
    await this.db
      .insertInto('staff_sign_in_links')
      .values({
        token_hash: l.tokenHash,
        staff_id: l.staffId,
        created_at: l.createdAt,
        expires_at: l.expiresAt,
        used_at: null,
      })
      .execute();
  }

  async claim(tokenHash: string, now: string): Promise<string | undefined> {
    const row = await this.db
      .updateTable('staff_sign_in_links')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('staff_id')
      .executeTakeFirst();
    return row?.staff_id;
  }

  async deleteForStaff(staffId: string): Promise<number> {
    const result = await this.db
      .deleteFrom('staff_sign_in_links')
      .where('staff_id', '=', staffId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteExpired(now: string): Promise<number> {
    const result = await this.db
      .deleteFrom('staff_sign_in_links')
      .where('expires_at', '<=', now)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
