import type { DomainContext } from '../context.js';
import type {
  MediaRecord,
  Page,
  PostNoteRecord,
  PostRecord,
  SourceRecord,
  StaffRecord,
  TagRecord,
} from '../ports.js';
import type { AdminActor } from '../staff/permissions.js';
import { searchPostRecords } from '../search/search-posts.js';
import { adminPostFilter, type AdminPostQuery } from './editorial.js';
import type { PostType } from './post.types.js';

/* What the admin shows of posts, read in as few queries as the screen needs. */

/** A post in a list, with its authors and tags. */
export interface PostSummaryView {
  post: PostRecord;
  authors: StaffRecord[];
  tags: TagRecord[];
}

/** A post with everything the editor shows. */
export interface PostEditorView extends PostSummaryView {
  sources: SourceRecord[];
  /** The post's record of notes, oldest first (read-only: notes are appended, never edited). */
  notes: PostNoteRecord[];
  featuredMedia: MediaRecord | undefined;
  /** The other language versions the caller may read. */
  translations: PostRecord[];
}

/**
 * The page of posts or pages the caller may read, newest change first; with `q`, the search's
 * matches in rank order instead.
 */
export async function listPostPage(
  ctx: DomainContext,
  actor: AdminActor,
  type: PostType,
  query: AdminPostQuery & { q?: string | undefined },
  paging: Page,
): Promise<{ records: PostRecord[]; total: number }> {
  const filter = adminPostFilter(actor, type, query);
  if (query.q) return searchPostRecords(ctx, query.q, filter, paging);
  const [records, total] = await Promise.all([
    ctx.repos.posts.list(filter, { ...paging, order: 'updated' }, 'teaser'),
    ctx.repos.posts.count(filter),
  ]);
  return { records, total };
}

/** Authors and tags of a list of posts: one query each. */
export async function postSummaries(ctx: DomainContext, posts: PostRecord[]): Promise<PostSummaryView[]> {
  const ids = posts.map((p) => p.id);
  const [authors, tags] = await Promise.all([ctx.repos.posts.authorsFor(ids), ctx.repos.posts.tagsFor(ids)]);
  return posts.map((post) => ({ post, authors: authors.get(post.id) ?? [], tags: tags.get(post.id) ?? [] }));
}

export async function postEditorView(
  ctx: DomainContext,
  actor: AdminActor,
  post: PostRecord,
): Promise<PostEditorView> {
  const [authors, tags, sources, notes, featuredMedia, translations] = await Promise.all([
    ctx.repos.posts.authorsFor([post.id]),
    ctx.repos.posts.tagsFor([post.id]),
    ctx.repos.posts.sourcesFor([post.id]),
    ctx.repos.notes.notesFor([post.id]),
    post.featuredMediaId ? ctx.repos.media.findById(post.featuredMediaId) : Promise.resolve(undefined),
    // Only the versions the caller may read: a contributor never learns the title of another's draft.
    post.translationGroup
      ? ctx.repos.posts.translations(post.translationGroup, adminPostFilter(actor, post.type, {}))
      : Promise.resolve([]),
  ]);
  return {
    post,
    authors: authors.get(post.id) ?? [],
    tags: tags.get(post.id) ?? [],
    sources: sources.get(post.id) ?? [],
    notes: notes.get(post.id) ?? [],
    featuredMedia: featuredMedia ?? undefined,
    translations: translations.filter((t) => t.id !== post.id),
  };
}
