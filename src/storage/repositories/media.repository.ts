import type { Kysely } from 'kysely';
import type { MediaRecord, MediaRepository, Page } from '../../domain/ports.js';
import type { Database, MediaRow } from '../tables.js';

const toRecord = (row: MediaRow): MediaRecord => ({
  id: row.id,
  storageKey: row.storage_key,
  originalName: row.original_name,
  mimeType: row.mime_type,
  width: Number(row.width),
  height: Number(row.height),
  sizeBytes: Number(row.size_bytes),
  alt: row.alt,
  caption: row.caption,
  credit: row.credit,
  variants: JSON.parse(row.variants) as MediaRecord['variants'],
  uploadedBy: row.uploaded_by,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export class KyselyMediaRepository implements MediaRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(m: MediaRecord): Promise<void> {
    await this.db
      .insertInto('media')
      .values({
        id: m.id,
        storage_key: m.storageKey,
        original_name: m.originalName,
        mime_type: m.mimeType,
        width: m.width,
        height: m.height,
        size_bytes: m.sizeBytes,
        alt: m.alt,
        caption: m.caption,
        credit: m.credit,
        variants: JSON.stringify(m.variants),
        uploaded_by: m.uploadedBy,
        created_at: m.createdAt,
        updated_at: m.updatedAt,
      })
      .execute();
  }

  async update(id: string, patch: Partial<Pick<MediaRecord, 'alt' | 'caption' | 'credit' | 'updatedAt'>>) {
    const row: Partial<MediaRow> = {};
    if (patch.alt !== undefined) row.alt = patch.alt;
    if (patch.caption !== undefined) row.caption = patch.caption;
    if (patch.credit !== undefined) row.credit = patch.credit;
    if (patch.updatedAt !== undefined) row.updated_at = patch.updatedAt;
    await this.db.updateTable('media').set(row).where('id', '=', id).execute();
  }

  async findById(id: string): Promise<MediaRecord | undefined> {
    const row = await this.db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async findByIds(ids: string[]): Promise<MediaRecord[]> {
    if (ids.length === 0) return [];
    return (await this.db.selectFrom('media').selectAll().where('id', 'in', ids).execute()).map(toRecord);
  }

  async list(page: Page, filter: { uploadedBy?: string } = {}): Promise<MediaRecord[]> {
    const rows = await this.db
      .selectFrom('media')
      .selectAll()
      .$if(filter.uploadedBy !== undefined, (q) => q.where('uploaded_by', '=', filter.uploadedBy!))
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return rows.map(toRecord);
  }

  async count(filter: { uploadedBy?: string } = {}): Promise<number> {
    const row = await this.db
      .selectFrom('media')
      .select((eb) => eb.fn.countAll().as('n'))
      .$if(filter.uploadedBy !== undefined, (q) => q.where('uploaded_by', '=', filter.uploadedBy!))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('media').where('id', '=', id).execute();
  }
}
