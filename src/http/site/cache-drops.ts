import type { ContentChange } from '../../domain/ports.js';
import type { PageCache } from '../page-cache.js';
import { correctionsPath } from '../../rendering/site-paths.js';

/**
 * The site-wide lists: the home page and its pages, the feeds and the topics page (and every
 * sitemap). `/corrections/` and its feeds drop only when a change shows there (isCorrectionListed).
 */
const listPaths = new Set(['/', '/rss/', '/feed/', '/rss.xml', '/atom.xml', '/feed.json', '/topics/']);

/** A slug as it may appear in a request path: as stored and percent-encoded. */
const spellings = (slug: string) => [...new Set([slug, encodeURIComponent(slug)])];

/**
 * Which cached paths show a change: the posts' own pages, every page and feed under the tags and
 * authors named, and the site-wide lists when the change is listed there. `everything` drops all.
 */
export function showsChange(change: ContentChange): (key: string) => boolean {
  if (change.everything) return () => true;
  const exact = new Set((change.posts ?? []).flatMap((slug) => spellings(slug).map((s) => `/${s}/`)));
  const prefixes = [
    ...(change.tags ?? []).flatMap((slug) => spellings(slug).map((s) => `/tag/${s}/`)),
    ...(change.authors ?? []).flatMap((slug) => spellings(slug).map((s) => `/author/${s}/`)),
    ...((change.tags ?? []).length > 0 ? ['/sitemap-tags-'] : []),
    ...((change.authors ?? []).length > 0 ? ['/sitemap-authors-'] : []),
  ];
  const isListed = change.isListed === true;
  if (change.isTopicListed) exact.add('/topics/');
  if (change.isCorrectionListed) prefixes.push(correctionsPath);
  return (key) =>
    exact.has(key) ||
    (isListed && (listPaths.has(key) || key.startsWith('/page/') || key.startsWith('/sitemap'))) ||
    prefixes.some((prefix) => key.startsWith(prefix));
}

export function dropShowing(cache: PageCache, change: ContentChange): void {
  if (change.everything) cache.clear();
  else cache.dropWhere(showsChange(change));
}
