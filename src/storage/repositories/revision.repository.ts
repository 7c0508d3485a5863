import type { Kysely, Selectable } from 'kysely';
import type { RevisionRecord, RevisionRepository } from '../../domain/ports.js';
import type { Database, PostRevisionsTable } from '../tables.js';

const summaryColumns = [
  'id',
  'post_id',
  'staff_id',
  'staff_name',
  'title',
  'is_autosave',
  'created_at',
] as const;

const toSummary = (row: Omit<Selectable<PostRevisionsTable>, 'snapshot'>) => ({
  id: row.id,
  postId: row.post_id,
  staffId: row.staff_id,
  staffName: row.staff_name,
  title: row.title,
  isAutosave: Number(row.is_autosave) === 1,
  createdAt: row.created_at,
});

const toRecord = (row: Selectable<PostRevisionsTable>): RevisionRecord => ({
  ...toSummary(row),
  snapshot: row.snapshot,
});

export class KyselyRevisionRepository implements RevisionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(r: RevisionRecord): Promise<void> {
    await this.db
      .insertInto('post_revisions')
      .values({
        id: r.id,
        post_id: r.postId,
        staff_id: r.staffId,
        staff_name: r.staffName,
        title: r.title,
        is_autosave: r.isAutosave ? 1 : 0,
        snapshot: r.snapshot,
        created_at: r.createdAt,
      })
      .execute();
  }

  async list(postId: string, limit: number): Promise<Omit<RevisionRecord, 'snapshot'>[]> {
    const rows = await this.db
      .selectFrom('post_revisions')
      .select(summaryColumns)
      .where('post_id', '=', postId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toSummary);
  }

  async findById(id: string): Promise<RevisionRecord | undefined> {
    const row = await this.db
      .selectFrom('post_revisions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  async latest(postId: string): Promise<RevisionRecord | undefined> {
    const row = await this.db
      .selectFrom('post_revisions')
      .selectAll()
      .where('post_id', '=', postId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('post_revisions').where('id', '=', id).execute();
  }

  async prune(postId: string, keep: number): Promise<void> {
    const kept = this.db
      .selectFrom('post_revisions')
      .select('id')
      .where('post_id', '=', postId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(keep);
    await this.db
      .deleteFrom('post_revisions')
      .where('post_id', '=', postId)
      .where('id', 'not in', kept)
      .execute();
  }
}
