import { visitor } from '../../domain/posts/post.types.js';
import { listLatestPosts, type PostListQuery } from '../../domain/posts/read-posts.js';
import { feedContentTypes, renderFeed, type FeedFormat } from '../../rendering/feeds.js';
import { authorPath, tagPath } from '../../rendering/site-paths.js';
import type { RenderedPage } from '../page-cache.js';
import { publicAuthor, publicTag } from '../../domain/site/public-reads.js';
import { loadChrome, type SiteEnv } from './site-env.js';

const feedSize = 20;

export type FeedScope = { kind: 'site' } | { kind: 'tag'; slug: string } | { kind: 'author'; slug: string };

export async function feedDocument(
  env: SiteEnv,
  scope: FeedScope,
  format: FeedFormat,
): Promise<RenderedPage | null> {
  const { settings } = await loadChrome(env);
  const query: PostListQuery = { viewer: visitor, limit: feedSize, projection: 'reader' };
  let title = settings.title;
  let description = settings.description;
  let path = '/';
  let language = settings.defaultLanguage;
  if (scope.kind === 'tag') {
    const tag = await publicTag(env.ctx, scope.slug);
    if (!tag) return null;
    query.tagId = tag.id;
    language = tag.language ?? language;
    title = `${settings.title}: ${tag.name}`;
    description = tag.description || description;
    path = tagPath(tag);
  } else if (scope.kind === 'author') {
    const author = await publicAuthor(env.ctx, scope.slug, { withPhoto: false });
    if (!author) return null;
    query.authorId = author.id;
    title = `${settings.title}: ${author.name}`;
    description = author.bio || description;
    path = authorPath(author);
  }
  const posts = await listLatestPosts(env.ctx, { ...query, preferredLanguage: language });
  const t = env.theme.strings(language);
  const body = renderFeed(
    {
      title,
      description,
      language,
      siteUrl: env.siteUrl,
      pagePath: path,
      posts,
      publicPath: env.publicPath,
      labels: { sources: t.sources, accordingTo: t.accordingTo, readFullArticle: t.readFullArticle },
      now: env.ctx.clock.now().toISOString(),
    },
    format,
  );
  return { status: 200, contentType: feedContentTypes[format], body, maxAge: 300 };
}

export function robotsDocument(env: SiteEnv): RenderedPage {
  const body = `User-agent: *\nAllow: /\nDisallow: /admin/\n\nSitemap: ${env.siteUrl}/sitemap.xml\n`;
  return { status: 200, contentType: 'text/plain; charset=utf-8', body, maxAge: 3600 };
}
