import type { PostView, Source } from '../domain/posts/post.types.js';
import { snapshotPath } from './site-paths.js';
import { largestImageUrl } from './absolute-urls.js';
import type { PublicPath } from './picture.js';
import { articleTypeOf, authorJsonLd, modifiedAt, organizationJsonLd, recordJsonLd } from './record-data.js';
import type { PolicyLinks } from './record-data.js';

export interface PublisherInfo {
  name: string;
  siteUrl: string;
  logoUrl: string | null;
  /** The site's policy pages, as absolute URLs (settings: `policies`). */
  policies?: PolicyLinks;
}

/** schema.org NewsArticle for a post page, with its sources as citations. */
export function newsArticleJsonLd(
  post: PostView,
  url: string,
  publisher: PublisherInfo,
  publicPath: PublicPath,
): unknown {
  const image = post.featuredImage
    ? largestImageUrl(post.featuredImage, publisher.siteUrl, publicPath)
    : null;
  return {
    '@context': 'https://schema.org',
    '@type': post.type === 'page' ? 'WebPage' : articleTypeOf(post.workType),
    headline: post.title.slice(0, 110),
    description: post.seo.metaDescription ?? (post.standfirst || post.excerpt),
    inLanguage: post.language,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    ...(image ? { image: [image] } : {}),
    ...(post.publishedAt ? { datePublished: post.publishedAt } : {}),
    dateModified: modifiedAt(post),
    author: post.authors.map((a) => authorJsonLd(a, publisher.siteUrl)),
    publisher: organizationJsonLd(publisher),
    ...(post.type === 'page' ? {} : recordJsonLd(post)),
    ...(post.tags.length ? { keywords: post.tags.map((t) => t.name).join(', ') } : {}),
    ...(post.sources.length
      ? {
          citation: post.sources.map((s) => citationOf(s, publisher.siteUrl)),
        }
      : {}),
  };
}

/**
 * A cited source; its archived copy, when there is one, as the work's `archivedAt` (schema.org: "a
 * link to an archived version of the CreativeWork"), with the copy's own address and date.
 */
function citationOf(source: Source, siteUrl: string): Record<string, unknown> {
  return {
    '@type': 'CreativeWork',
    name: source.title || source.publisher,
    url: source.url,
    publisher: { '@type': 'Organization', name: source.publisher },
    ...(source.snapshot
      ? {
          archivedAt: {
            '@type': 'WebPage',
            url: `${siteUrl}${snapshotPath(source.snapshot)}`,
            dateCreated: source.snapshot.takenAt,
          },
        }
      : {}),
  };
}

export function websiteJsonLd(publisher: PublisherInfo, description: string): unknown {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: publisher.name,
    url: publisher.siteUrl,
    description,
    publisher: organizationJsonLd(publisher),
  };
}
