import { removeControlCharacters } from '../domain/shared/text.js';

import type { PostView } from '../domain/posts/post.types.js';
import { absolutizeHtml, largestImageUrl } from './absolute-urls.js';
import type { PublicPath } from './picture.js';

export type FeedFormat = 'rss' | 'atom' | 'json';

export interface FeedSpec {
  title: string;
  description: string;
  language: string;
  siteUrl: string;
  /** Path of the page this feed follows (`/`, `/tag/x/`…) and of the feeds themselves, without extension. */
  pagePath: string;
  feedBasePath: string;
  posts: PostView[];
  publicPath: PublicPath;
}

export const feedContentTypes: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

export const feedFiles: Record<FeedFormat, string> = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' };

// XML 1.0 cannot carry most control characters, even escaped; the feed library does not drop them.
const xmlSafe = removeControlCharacters;

/** RSS 2.0, Atom 1.0 or JSON Feed 1.1 for a list of posts, with full content and absolute links. */
export async function renderFeed(spec: FeedSpec, format: FeedFormat): Promise<string> {
  // Loaded on first use: most processes serve far more pages than feeds.
  const { Feed } = await import('feed');
  const link = spec.siteUrl + spec.pagePath;
  const updated = spec.posts[0]?.updatedAt ? new Date(spec.posts[0].updatedAt) : new Date(0);
  const clean = format === 'json' ? (s: string) => s : xmlSafe;
  const feed = new Feed({
    title: clean(spec.title),
    description: clean(spec.description),
    id: link,
    link,
    language: spec.language,
    updated,
    generator: 'Broadsheet',
    copyright: clean(spec.title),
    feedLinks: {
      rss: `${spec.siteUrl}${spec.feedBasePath}${feedFiles.rss}`,
      atom: `${spec.siteUrl}${spec.feedBasePath}${feedFiles.atom}`,
      json: `${spec.siteUrl}${spec.feedBasePath}${feedFiles.json}`,
    },
  });
  for (const post of spec.posts) {
    const url = `${spec.siteUrl}/${encodeURIComponent(post.slug)}/`;
    const image = post.featuredImage
      ? largestImageUrl(post.featuredImage, spec.siteUrl, spec.publicPath)
      : null;
    feed.addItem({
      title: clean(post.title),
      id: url,
      link: url,
      description: clean(post.excerpt || post.standfirst),
      content: clean(absolutizeHtml(post.bodyHtml, spec.siteUrl)),
      date: new Date(post.updatedAt),
      published: post.publishedAt ? new Date(post.publishedAt) : new Date(post.createdAt),
      // The feed library breaks on an empty author list, so the field is left out when there is none.
      ...(post.authors.length
        ? {
            author: post.authors.map((a) => ({
              name: clean(a.name),
              link: `${spec.siteUrl}/author/${encodeURIComponent(a.slug)}/`,
            })),
          }
        : {}),
      category: post.tags.map((t) => ({
        name: clean(t.name),
        domain: `${spec.siteUrl}/tag/${encodeURIComponent(t.slug)}/`,
      })),
      ...(image ? { image } : {}),
    });
  }
  return format === 'rss' ? feed.rss2() : format === 'atom' ? feed.atom1() : feed.json1();
}
