import type { Kysely, Selectable } from 'kysely';
import type {
  ArchiveClaim,
  HealthCandidate,
  LinkCheckRecord,
  LinkHealthRow,
  LinkState,
  SnapshotRecord,
  SourceFields,
  SourceRecord,
  SourceRepository,
} from '../../domain/ports.js';
import type { DialectCapabilities } from '../dialects/capabilities.js';
import type { Database, SourceChecksTable, SourceSnapshotsTable } from '../tables.js';
import { toSourceRecord } from './post.repository.js';

const healthRow = 'links';

function toSnapshot(row: Selectable<SourceSnapshotsTable>): SnapshotRecord {
  return {
    id: row.id,
    sourceId: row.source_id,
    url: row.url,
    takenAt: row.taken_at,
    httpStatus: Number(row.http_status),
    finalUrl: row.final_url,
    contentType: row.content_type,
    title: row.title,
    bodySha256: row.body_sha256,
    mainText: row.main_text,
    blobKey: row.blob_key,
  };
}

function toCheck(row: Selectable<SourceChecksTable>): LinkCheckRecord {
  return {
    id: row.id,
    sourceId: row.source_id,
    checkedAt: row.checked_at,
    state: row.state as LinkCheckRecord['state'],
    httpStatus: row.http_status === null ? null : Number(row.http_status),
    finalUrl: row.final_url,
    detail: row.detail,
  };
}

/** Sources, their snapshots, their health history and the two jobs' queue and cursor. SQL only. */
export class KyselySourceRepository implements SourceRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly capabilities: DialectCapabilities,
  ) {}

  async ofPost(postId: string): Promise<SourceRecord[]> {
    const rows = await this.db
      .selectFrom('post_sources')
      .selectAll()
      .where('post_id', '=', postId)
      .orderBy('sort_order')
      .orderBy('id')
      .execute();
    return rows.map(toSourceRecord);
  }

  async insert(postId: string, id: string, f: SourceFields): Promise<void> {
    await this.db
      .insertInto('post_sources')
      .values({
        id,
        post_id: postId,
        publisher: f.publisher,
        title: f.title,
        url: f.url,
        note: f.note,
        sort_order: f.sortOrder,
        archive_status: 'pending',
        link_status: 'unchecked',
        review_state: f.reviewState,
      })
      .execute();
  }

  async updateFields(id: string, f: SourceFields): Promise<void> {
    await this.db
      .updateTable('post_sources')
      .set({
        publisher: f.publisher,
        title: f.title,
        url: f.url,
        note: f.note,
        sort_order: f.sortOrder,
        review_state: f.reviewState,
      })
      .where('id', '=', id)
      .execute();
  }

  async delete(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.deleteFrom('post_sources').where('id', 'in', ids).execute();
  }

  async findById(id: string): Promise<SourceRecord | undefined> {
    const row = await this.db.selectFrom('post_sources').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toSourceRecord(row);
  }

  async queueArchive(sourceIds: string[], now: string): Promise<void> {
    if (sourceIds.length === 0) return;
    await this.db
      .insertInto('source_archive_queue')
      .values(sourceIds.map((id) => ({ source_id: id, requested_at: now, not_before: now })))
      .onConflict((oc) => oc.column('source_id').doNothing())
      .execute();
    await this.db
      .updateTable('post_sources')
      .set({ archive_status: 'queued' })
      .where('id', 'in', sourceIds)
      .where('archive_key', 'is', null)
      .execute();
  }

  async queueUnarchivedOfPost(postId: string, now: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('post_sources')
      .select('id')
      .where('post_id', '=', postId)
      .where('archive_key', 'is', null)
      .where('archive_status', '!=', 'queued')
      .execute();
    const ids = rows.map((r) => r.id);
    await this.queueArchive(ids, now);
    return ids;
  }

  async claimArchive(now: string, leaseUntil: string, limit: number): Promise<ArchiveClaim[]> {
    let due = this.db
      .selectFrom('source_archive_queue')
      .select('source_id')
      .where('not_before', '<=', now)
      .where('claimed_until', '<', now)
      .orderBy('not_before')
      .orderBy('source_id')
      .limit(limit);
    if (this.capabilities.hasSkipLocked) due = due.forUpdate().skipLocked();
    const ids = (await due.execute()).map((r) => r.source_id);
    if (ids.length === 0) return [];
    await this.db
      .updateTable('source_archive_queue')
      .set((eb) => ({ claimed_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
      .where('source_id', 'in', ids)
      .execute();
    const rows = await this.db
      .selectFrom('source_archive_queue as q')
      .innerJoin('post_sources as s', 's.id', 'q.source_id')
      .select(['q.source_id', 'q.attempts', 's.url', 's.post_id'])
      .where('q.source_id', 'in', ids)
      .orderBy('q.source_id')
      .execute();
    return rows.map((r) => ({
      sourceId: r.source_id,
      url: r.url,
      postId: r.post_id,
      attempts: Number(r.attempts),
    }));
  }

  async recordSnapshot(s: SnapshotRecord): Promise<void> {
    await this.db
      .insertInto('source_snapshots')
      .values({
        id: s.id,
        source_id: s.sourceId,
        url: s.url,
        taken_at: s.takenAt,
        http_status: s.httpStatus,
        final_url: s.finalUrl,
        content_type: s.contentType,
        title: s.title,
        body_sha256: s.bodySha256,
        main_text: s.mainText,
        blob_key: s.blobKey,
      })
      .execute();
    await this.db
      .updateTable('post_sources')
      .set({ archive_status: 'archived', archive_key: s.id, archived_at: s.takenAt, archive_error: '' })
      .where('id', '=', s.sourceId)
      .execute();
    await this.db.deleteFrom('source_archive_queue').where('source_id', '=', s.sourceId).execute();
  }

  async recordArchiveFailure(sourceId: string, error: string, notBefore: string | undefined): Promise<void> {
    if (notBefore === undefined) {
      await this.db.deleteFrom('source_archive_queue').where('source_id', '=', sourceId).execute();
      await this.db
        .updateTable('post_sources')
        .set((eb) => ({
          archive_error: error,
          archive_status: eb.case().when('archive_key', 'is', null).then('failed').else('archived').end(),
        }))
        .where('id', '=', sourceId)
        .execute();
      return;
    }
    await this.db
      .updateTable('source_archive_queue')
      .set({ not_before: notBefore, claimed_until: '' })
      .where('source_id', '=', sourceId)
      .execute();
    await this.db
      .updateTable('post_sources')
      .set({ archive_error: error })
      .where('id', '=', sourceId)
      .execute();
  }

  async findSnapshot(id: string): Promise<SnapshotRecord | undefined> {
    const row = await this.db
      .selectFrom('source_snapshots')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toSnapshot(row);
  }

  async snapshotsOf(sourceId: string): Promise<SnapshotRecord[]> {
    const rows = await this.db
      .selectFrom('source_snapshots')
      .selectAll()
      .where('source_id', '=', sourceId)
      .orderBy('taken_at', 'desc')
      .limit(50)
      .execute();
    return rows.map(toSnapshot);
  }

  async takeHealthLease(now: string, leaseUntil: string) {
    const row = await this.db
      .updateTable('source_health_state')
      .set({ lease_until: leaseUntil })
      .where('id', '=', healthRow)
      .where('lease_until', '<', now)
      .returning(['cursor', 'pass_started_at'])
      .executeTakeFirst();
    return row && { cursor: row.cursor, passStartedAt: row.pass_started_at };
  }

  async healthCandidates(cursor: string | null, limit: number): Promise<HealthCandidate[]> {
    let query = this.db
      .selectFrom('post_sources as s')
      .innerJoin('posts as p', 'p.id', 's.post_id')
      .leftJoin('source_snapshots as n', 'n.id', 's.archive_key')
      .select([
        's.id',
        's.post_id',
        's.url',
        's.link_status',
        's.link_etag',
        's.link_last_modified',
        'n.main_text',
      ])
      .where('p.status', '=', 'published')
      .where('s.archive_key', 'is not', null)
      .orderBy('s.id')
      .limit(limit);
    if (cursor !== null) query = query.where('s.id', '>', cursor);
    const rows = await query.execute();
    return rows.map((r) => ({
      sourceId: r.id,
      postId: r.post_id,
      url: r.url,
      linkStatus: r.link_status as LinkState,
      etag: r.link_etag,
      lastModified: r.link_last_modified,
      snapshotMainText: r.main_text,
    }));
  }

  async recordCheck(
    c: LinkCheckRecord,
    validators: { etag: string | null; lastModified: string | null },
  ): Promise<void> {
    await this.db
      .insertInto('source_checks')
      .values({
        id: c.id,
        source_id: c.sourceId,
        checked_at: c.checkedAt,
        state: c.state,
        http_status: c.httpStatus,
        final_url: c.finalUrl,
        detail: c.detail,
      })
      .execute();
    await this.db
      .updateTable('post_sources')
      .set({
        link_status: c.state,
        link_checked_at: c.checkedAt,
        link_etag: validators.etag,
        link_last_modified: validators.lastModified,
      })
      .where('id', '=', c.sourceId)
      .execute();
  }

  async moveHealthCursor(cursor: string | null, passStartedAt: string | null): Promise<void> {
    await this.db
      .updateTable('source_health_state')
      .set({ cursor, pass_started_at: passStartedAt, lease_until: '' })
      .where('id', '=', healthRow)
      .execute();
  }

  async checksOf(sourceId: string, limit: number): Promise<LinkCheckRecord[]> {
    const rows = await this.db
      .selectFrom('source_checks')
      .selectAll()
      .where('source_id', '=', sourceId)
      .orderBy('checked_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toCheck);
  }

  async linkHealth(filter: { state?: LinkState; afterId?: string }, limit: number): Promise<LinkHealthRow[]> {
    let query = this.db
      .selectFrom('post_sources as s')
      .innerJoin('posts as p', 'p.id', 's.post_id')
      .selectAll('s')
      .select(['p.title as post_title', 'p.slug as post_slug', 'p.status as post_status'])
      .orderBy('s.id')
      .limit(limit);
    if (filter.state) query = query.where('s.link_status', '=', filter.state);
    if (filter.afterId) query = query.where('s.id', '>', filter.afterId);
    const rows = await query.execute();
    return rows.map((r) => ({
      source: toSourceRecord(r),
      post: { id: r.post_id, title: r.post_title, slug: r.post_slug, status: r.post_status },
    }));
  }
}
