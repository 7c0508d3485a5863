import type { DomainContext } from '../context.js';
import type { ContentChange, Repositories, TagRecord } from '../ports.js';

const everyPost = { offset: 0, limit: 1_000_000 };

/** The published posts carrying a tag (their pages show its name). */
export function publishedPostsWith(repos: Repositories, tagId: string) {
  return repos.posts.list({ tagId, statuses: ['published'] }, everyPost, 'teaser');
}

/**
 * What a tag change shows on: the tag's own pages and feeds (under its old and new slug), the pages
 * of the published posts that carry it, and the topics page. Nothing else lists tags.
 */
export async function tagChange(ctx: DomainContext, tags: TagRecord[]): Promise<ContentChange> {
  const posts = (await Promise.all(tags.map((t) => publishedPostsWith(ctx.repos, t.id)))).flat();
  return {
    tags: [...new Set(tags.map((t) => t.slug))],
    posts: [...new Set(posts.map((p) => p.slug))],
    isTopicListed: true,
  };
}
