import { sql, type Kysely } from 'kysely';
import type {
  PublicListQuery,
  PublicTaxonomyRepository,
} from '../../domain/content-api/content-api-ports.js';
import type { FilterExpression } from '../../domain/content-api/nql.js';
import type { StaffRecord, TagRecord } from '../../domain/ports.js';
import type { Database } from '../tables.js';
import { filterCondition, sortTerms, type FieldMap } from './filter-sql.js';
import { toStaffRecord } from './staff.repository.js';
import { toTagRecord } from './tag.repository.js';

const tagFields: FieldMap = {
  id: { column: 'tags.id' },
  slug: { column: 'tags.slug' },
  name: { column: 'tags.name' },
  visibility: { constant: 'public' },
};
const tagSort: Record<string, string> = { id: 'tags.id', slug: 'tags.slug', name: 'tags.name' };

const authorFields: FieldMap = {
  id: { column: 'staff_users.id' },
  slug: { column: 'staff_users.slug' },
  name: { column: 'staff_users.name' },
};
const authorSort: Record<string, string> = {
  id: 'staff_users.id',
  slug: 'staff_users.slug',
  name: 'staff_users.name',
};

/** Internal tags (`#…` named, `hash-…` slug) never leave: the same rule as internal-tags.ts. */
const isPublicTag = sql<boolean>`not (tags.name like '#%' and tags.slug like 'hash-%')`;
/** An author is public once a published post carries them (the listing column says so, migration 016). */
const hasPublishedPost = sql<boolean>`exists (select 1 from post_authors
  where post_authors.staff_id = staff_users.id and post_authors.listed_at is not null)`;

const always = sql<boolean>`1 = 1`;
const where = (expression: FilterExpression | undefined, fields: FieldMap) =>
  expression ? filterCondition(expression, fields) : always;

export class KyselyPublicTaxonomyRepository implements PublicTaxonomyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async listTags(query: PublicListQuery): Promise<TagRecord[]> {
    const rows = await sortTerms(query.sort, tagSort)
      .reduce((q, term) => q.orderBy(term), this.tags(query.expression).selectAll())
      .orderBy('tags.id')
      .limit(query.limit)
      .offset(query.offset)
      .execute();
    return rows.map(toTagRecord);
  }

  async countTags(expression: FilterExpression | undefined): Promise<number> {
    const row = await this.tags(expression)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async listAuthors(query: PublicListQuery): Promise<StaffRecord[]> {
    const rows = await sortTerms(query.sort, authorSort)
      .reduce((q, term) => q.orderBy(term), this.authors(query.expression).selectAll())
      .orderBy('staff_users.id')
      .limit(query.limit)
      .offset(query.offset)
      .execute();
    return rows.map(toStaffRecord);
  }

  async countAuthors(expression: FilterExpression | undefined): Promise<number> {
    const row = await this.authors(expression)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async publishedPostCounts(of: 'tag' | 'author', ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows =
      of === 'tag'
        ? await this.db
            .selectFrom('post_tags')
            .select(['tag_id as id', (eb) => eb.fn.countAll().as('n')])
            .where('tag_id', 'in', ids)
            .where('listed_at', 'is not', null)
            .groupBy('tag_id')
            .execute()
        : await this.db
            .selectFrom('post_authors')
            .select(['staff_id as id', (eb) => eb.fn.countAll().as('n')])
            .where('staff_id', 'in', ids)
            .where('listed_at', 'is not', null)
            .groupBy('staff_id')
            .execute();
    return new Map(rows.map((r) => [r.id, Number(r.n)]));
  }

  private tags(expression: FilterExpression | undefined) {
    return this.db.selectFrom('tags').where(isPublicTag).where(where(expression, tagFields));
  }

  private authors(expression: FilterExpression | undefined) {
    return this.db.selectFrom('staff_users').where(hasPublishedPost).where(where(expression, authorFields));
  }
}
