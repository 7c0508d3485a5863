import type { Kysely } from 'kysely';
import type { StaffRecord, StaffRepository } from '../../domain/ports.js';
import type { Database, StaffUserRow } from '../tables.js';

export const toStaffRecord = (row: StaffUserRow): StaffRecord => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  email: row.email,
  role: row.role,
  status: row.status,
  bio: row.bio,
  location: row.location,
  website: row.website,
  photoMediaId: row.photo_media_id,
  locale: row.locale,
  jobTitle: row.job_title ?? '',
  expertise: row.expertise ?? '',
  contact: row.contact ?? '',
  fediverse: row.fediverse ?? '',
  profileLinks: parseLinks(row.profile_links),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

function parseLinks(raw: string | undefined): string[] {
  try {
    const value: unknown = JSON.parse(raw ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function toRow(patch: Partial<StaffRecord>): Partial<StaffUserRow> {
  const map: [keyof StaffRecord, keyof StaffUserRow][] = [
    ['id', 'id'],
    ['slug', 'slug'],
    ['name', 'name'],
    ['email', 'email'],
    ['role', 'role'],
    ['status', 'status'],
    ['bio', 'bio'],
    ['location', 'location'],
    ['website', 'website'],
    ['photoMediaId', 'photo_media_id'],
    ['locale', 'locale'],
    ['jobTitle', 'job_title'],
    ['expertise', 'expertise'],
    ['contact', 'contact'],
    ['fediverse', 'fediverse'],
    ['createdAt', 'created_at'],
    ['updatedAt', 'updated_at'],
  ];
  const row: Record<string, unknown> = {};
  for (const [key, column] of map) if (patch[key] !== undefined) row[column] = patch[key];
  if (patch.profileLinks !== undefined) row.profile_links = JSON.stringify(patch.profileLinks);
  return row as Partial<StaffUserRow>;
}

export class KyselyStaffRepository implements StaffRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(staff: StaffRecord): Promise<void> {
    await this.db
      .insertInto('staff_users')
      .values({ ...(toRow(staff) as StaffUserRow), password_hash: null })
      .execute();
  }

  async update(id: string, patch: Partial<StaffRecord>): Promise<void> {
    await this.db.updateTable('staff_users').set(toRow(patch)).where('id', '=', id).execute();
  }

  async findById(id: string): Promise<StaffRecord | undefined> {
    const row = await this.db.selectFrom('staff_users').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toStaffRecord(row);
  }

  async findBySlug(slug: string): Promise<StaffRecord | undefined> {
    const row = await this.db
      .selectFrom('staff_users')
      .selectAll()
      .where('slug', '=', slug)
      .executeTakeFirst();
    return row && toStaffRecord(row);
  }

  async findByEmail(email: string): Promise<StaffRecord | undefined> {
    const row = await this.db
      .selectFrom('staff_users')
      .selectAll()
      .where('email', '=', email.toLowerCase())
      .executeTakeFirst();
    return row && toStaffRecord(row);
  }

  async findByIds(ids: string[]): Promise<StaffRecord[]> {
    if (ids.length === 0) return [];
    return (await this.db.selectFrom('staff_users').selectAll().where('id', 'in', ids).execute()).map(
      toStaffRecord,
    );
  }

  async list(): Promise<StaffRecord[]> {
    return (await this.db.selectFrom('staff_users').selectAll().orderBy('name').execute()).map(toStaffRecord);
  }

  async isSlugTaken(slug: string, exceptId?: string): Promise<boolean> {
    let q = this.db.selectFrom('staff_users').select('id').where('slug', '=', slug);
    if (exceptId) q = q.where('id', '!=', exceptId);
    return (await q.executeTakeFirst()) !== undefined;
  }

  async passwordHashOf(id: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('staff_users')
      .select('password_hash')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.password_hash ?? null;
  }

  async setPasswordHash(id: string, hash: string, now: string): Promise<void> {
    await this.db
      .updateTable('staff_users')
      .set({ password_hash: hash, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  async countByRole(role: string): Promise<number> {
    const row = await this.db
      .selectFrom('staff_users')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('role', '=', role)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}
