import type { StaffRecord, TagRecord } from '../ports.js';
import type { FilterExpression } from './nql.js';

/** A Content API key: only the SHA-256 of the key itself is kept. */
export interface ContentApiKeyRecord {
  id: string;
  name: string;
  keyHash: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface ContentApiKeyRepository {
  insert(key: ContentApiKeyRecord): Promise<void>;
  findByHash(keyHash: string): Promise<ContentApiKeyRecord | undefined>;
  list(): Promise<ContentApiKeyRecord[]>;
  touch(id: string, lastUsedAt: string): Promise<void>;
  delete(id: string): Promise<boolean>;
}

/** One key of an order: a field the resource declares, and its direction. */
export interface SortKey {
  field: string;
  direction: 'asc' | 'desc';
}

/** A page of a public list: a checked filter, the order, and an offset skipped inside an index. */
export interface PublicListQuery {
  expression?: FilterExpression | undefined;
  sort: SortKey[];
  offset: number;
  limit: number;
}

/**
 * The public faces of tags and authors as the Content API lists them: tags that are not internal,
 * staff with at least one published post. Counts are of published posts only.
 */
export interface PublicTaxonomyRepository {
  listTags(query: PublicListQuery): Promise<TagRecord[]>;
  countTags(expression: FilterExpression | undefined): Promise<number>;
  listAuthors(query: PublicListQuery): Promise<StaffRecord[]>;
  countAuthors(expression: FilterExpression | undefined): Promise<number>;
  /** Published posts per tag or author among these ids (absent: none). */
  publishedPostCounts(of: 'tag' | 'author', ids: string[]): Promise<Map<string, number>>;
}
