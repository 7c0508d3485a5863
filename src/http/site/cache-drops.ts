import type { ContentChange } from '../../domain/ports.js';
import type { PageCache } from '../page-cache.js';

/** The site-wide lists: the home page and its pages, the feeds, the sitemap and the topics page. */
const listPaths = new Set([
  '/',
  '/rss/',
  '/feed/',
  '/rss.xml',
  '/atom.xml',
  '/feed.json',
  '/sitemap.xml',
  '/topics/',
]);

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
  ];
  const isListed = change.isListed === true;
  if (change.isTopicListed) exact.add('/topics/');
  return (key) =>
    exact.has(key) ||
    (isListed && (listPaths.has(key) || key.startsWith('/page/'))) ||
    prefixes.some((prefix) => key.startsWith(prefix));
}

export function dropShowing(cache: PageCache, change: ContentChange): void {
  if (change.everything) cache.clear();
  else cache.dropWhere(showsChange(change));
}
