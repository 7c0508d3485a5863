/** What a request was for, as metrics group it: a few kinds, never the raw URL. */
export type RouteKind = 'page' | 'feed' | 'asset' | 'admin-api' | 'content-api' | 'other';

const feedPath =
  /(?:\/rss\.xml|\/atom\.xml|\/feed\.json|^\/rss\/|^\/feed\/|^\/sitemap[^/]*\.xml|^\/robots\.txt|^\/opensearch\.xml)$/;
const otherPrefixes = [
  '/healthz',
  '/readyz',
  '/metrics',
  '/admin/',
  '/members/',
  '/subscribe/',
  '/unsubscribe/',
  '/search/',
];

/**
 * The kind of a path or of a route's URL pattern (`/tag/:slug/rss.xml` is a feed as much as
 * `/tag/harbours/rss.xml`). Page is what the site's page routes serve; anything else unknown is other.
 */
export function routeKindOf(path: string): RouteKind {
  if (path.startsWith('/admin/api/')) return 'admin-api';
  if (path.startsWith('/ghost/api/')) return 'content-api';
  if (path.startsWith('/assets/') || path.startsWith('/media/')) return 'asset';
  if (feedPath.test(path)) return 'feed';
  if (otherPrefixes.some((prefix) => path === prefix || path.startsWith(prefix))) return 'other';
  return path === '/' || path.endsWith('/') ? 'page' : 'other';
}
