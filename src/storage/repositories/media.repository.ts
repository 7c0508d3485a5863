import { sql, type Kysely } from 'kysely';
import type {
  ClaimedMedia,
  MadeVariants,
  MediaRecord,
  MediaRepository,
  Page,
  VariantsState,
} from '../../domain/ports.js';
import type { DialectCapabilities } from '../dialects/capabilities.js';
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
  variantsState: row.variants_state as VariantsState,
  originalKey: row.original_key,
});

export class KyselyMediaRepository implements MediaRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly capabilities: DialectCapabilities,
  ) {}

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
        original_key: m.originalKey ?? null,
        variants_state: m.variantsState ?? 'done',
        variants_claimed_by: null,
        variants_claimed_until: null,
        variants_attempts: 0,
        variants_error: '',
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

  async claimPendingVariants(input: {
    claimer: string;
    now: string;
    until: string;
    limit: number;
  }): Promise<ClaimedMedia[]> {
    // Several processes claim at once: each takes rows the others have not locked.
    const lock = this.capabilities.hasSkipLocked ? sql`for update skip locked` : sql``;
    const { rows } = await sql<MediaRow>`
      update media set variants_claimed_by = ${input.claimer}, variants_claimed_until = ${input.until},
        variants_attempts = variants_attempts + 1
      where id in (
        select id from media
        where variants_state = 'pending'
          and (variants_claimed_until is null or variants_claimed_until < ${input.now})
        order by id limit ${input.limit} ${lock}
      )
      returning *
    `.execute(this.db);
    return rows.map((row) => ({ media: toRecord(row), attempts: Number(row.variants_attempts) }));
  }

  async finishVariants(id: string, claimer: string, made: MadeVariants, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('media')
      .set({
        storage_key: made.storageKey,
        mime_type: made.mimeType,
        width: made.width,
        height: made.height,
        size_bytes: made.sizeBytes,
        variants: JSON.stringify(made.variants),
        variants_state: 'done',
        variants_claimed_by: null,
        variants_claimed_until: null,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('variants_state', '=', 'pending')
      .where('variants_claimed_by', '=', claimer)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async failVariants(id: string, claimer: string, reason: string, now: string): Promise<void> {
    await this.db
      .updateTable('media')
      .set({
        variants_state: 'failed',
        variants_error: reason.slice(0, 500),
        variants_claimed_by: null,
        variants_claimed_until: null,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('variants_claimed_by', '=', claimer)
      .execute();
  }

  async releaseVariantClaims(): Promise<void> {
    await this.db
      .updateTable('media')
      .set({ variants_claimed_by: null, variants_claimed_until: null })
      .where('variants_state', '=', 'pending')
      .where('variants_claimed_by', 'is not', null)
      .execute();
  }

  async countPendingVariants(): Promise<number> {
    const row = await this.db
      .selectFrom('media')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('variants_state', '=', 'pending')
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async awaitVariants(postId: string, mediaIds: string[]): Promise<void> {
    if (mediaIds.length === 0) return;
    await this.db
      .insertInto('media_variant_waits')
      .values(mediaIds.map((mediaId) => ({ media_id: mediaId, post_id: postId })))
      .onConflict((oc) => oc.columns(['media_id', 'post_id']).doNothing())
      .execute();
  }

  async takeWaitingPosts(mediaId: string): Promise<string[]> {
    const rows = await this.db
      .deleteFrom('media_variant_waits')
      .where('media_id', '=', mediaId)
      .returning('post_id')
      .execute();
    return rows.map((r) => r.post_id);
  }
}
