import type { PostFilter } from '../ports.js';
import type { Viewer } from './post.types.js';

/**
 * The access rule for posts as a query filter: visitors see published posts only; staff see all.
 * Lists, feeds, sitemaps, related posts and the Content API all start from this filter.
 */
export function visibleTo(viewer: Viewer): PostFilter {
  return viewer.kind === 'visitor' ? { statuses: ['published'] } : {};
}
