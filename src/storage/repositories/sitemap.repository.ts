import type { Kysely } from 'kysely';
import type { SitemapPostRecord, SitemapRepository } from '../../domain/ports.js';
import type { PostType } from '../../domain/posts/post.types.js';
import type { Database } from '../tables.js';

type SitemapRow = {
  slug: string;
  title: string;
  language: string;
  updated_at: string;
  published_at: string | null;
  variants: string | null;
};

const toRecord = (row: SitemapRow): SitemapPostRecord => ({
  slug: row.slug,
  title: row.title,
  language: row.language,
  updatedAt: row.updated_at,
  publishedAt: row.published_at,
  featuredVariants: row.variants ? (JSON.parse(row.variants) as SitemapPostRecord['featuredVariants']) : [],
});

/** Lean rows for sitemaps: a chunk of published posts walked along the (type, status, id) index. */
export class KyselySitemapRepository implements SitemapRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private published(type: PostType) {
    return this.db
      .selectFrom('posts')
      .leftJoin('media', 'media.id', 'posts.featured_media_id')
      .select([
        'posts.slug',
        'posts.title',
        'posts.language',
        'posts.updated_at',
        'posts.published_at',
        'media.variants',
      ])
      .where('posts.type', '=', type)
      .where('posts.status', '=', 'published');
  }

  async countPublished(type: PostType): Promise<number> {
    const row = await this.db
      .selectFrom('posts')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('type', '=', type)
      .where('status', '=', 'published')
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async publishedChunk(type: PostType, offset: number, limit: number): Promise<SitemapPostRecord[]> {
    const rows = await this.published(type).orderBy('posts.id').limit(limit).offset(offset).execute();
    return rows.map(toRecord);
  }

  async publishedSince(type: PostType, since: string, limit: number): Promise<SitemapPostRecord[]> {
    const rows = await this.published(type)
      .where('posts.published_at', '>=', since)
      .orderBy('posts.published_at', 'desc')
      .orderBy('posts.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toRecord);
  }
}
