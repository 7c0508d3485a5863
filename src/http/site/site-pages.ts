import { visitor, type PostView } from '../../domain/posts/post.types.js';
import {
  getLeadPost,
  getPostPreview,
  getPostWithNeighbours,
  listPosts,
  type PostWithNeighbours,
} from '../../domain/posts/read-posts.js';
import { activeNewsletters } from '../../domain/newsletters/newsletters.js';
import { promotionsBySlot, promotionsForPost } from '../../domain/promos/promotions.js';
import { publicAuthor, publicTag, publicTags } from '../../domain/site/public-reads.js';
import { largestImageUrl } from '../../rendering/absolute-urls.js';
import { newsArticleJsonLd, websiteJsonLd, type PublisherInfo } from '../../rendering/structured-data.js';
import { modifiedAt } from '../../rendering/record-data.js';
import { authorPath, postPath, tagPath } from '../../rendering/site-paths.js';
import type { FeedLink, PageMeta, SignupBox } from '../../rendering/theme.js';
import type { RenderedPage } from '../page-cache.js';
import { formTokenFor } from './form-token.js';
import { frameFor, loadChrome, memoized, type FrameSource, type SiteEnv } from './site-env.js';

const htmlType = 'text/html; charset=utf-8';
export const postsPerPage = 10;

const feedLinks = (title: string, base: string): FeedLink[] => [
  { title: `${title} (RSS)`, href: `${base}rss.xml`, type: 'application/rss+xml' },
  { title: `${title} (Atom)`, href: `${base}atom.xml`, type: 'application/atom+xml' },
  { title: `${title} (JSON Feed)`, href: `${base}feed.json`, type: 'application/feed+json' },
];

function imageMeta(env: SiteEnv, post: PostView): PageMeta['image'] {
  const image = post.featuredImage;
  const url = image && largestImageUrl(image, env.siteUrl, env.publicPath);
  return image && url ? { url, width: image.width, height: image.height, alt: image.alt } : null;
}

export function publisher(env: SiteEnv, source: FrameSource): PublisherInfo {
  const logo = source.chrome.logo;
  return {
    name: source.settings.title,
    siteUrl: env.siteUrl,
    logoUrl: logo ? largestImageUrl(logo, env.siteUrl, env.publicPath) : null,
    policies: Object.fromEntries(source.chrome.policies.map((p) => [p.kind, env.siteUrl + p.path])),
  };
}

/** The active newsletters the signup box offers (memoized: every page shows the box). */
export const newslettersFor = (env: SiteEnv) =>
  memoized(env, 'newsletters', async () =>
    (await activeNewsletters(env.ctx)).map((n) => ({ id: n.id, name: n.name, language: n.language })),
  );

/**
 * The signup box of a page in `language`: the newsletters in that language (every one when none is,
 * or when no language is given), with a fresh form token.
 */
export async function signupFor(env: SiteEnv, language?: string): Promise<SignupBox> {
  const all = await newslettersFor(env);
  const inLanguage = language ? all.filter((n) => n.language === language) : [];
  return {
    newsletters: (inLanguage.length ? inLanguage : all).map((n) => ({ id: n.id, name: n.name })),
    formToken: await formTokenFor(env.ctx, 'subscribe'),
  };
}

const promotionsFor = (env: SiteEnv, language: string) =>
  memoized(env, `promotions:${language}`, () => promotionsBySlot(env.ctx, language));

/** What a post shows: the site's promotions in its language (memoized), none, or its chosen one. */
const promotionsOfPost = (env: SiteEnv, post: PostView) =>
  post.promotionMode === 'site'
    ? promotionsFor(env, post.language)
    : memoized(env, `promotions:${post.promotionMode}:${post.promotionId ?? ''}`, () =>
        promotionsForPost(env.ctx, post),
      );

export async function homePage(env: SiteEnv, page: number): Promise<RenderedPage | null> {
  const source = await loadChrome(env);
  // The lead is left out of every page of the list, so page 2 starts where page 1 ended.
  const lead = await getLeadPost(env.ctx, visitor);
  const list = await listPosts(env.ctx, {
    viewer: visitor,
    page,
    limit: postsPerPage,
    preferredLanguage: source.settings.defaultLanguage,
    ...(lead ? { excludeIds: [lead.id] } : {}),
  });
  if (page > 1 && list.posts.length === 0) return null;
  const language = source.settings.defaultLanguage;
  const frame = frameFor(env, source, language, {
    title:
      page > 1
        ? `${source.settings.title} – ${env.theme.strings(language).pageNumber(page)}`
        : source.settings.title,
    description: source.settings.description,
    canonicalPath: page > 1 ? `/page/${page}/` : '/',
    ogType: 'website',
    feeds: feedLinks(source.settings.title, '/'),
    jsonLd: websiteJsonLd(publisher(env, source), source.settings.description),
  });
  const promotions = await promotionsFor(env, language);
  const body = env.theme.pages.home(frame, {
    lead,
    posts: list.posts,
    page,
    hasOlder: list.pagination.next !== null,
    promotions,
    signup: await signupFor(env, language),
  });
  return { status: 200, contentType: htmlType, body };
}

export async function postPage(env: SiteEnv, slug: string): Promise<RenderedPage | null> {
  const found = await getPostWithNeighbours(env.ctx, slug, visitor);
  return found ? renderPost(env, found) : null;
}

/** A post of any status as its public page will show it (never cached, never indexed). */
export async function previewPage(env: SiteEnv, id: string): Promise<RenderedPage | null> {
  const found = await getPostPreview(env.ctx, id);
  return found ? renderPost(env, found) : null;
}

async function renderPost(env: SiteEnv, found: PostWithNeighbours): Promise<RenderedPage> {
  const { post, related, translations } = found;
  const source = await loadChrome(env);
  const promotions = await promotionsOfPost(env, post);
  const path = postPath(post);
  const description =
    post.seo.metaDescription ?? (post.standfirst || post.excerpt || source.settings.description);
  const frame = frameFor(env, source, post.language, {
    title: post.seo.metaTitle ?? post.title,
    description,
    canonicalPath: path,
    canonicalUrl: post.canonicalUrl,
    ogType: post.type === 'post' ? 'article' : 'website',
    image: imageMeta(env, post),
    ogTitle: post.seo.ogTitle,
    ogDescription: post.seo.ogDescription,
    twitterTitle: post.seo.twitterTitle,
    twitterDescription: post.seo.twitterDescription,
    publishedAt: post.publishedAt,
    modifiedAt: modifiedAt(post),
    alternates: translations.length
      ? [post, ...translations].map((p) => ({ language: p.language, path: postPath(p) }))
      : [],
    feeds: feedLinks(source.settings.title, '/'),
    fediverseCreators: post.authors.map((a) => a.fediverse).filter(Boolean),
    jsonLd: newsArticleJsonLd(
      post,
      post.canonicalUrl ?? env.siteUrl + path,
      publisher(env, source),
      env.publicPath,
    ),
  });
  return {
    status: 200,
    contentType: htmlType,
    body: env.theme.pages.post(frame, {
      post,
      related,
      translations,
      promotions,
      signup: await signupFor(env, post.language),
    }),
  };
}

export async function tagPage(env: SiteEnv, slug: string, page: number): Promise<RenderedPage | null> {
  const tag = await publicTag(env.ctx, slug);
  if (!tag) return null;
  const source = await loadChrome(env);
  const language = tag.language ?? source.settings.defaultLanguage;
  const list = await listPosts(env.ctx, {
    viewer: visitor,
    page,
    limit: postsPerPage,
    tagId: tag.id,
    preferredLanguage: language,
  });
  if (page > 1 && list.posts.length === 0) return null;
  const t = env.theme.strings(language);
  const base = tagPath(tag);
  const frame = frameFor(env, source, language, {
    title: page > 1 ? `${tag.name} – ${t.pageNumber(page)}` : tag.name,
    description: tag.description || `${t.postsAbout} ${tag.name}`,
    canonicalPath: page > 1 ? `${base}page/${page}/` : base,
    ogType: 'website',
    feeds: feedLinks(`${source.settings.title}: ${tag.name}`, base),
  });
  const body = env.theme.pages.archive(frame, {
    heading: tag.name,
    kindLabel: t.kinds[tag.kind],
    description: tag.description,
    basePath: base,
    posts: list.posts,
    page,
    hasOlder: list.pagination.next !== null,
    tag: { ...tag },
  });
  return { status: 200, contentType: htmlType, body };
}

export async function authorPage(env: SiteEnv, slug: string, page: number): Promise<RenderedPage | null> {
  const author = await publicAuthor(env.ctx, slug);
  if (!author) return null;
  const source = await loadChrome(env);
  const language = source.settings.defaultLanguage;
  const list = await listPosts(env.ctx, {
    viewer: visitor,
    page,
    limit: postsPerPage,
    authorId: author.id,
    preferredLanguage: language,
  });
  if (page > 1 && list.posts.length === 0) return null;
  const t = env.theme.strings(language);
  const base = authorPath(author);
  const frame = frameFor(env, source, language, {
    title: page > 1 ? `${author.name} – ${t.pageNumber(page)}` : author.name,
    description: author.bio || `${t.postsBy} ${author.name}`,
    canonicalPath: page > 1 ? `${base}page/${page}/` : base,
    ogType: 'profile',
    feeds: feedLinks(`${source.settings.title}: ${author.name}`, base),
  });
  const body = env.theme.pages.archive(frame, {
    heading: author.name,
    kindLabel: t.postsBy,
    description: author.bio,
    basePath: base,
    posts: list.posts,
    page,
    hasOlder: list.pagination.next !== null,
    author,
  });
  return { status: 200, contentType: htmlType, body };
}

export async function topicsPage(env: SiteEnv): Promise<RenderedPage> {
  const source = await loadChrome(env);
  const language = source.settings.defaultLanguage;
  const tags = await publicTags(env.ctx);
  const frame = frameFor(env, source, language, {
    title: env.theme.strings(language).topics,
    description: source.settings.description,
    canonicalPath: '/topics/',
    ogType: 'website',
  });
  return { status: 200, contentType: htmlType, body: env.theme.pages.topics(frame, tags) };
}

export async function messagePage(
  env: SiteEnv,
  kind: 'not-found' | 'error',
  path: string,
): Promise<RenderedPage> {
  const status = kind === 'not-found' ? 404 : 500;
  let source: FrameSource;
  try {
    source = await loadChrome(env);
  } catch {
    return {
      status,
      contentType: 'text/plain; charset=utf-8',
      body: status === 404 ? 'Not found' : 'Internal error',
    };
  }
  const language = source.settings.defaultLanguage;
  const t = env.theme.strings(language);
  const [heading, text] =
    kind === 'not-found' ? [t.notFoundTitle, t.notFoundText] : [t.errorTitle, t.errorText];
  const frame = frameFor(env, source, language, {
    title: heading,
    description: text,
    canonicalPath: path.startsWith('/') ? path : '/',
    ogType: 'website',
    isIndexable: false,
  });
  return {
    status,
    contentType: htmlType,
    body: env.theme.pages.message(frame, heading, text, { offerSearch: kind === 'not-found' }),
  };
}
