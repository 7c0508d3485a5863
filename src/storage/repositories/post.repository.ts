import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type {
  Page,
  PostProjection,
  PostFilter,
  PostRecord,
  PostRepository,
  RelatedLink,
  SourceRecord,
  StaffRecord,
  TagRecord,
} from '../../domain/ports.js';
import { toStaffRecord } from './staff.repository.js';
import { toTagRecord } from './tag.repository.js';
import type { Database, PostRow, PostSourceRow } from '../tables.js';
import { groupBy } from './group-by.js';
import { joinListPage, listingOf, refreshShadows, shadowPattern, syncListings } from './post-listings.js';
import type { DialectCapabilities } from '../dialects/capabilities.js';
import { filterCondition, sortTerms } from './filter-sql.js';
import { postFilterFields, postSortColumns } from './post-filter-fields.js';

export type PostQuery = SelectQueryBuilder<Database, 'posts', object>;

export function toPostRecord(row: PostRow): PostRecord {
  return {
    id: row.id,
    type: row.type as PostRecord['type'],
    slug: row.slug,
    title: row.title,
    standfirst: row.standfirst,
    excerpt: row.excerpt,
    bodyJson: row.body_json,
    bodyHtml: row.body_html,
    bodyText: row.body_text,
    status: row.status as PostRecord['status'],
    isFeatured: Number(row.is_featured) === 1,
    language: row.language,
    translationGroup: row.translation_group,
    featuredMediaId: row.featured_media_id,
    featuredAlt: row.featured_alt,
    featuredCaption: row.featured_caption,
    featuredCredit: row.featured_credit,
    canonicalUrl: row.canonical_url,
    metaTitle: row.meta_title,
    metaDescription: row.meta_description,
    ogTitle: row.og_title,
    ogDescription: row.og_description,
    twitterTitle: row.twitter_title,
    twitterDescription: row.twitter_description,
    promotionMode: row.promotion_mode as PostRecord['promotionMode'],
    promotionId: row.promotion_id,
    workType: (row.work_type || 'news') as PostRecord['workType'],
    dateline: row.dateline ?? '',
    publishedAt: row.published_at,
    firstPublishedAt: row.first_published_at ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const columnOf: Record<keyof PostRecord, keyof PostRow> = {
  id: 'id',
  type: 'type',
  slug: 'slug',
  title: 'title',
  standfirst: 'standfirst',
  excerpt: 'excerpt',
  bodyJson: 'body_json',
  bodyHtml: 'body_html',
  bodyText: 'body_text',
  status: 'status',
  isFeatured: 'is_featured',
  language: 'language',
  translationGroup: 'translation_group',
  featuredMediaId: 'featured_media_id',
  featuredAlt: 'featured_alt',
  featuredCaption: 'featured_caption',
  featuredCredit: 'featured_credit',
  canonicalUrl: 'canonical_url',
  metaTitle: 'meta_title',
  metaDescription: 'meta_description',
  ogTitle: 'og_title',
  ogDescription: 'og_description',
  twitterTitle: 'twitter_title',
  twitterDescription: 'twitter_description',
  promotionMode: 'promotion_mode',
  promotionId: 'promotion_id',
  workType: 'work_type',
  dateline: 'dateline',
  publishedAt: 'published_at',
  firstPublishedAt: 'first_published_at',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

const allColumns = Object.values(columnOf) as (keyof PostRow)[];
const omitted: Record<PostProjection, (keyof PostRow)[]> = {
  full: [],
  reader: ['body_json'],
  teaser: ['body_json', 'body_html', 'body_text'],
};
const projectionColumns = Object.fromEntries(
  Object.entries(omitted).map(([name, skip]) => [
    name,
    allColumns.filter((c) => !skip.includes(c)).map((c) => `posts.${c}` as const),
  ]),
) as Record<PostProjection, `posts.${keyof PostRow}`[]>;

/** A row loaded with a projection: the columns left out read as empty strings. */
function fromProjectedRow(row: Partial<PostRow>): PostRecord {
  return toPostRecord({ body_json: '', body_html: '', body_text: '', ...row } as PostRow);
}

function toRow(patch: Partial<PostRecord>): Partial<PostRow> {
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    row[columnOf[key as keyof PostRecord]] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  }
  return row as Partial<PostRow>;
}

export function toSourceRecord(row: PostSourceRow): SourceRecord {
  return {
    id: row.id,
    postId: row.post_id,
    publisher: row.publisher,
    title: row.title,
    url: row.url,
    note: row.note,
    sortOrder: Number(row.sort_order),
    archiveStatus: row.archive_status as SourceRecord['archiveStatus'],
    snapshotId: row.archive_key,
    archivedAt: row.archived_at,
    archiveError: row.archive_error,
    linkStatus: row.link_status as SourceRecord['linkStatus'],
    linkCheckedAt: row.link_checked_at,
    reviewState: row.review_state === 'imported' ? 'imported' : null,
  };
}

const isPublishedOnly = (statuses: string[] | undefined) =>
  statuses?.length === 1 && statuses[0] === 'published';

function preferLanguage(query: PostQuery, language: string, statuses: string[] | undefined): PostQuery {
  // Readers' lists: the post's own index entry says whether its story is published in `language`.
  if (isPublishedOnly(statuses))
    return query.where(
      sql<boolean>`(posts.shadowed_in = '' or posts.shadowed_in not like ${shadowPattern(language)} escape '\\')`,
    );
  return query.where((eb) =>
    eb.or([
      eb('posts.language', '=', language),
      eb('posts.translation_group', 'is', null),
      eb.not(
        eb.exists(
          eb
            .selectFrom('posts as version')
            .select('version.id')
            .whereRef('version.translation_group', '=', 'posts.translation_group')
            .where('version.language', '=', language)
            .$if(statuses !== undefined, (sub) => sub.where('version.status', 'in', statuses!)),
        ),
      ),
    ]),
  );
}

const shadowFields: (keyof PostRecord)[] = ['status', 'language', 'translationGroup'];
const listingFields: (keyof PostRecord)[] = [...shadowFields, 'type', 'publishedAt', 'createdAt'];

/** The access rule and list filters as SQL (search joins its index to this too). */
export function applyFilter(query: PostQuery, filter: PostFilter): PostQuery {
  let q = query;
  if (filter.ids)
    q = filter.ids.length > 0 ? q.where('posts.id', 'in', filter.ids) : q.where((eb) => eb.val(1), '=', 0);
  if (filter.types) q = q.where('posts.type', 'in', filter.types);
  if (filter.statuses) q = q.where('posts.status', 'in', filter.statuses);
  if (filter.language) q = q.where('posts.language', '=', filter.language);
  if (filter.slug !== undefined) q = q.where('posts.slug', '=', filter.slug);
  if (filter.preferredLanguage) q = preferLanguage(q, filter.preferredLanguage, filter.statuses);
  if (filter.isFeatured !== undefined) q = q.where('posts.is_featured', '=', filter.isFeatured ? 1 : 0);
  if (filter.excludeIds && filter.excludeIds.length > 0) q = q.where('posts.id', 'not in', filter.excludeIds);
  if (filter.titleContains) {
    const pattern = `%${filter.titleContains.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(sql<boolean>`lower(posts.title) like ${pattern} escape '\\'`);
  }
  if (filter.tagId) {
    const tagId = filter.tagId;
    q = q.where('posts.id', 'in', (eb) =>
      eb.selectFrom('post_tags').select('post_id').where('tag_id', '=', tagId),
    );
  }
  if (filter.authorId) {
    const authorId = filter.authorId;
    q = q.where('posts.id', 'in', (eb) =>
      eb.selectFrom('post_authors').select('post_id').where('staff_id', '=', authorId),
    );
  }
  if (filter.expression) q = q.where(filterCondition(filter.expression, postFilterFields));
  return q;
}

export class KyselyPostRepository implements PostRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly capabilities: DialectCapabilities,
  ) {}

  async insert(post: PostRecord): Promise<void> {
    await this.db
      .insertInto('posts')
      .values(toRow(post) as PostRow)
      .execute();
    await syncListings(this.db, await refreshShadows(this.db, [post.translationGroup]));
  }

  async update(id: string, patch: Partial<PostRecord>): Promise<void> {
    const row = toRow(patch);
    if (Object.keys(row).length === 0) return;
    const touches = (fields: (keyof PostRecord)[]) => fields.some((f) => patch[f] !== undefined);
    const groupBefore = touches(shadowFields) ? await this.groupOf(id) : undefined;
    await this.db.updateTable('posts').set(row).where('id', '=', id).execute();
    const shadowed =
      groupBefore === undefined ? [] : await refreshShadows(this.db, [groupBefore, patch.translationGroup]);
    await syncListings(this.db, touches(listingFields) ? [id, ...shadowed] : shadowed);
  }

  async delete(id: string): Promise<void> {
    const group = await this.groupOf(id);
    await this.db.deleteFrom('posts').where('id', '=', id).execute();
    await syncListings(this.db, await refreshShadows(this.db, [group]));
  }

  private async groupOf(id: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('posts')
      .select('translation_group')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.translation_group ?? null;
  }

  async findById(id: string): Promise<PostRecord | undefined> {
    const row = await this.db.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toPostRecord(row);
  }

  async findForChange(id: string): Promise<PostRecord | undefined> {
    const query = this.db.selectFrom('posts').selectAll().where('id', '=', id);
    const row = await (this.capabilities.hasRowLocks ? query.forUpdate() : query).executeTakeFirst();
    return row && toPostRecord(row);
  }

  async findOne(filter: PostFilter, projection: PostProjection = 'full'): Promise<PostRecord | undefined> {
    const row = await applyFilter(this.db.selectFrom('posts'), filter)
      .select(projectionColumns[projection])
      .limit(1)
      .executeTakeFirst();
    return row && fromProjectedRow(row);
  }

  /**
   * One page of the list: the page's ids are found first from the index alone (the rows before it
   * are skipped inside the index, never read), then only those rows are loaded.
   */
  async list(filter: PostFilter, page: Page, projection: PostProjection = 'full'): Promise<PostRecord[]> {
    const sort = page.sort;
    const inOrder = <Q extends PostQuery>(q: Q) =>
      sort
        ? (sortTerms(sort, postSortColumns)
            .reduce<PostQuery>((o, term) => o.orderBy(term), q)
            .orderBy('posts.id', 'desc') as Q)
        : q
            .$if(page.order === 'updated', (o) => o.orderBy('posts.updated_at', 'desc'))
            .orderBy('posts.published_at', 'desc')
            .orderBy('posts.created_at', 'desc')
            .orderBy('posts.id', 'desc');
    const pageIds =
      (await joinListPage(this.db, filter, page)) ??
      inOrder(applyFilter(this.db.selectFrom('posts'), filter))
        .select('posts.id')
        .limit(page.limit)
        .offset(page.offset);
    if (Array.isArray(pageIds) && pageIds.length === 0) return [];
    const rows = await inOrder(this.db.selectFrom('posts'))
      .select(projectionColumns[projection])
      .where('posts.id', 'in', pageIds)
      .execute();
    return rows.map(fromProjectedRow);
  }

  async count(filter: PostFilter): Promise<number> {
    const row = await applyFilter(this.db.selectFrom('posts'), filter)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async lastUpdatedAt(filter: PostFilter): Promise<string | null> {
    const row = await applyFilter(this.db.selectFrom('posts'), filter)
      .select((eb) => eb.fn.max('updated_at').as('latest'))
      .executeTakeFirst();
    return (row?.latest as string | null | undefined) ?? null;
  }

  async isSlugTaken(slug: string, exceptId?: string): Promise<boolean> {
    let q = this.db.selectFrom('posts').select('id').where('slug', '=', slug);
    if (exceptId) q = q.where('id', '!=', exceptId);
    return (await q.executeTakeFirst()) !== undefined;
  }

  async findDueScheduled(now: string): Promise<PostRecord[]> {
    const rows = await this.db
      .selectFrom('posts')
      .selectAll()
      .where('status', '=', 'scheduled')
      .where('published_at', '<=', now)
      .execute();
    return rows.map(toPostRecord);
  }

  async translations(group: string, filter: PostFilter): Promise<PostRecord[]> {
    const rows = await applyFilter(this.db.selectFrom('posts'), filter)
      .select(projectionColumns.teaser)
      .where('translation_group', '=', group)
      .orderBy('language')
      .execute();
    return rows.map(fromProjectedRow);
  }

  async setAuthors(postId: string, staffIds: string[]): Promise<void> {
    await this.db.deleteFrom('post_authors').where('post_id', '=', postId).execute();
    const listing = await listingOf(this.db, postId);
    if (staffIds.length === 0 || !listing) return;
    await this.db
      .insertInto('post_authors')
      .values(
        staffIds.map((staffId, i) => ({ post_id: postId, staff_id: staffId, sort_order: i, ...listing })),
      )
      .execute();
  }

  async setTags(postId: string, tagIds: string[]): Promise<void> {
    await this.db.deleteFrom('post_tags').where('post_id', '=', postId).execute();
    const listing = await listingOf(this.db, postId);
    if (tagIds.length === 0 || !listing) return;
    await this.db
      .insertInto('post_tags')
      .values(tagIds.map((tagId, i) => ({ post_id: postId, tag_id: tagId, sort_order: i, ...listing })))
      .execute();
  }

  async authorsFor(postIds: string[]): Promise<Map<string, StaffRecord[]>> {
    if (postIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('post_authors')
      .innerJoin('staff_users', 'staff_users.id', 'post_authors.staff_id')
      .selectAll('staff_users')
      .select('post_authors.post_id')
      .where('post_authors.post_id', 'in', postIds)
      .orderBy('post_authors.post_id')
      .orderBy('post_authors.sort_order')
      .execute();
    return groupBy(rows, (r) => r.post_id, toStaffRecord);
  }

  async tagsFor(postIds: string[]): Promise<Map<string, TagRecord[]>> {
    if (postIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('post_tags')
      .innerJoin('tags', 'tags.id', 'post_tags.tag_id')
      .selectAll('tags')
      .select('post_tags.post_id')
      .where('post_tags.post_id', 'in', postIds)
      .orderBy('post_tags.post_id')
      .orderBy('post_tags.sort_order')
      .execute();
    return groupBy(rows, (r) => r.post_id, toTagRecord);
  }

  async tagIdsFor(postIds: string[]): Promise<Map<string, string[]>> {
    if (postIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('post_tags')
      .select(['post_id', 'tag_id'])
      .where('post_id', 'in', postIds)
      .orderBy('post_id')
      .orderBy('sort_order')
      .execute();
    return groupBy(
      rows,
      (r) => r.post_id,
      (r) => r.tag_id,
    );
  }

  async sourcesFor(postIds: string[]): Promise<Map<string, SourceRecord[]>> {
    if (postIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('post_sources')
      .selectAll()
      .where('post_id', 'in', postIds)
      .orderBy('post_id')
      .orderBy('sort_order')
      .execute();
    return groupBy(rows, (r) => r.post_id, toSourceRecord);
  }

  async replaceRelated(postId: string, related: RelatedLink[]): Promise<void> {
    await this.db.deleteFrom('post_related').where('post_id', '=', postId).execute();
    if (related.length === 0) return;
    await this.db
      .insertInto('post_related')
      .values(
        related.map((r) => ({
          post_id: postId,
          related_post_id: r.relatedPostId,
          rank: r.rank,
          score: r.score,
        })),
      )
      .execute();
  }

  async related(postId: string, filter: PostFilter, limit: number): Promise<PostRecord[]> {
    const rows = await applyFilter(this.db.selectFrom('posts'), filter)
      .innerJoin('post_related', 'post_related.related_post_id', 'posts.id')
      .select(projectionColumns.teaser)
      .where('post_related.post_id', '=', postId)
      .orderBy('post_related.rank')
      .limit(limit)
      .execute();
    return rows.map(fromProjectedRow);
  }

  async usingMedia(mediaId: string): Promise<Pick<PostRecord, 'id' | 'title' | 'type' | 'status'>[]> {
    const marker = `%"media:${mediaId.replace(/[\\%_]/g, (c) => `\\${c}`)}"%`;
    const rows = await this.db
      .selectFrom('posts')
      .select(['id', 'title', 'type', 'status'])
      .where((eb) =>
        eb.or([eb('featured_media_id', '=', mediaId), sql<boolean>`body_json like ${marker} escape '\\'`]),
      )
      .orderBy('updated_at', 'desc')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      type: r.type as PostRecord['type'],
      status: r.status as PostRecord['status'],
    }));
  }

  async idsAfter(afterId: string | null, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('posts')
      .select('id')
      .$if(afterId !== null, (q) => q.where('id', '>', afterId!))
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }
}
