import type { ContentChange, PostRecord, Repositories } from '../ports.js';
import { isRelatable } from './related-posts.js';

type Shown = Required<Pick<Extract<ContentChange, { everything?: false }>, 'posts' | 'tags' | 'authors'>>;

const isPublic = (post: Pick<PostRecord, 'status'> | undefined) => post?.status === 'published';

/**
 * Where a published post shows: its own page, the pages of its translations (they link to it) and
 * of the posts whose "Check Also" holds it, and its tags' and authors' pages. Read inside the
 * transaction that changes it, before and after the change.
 */
export async function whereShown(repos: Repositories, post: PostRecord): Promise<Shown> {
  const [tags, authors, translations, listers] = await Promise.all([
    repos.posts.tagsFor([post.id]),
    repos.posts.authorsFor([post.id]),
    post.translationGroup
      ? repos.posts.translations(post.translationGroup, { statuses: ['published'] })
      : Promise.resolve([]),
    repos.related.listersOf(post.id),
  ]);
  const listing =
    listers.length > 0
      ? await repos.posts.list(
          { ids: listers, statuses: ['published'] },
          { offset: 0, limit: listers.length },
          'teaser',
        )
      : [];
  return {
    posts: [post.slug, ...translations.map((t) => t.slug), ...listing.map((p) => p.slug)],
    tags: (tags.get(post.id) ?? []).map((t) => t.slug),
    authors: (authors.get(post.id) ?? []).map((a) => a.slug),
  };
}

/** `/corrections/` shows a post's title and address beside each of its corrections. */
async function hasCorrections(repos: Repositories, postId: string): Promise<boolean> {
  const notes = (await repos.notes.notesFor([postId])).get(postId) ?? [];
  return notes.some((n) => n.kind === 'correction');
}

/**
 * Follows one post through a save: what it showed on before, then, after the write, what it shows on
 * now and the related job it needs. A draft that stays a draft gives neither: nothing a reader sees.
 */
export class PostChange {
  private shownBefore: Shown | undefined;
  private wasRelatable = false;
  private postId: string | undefined;

  private constructor(private readonly repos: Repositories) {}

  static async before(repos: Repositories, post: PostRecord | undefined): Promise<PostChange> {
    const change = new PostChange(repos);
    if (post && isPublic(post)) change.shownBefore = await whereShown(repos, post);
    change.wasRelatable = isRelatable(post);
    change.postId = post?.id;
    return change;
  }

  /** Queues the related job when the post was or is in "Check Also"; returns what to drop, if anything. */
  async after(post: PostRecord | undefined, now: string): Promise<ContentChange | undefined> {
    if (this.wasRelatable || isRelatable(post)) {
      const id = (post?.id ?? this.postId)!;
      const story = post?.translationGroup;
      // Linking a translation gives the original its story too: its document must follow.
      await this.repos.related.request([id, ...(story && story !== id ? [story] : [])], now);
    }
    const shownAfter = post && isPublic(post) ? await whereShown(this.repos, post) : undefined;
    const parts = [this.shownBefore, shownAfter].filter((s): s is Shown => s !== undefined);
    if (parts.length === 0) return undefined;
    const union = (key: keyof Shown) => [...new Set(parts.flatMap((p) => p[key]))];
    return {
      posts: union('posts'),
      tags: union('tags'),
      authors: union('authors'),
      isListed: true,
      isCorrectionListed: await hasCorrections(this.repos, (post?.id ?? this.postId)!),
    };
  }
}
