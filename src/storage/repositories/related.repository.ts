import { sql, type Kysely } from 'kysely';
import type {
  RecentHolder,
  RelatedDocumentRecord,
  RelatedJob,
  RelatedListEntry,
  RelatedRepository,
} from '../../domain/ports.js';
import type { DialectCapabilities } from '../dialects/capabilities.js';
import type { Database } from '../tables.js';

/** Lists of ids go into `IN (...)` in slices of this size, well under either database's parameter limit. */
const slice = 500;

function slices<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += slice) out.push(items.slice(i, i + slice));
  return out;
}

export class KyselyRelatedRepository implements RelatedRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly capabilities: DialectCapabilities,
  ) {}

  async request(postIds: string[], now: string): Promise<void> {
    const unique = [...new Set(postIds)];
    if (unique.length === 0) return;
    await this.db
      .insertInto('related_jobs')
      .values(unique.map((id) => ({ post_id: id, version: 1, requested_at: now })))
      .onConflict((oc) =>
        oc.column('post_id').doUpdateSet({ version: sql<number>`related_jobs.version + 1` }),
      )
      .execute();
  }

  async lockWorker(now: string): Promise<boolean> {
    if (this.capabilities.hasSkipLocked) {
      const row = await this.db
        .selectFrom('related_state')
        .select('id')
        .where('id', '=', 1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      return row !== undefined;
    }
    // SQLite: writing takes the database's write lock for the rest of the transaction.
    await this.db.updateTable('related_state').set({ locked_at: now }).where('id', '=', 1).execute();
    return true;
  }

  async nextJobs(limit: number): Promise<RelatedJob[]> {
    const rows = await this.db
      .selectFrom('related_jobs')
      .select(['post_id', 'version'])
      .orderBy('requested_at')
      .orderBy('post_id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ postId: r.post_id, version: Number(r.version) }));
  }

  async finishJob(job: RelatedJob): Promise<void> {
    await this.db
      .deleteFrom('related_jobs')
      .where('post_id', '=', job.postId)
      .where('version', '=', job.version)
      .execute();
  }

  async pendingCount(): Promise<number> {
    const row = await this.db
      .selectFrom('related_jobs')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async findDocument(postId: string): Promise<RelatedDocumentRecord | undefined> {
    const doc = (await this.findDocuments([postId])).get(postId);
    if (!doc) return undefined;
    const rows = await this.db
      .selectFrom('related_terms')
      .select(['term', 'weight'])
      .where('post_id', '=', postId)
      .execute();
    doc.terms = new Map(rows.map((r) => [r.term, Number(r.weight)]));
    return doc;
  }

  async findDocuments(postIds: string[]): Promise<Map<string, RelatedDocumentRecord>> {
    const docs = new Map<string, RelatedDocumentRecord>();
    for (const ids of slices([...new Set(postIds)])) {
      const rows = await this.db
        .selectFrom('related_documents')
        .selectAll()
        .where('post_id', 'in', ids)
        .execute();
      for (const r of rows)
        docs.set(r.post_id, {
          postId: r.post_id,
          language: r.language,
          story: r.story,
          tagIds: [],
          publishedAt: r.published_at,
          terms: new Map(),
        });
      const tags = await this.db
        .selectFrom('related_tags')
        .select(['post_id', 'tag_id'])
        .where('post_id', 'in', ids)
        .orderBy('tag_id')
        .execute();
      for (const t of tags) docs.get(t.post_id)?.tagIds.push(t.tag_id);
    }
    return docs;
  }

  async documentsWithTerms(postIds: string[]): Promise<Map<string, RelatedDocumentRecord>> {
    const docs = await this.findDocuments(postIds);
    for (const ids of slices([...docs.keys()])) {
      const rows = await this.db
        .selectFrom('related_terms')
        .select(['post_id', 'term', 'weight'])
        .where('post_id', 'in', ids)
        .execute();
      for (const r of rows) docs.get(r.post_id)!.terms.set(r.term, Number(r.weight));
    }
    return docs;
  }

  async documentCount(): Promise<number> {
    const row = await this.db
      .selectFrom('related_documents')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async replaceAllLists(lists: Map<string, RelatedListEntry[]>): Promise<void> {
    await this.db.deleteFrom('post_related').execute();
    await this.insertLists(lists);
  }

  async replaceLists(lists: Map<string, RelatedListEntry[]>): Promise<void> {
    for (const ids of slices([...lists.keys()]))
      await this.db.deleteFrom('post_related').where('post_id', 'in', ids).execute();
    await this.insertLists(lists);
  }

  private async insertLists(lists: Map<string, RelatedListEntry[]>): Promise<void> {
    const rows = [...lists].flatMap(([postId, entries]) =>
      entries.map((e, rank) => ({ post_id: postId, related_post_id: e.relatedPostId, rank, score: e.score })),
    );
    for (let i = 0; i < rows.length; i += 250)
      await this.db
        .insertInto('post_related')
        .values(rows.slice(i, i + 250))
        .execute();
  }

  async allDocuments(): Promise<RelatedDocumentRecord[]> {
    const ids = await this.db.selectFrom('related_documents').select('post_id').execute();
    const docs = await this.findDocuments(ids.map((r) => r.post_id));
    const terms = await this.db.selectFrom('related_terms').select(['post_id', 'term', 'weight']).execute();
    for (const t of terms) docs.get(t.post_id)?.terms.set(t.term, Number(t.weight));
    return [...docs.values()];
  }

  async saveDocument(doc: RelatedDocumentRecord): Promise<void> {
    await this.deleteDocument(doc.postId);
    await this.db
      .insertInto('related_documents')
      .values({
        post_id: doc.postId,
        language: doc.language,
        story: doc.story,
        published_at: doc.publishedAt,
      })
      .execute();
    if (doc.tagIds.length > 0)
      await this.db
        .insertInto('related_tags')
        .values(doc.tagIds.map((tag_id) => ({ post_id: doc.postId, tag_id, published_at: doc.publishedAt })))
        .execute();
    if (doc.terms.size === 0) return;
    await this.db
      .insertInto('related_terms')
      .values([...doc.terms].map(([term, weight]) => ({ post_id: doc.postId, term, weight })))
      .execute();
    await this.db
      .insertInto('related_term_counts')
      .values([...doc.terms.keys()].map((term) => ({ term, n: 1 })))
      .onConflict((oc) => oc.column('term').doUpdateSet({ n: sql<number>`related_term_counts.n + 1` }))
      .execute();
  }

  async deleteDocument(postId: string): Promise<void> {
    await this.db
      .updateTable('related_term_counts')
      .set({ n: sql<number>`n - 1` })
      .where('term', 'in', (eb) =>
        eb.selectFrom('related_terms').select('term').where('post_id', '=', postId),
      )
      .execute();
    await this.db.deleteFrom('related_terms').where('post_id', '=', postId).execute();
    await this.db.deleteFrom('related_tags').where('post_id', '=', postId).execute();
    await this.db.deleteFrom('related_documents').where('post_id', '=', postId).execute();
  }

  async documentFrequencies(terms: string[]): Promise<Map<string, number>> {
    const df = new Map<string, number>();
    for (const part of slices([...new Set(terms)])) {
      const rows = await this.db
        .selectFrom('related_term_counts')
        .select(['term', 'n'])
        .where('term', 'in', part)
        .execute();
      for (const r of rows) if (Number(r.n) > 0) df.set(r.term, Number(r.n));
    }
    return df;
  }

  async postings(terms: string[]): Promise<Map<string, Map<string, number>>> {
    const byPost = new Map<string, Map<string, number>>();
    for (const part of slices([...new Set(terms)])) {
      const rows = await this.db
        .selectFrom('related_terms')
        .select(['post_id', 'term', 'weight'])
        .where('term', 'in', part)
        .execute();
      for (const r of rows) {
        const own = byPost.get(r.post_id) ?? new Map<string, number>();
        own.set(r.term, Number(r.weight));
        byPost.set(r.post_id, own);
      }
    }
    return byPost;
  }

  async postsWithTerms(terms: string[]): Promise<string[]> {
    const ids = new Set<string>();
    for (const part of slices([...new Set(terms)])) {
      const rows = await this.db
        .selectFrom('related_terms')
        .select('post_id')
        .where('term', 'in', part)
        .execute();
      for (const r of rows) ids.add(r.post_id);
    }
    return [...ids];
  }

  async postsWithTags(tagIds: string[]): Promise<string[]> {
    const ids = new Set<string>();
    for (const part of slices([...new Set(tagIds)])) {
      const rows = await this.db
        .selectFrom('related_tags')
        .select('post_id')
        .where('tag_id', 'in', part)
        .execute();
      for (const r of rows) ids.add(r.post_id);
    }
    return [...ids];
  }

  async recentHolders(tagIds: string[], limit: number): Promise<Map<string, RecentHolder[]>> {
    const unique = [...new Set(tagIds)];
    const holders = new Map<string, RecentHolder[]>(unique.map((t) => [t, []]));
    // One statement per 100 tags, each part one index range (SQLite allows 500 parts).
    for (let i = 0; i < unique.length; i += 100) {
      const parts = unique
        .slice(i, i + 100)
        .map(
          (tag) =>
            sql`select * from (select tag_id, post_id, published_at from related_tags where tag_id = ${tag} order by published_at desc, post_id desc limit ${limit}) as recent`,
        );
      const { rows } = await sql<{ tag_id: string; post_id: string; published_at: string }>`${sql.join(
        parts,
        sql` union all `,
      )}`.execute(this.db);
      for (const r of rows) holders.get(r.tag_id)!.push({ postId: r.post_id, publishedAt: r.published_at });
    }
    for (const list of holders.values())
      list.sort((a, b) =>
        a.publishedAt !== b.publishedAt
          ? a.publishedAt < b.publishedAt
            ? 1
            : -1
          : a.postId < b.postId
            ? 1
            : a.postId > b.postId
              ? -1
              : 0,
      );
    return holders;
  }

  async holdersOf(postIds: string[]): Promise<Map<string, string[]>> {
    const holders = new Map<string, string[]>(postIds.map((id) => [id, []]));
    for (const part of slices([...new Set(postIds)])) {
      const rows = await this.db
        .selectFrom('post_related')
        .select(['post_id', 'related_post_id'])
        .where('related_post_id', 'in', part)
        .execute();
      for (const r of rows) holders.get(r.related_post_id)!.push(r.post_id);
    }
    return holders;
  }

  async listersOf(postId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('post_related')
      .select('post_id')
      .where('related_post_id', '=', postId)
      .execute();
    return rows.map((r) => r.post_id);
  }

  async listsOf(postIds: string[]): Promise<Map<string, RelatedListEntry[]>> {
    const lists = new Map<string, RelatedListEntry[]>(postIds.map((id) => [id, []]));
    for (const part of slices([...new Set(postIds)])) {
      const rows = await this.db
        .selectFrom('post_related')
        .select(['post_id', 'related_post_id', 'score'])
        .where('post_id', 'in', part)
        .orderBy('post_id')
        .orderBy('rank')
        .execute();
      for (const r of rows)
        lists.get(r.post_id)!.push({ relatedPostId: r.related_post_id, score: Number(r.score) });
    }
    return lists;
  }

  async replaceList(postId: string, entries: RelatedListEntry[]): Promise<void> {
    await this.db.deleteFrom('post_related').where('post_id', '=', postId).execute();
    if (entries.length === 0) return;
    await this.db
      .insertInto('post_related')
      .values(
        entries.map((e, rank) => ({
          post_id: postId,
          related_post_id: e.relatedPostId,
          rank,
          score: e.score,
        })),
      )
      .execute();
  }
}
