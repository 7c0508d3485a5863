import type { FastifyInstance } from 'fastify';
import {
  browseContentAuthors,
  browseContentPosts,
  browseContentTags,
  readContentAuthor,
  readContentPost,
  readContentTag,
  readPaging,
} from '../../domain/content-api/content-reads.js';
import { ContentQueryError } from '../../domain/content-api/nql.js';
import type { DomainContext } from '../../domain/context.js';
import { activeNewsletters } from '../../domain/newsletters/newsletters.js';
import type { PostType } from '../../domain/posts/post.types.js';
import { getSiteSettings } from '../../domain/settings/site-settings.js';
import { siteLogo } from '../../domain/site/public-reads.js';
import type { PublicPath } from '../../rendering/picture.js';
import { serveContentEndpoints, type ContentEndpoint, type ContentQuery } from './pipeline.js';
import {
  onlyFields,
  presentAuthor,
  presentFreeTier,
  presentNewsletter,
  presentPost,
  presentSettings,
  presentTag,
  type PostOptions,
  type PresentEnv,
} from './presenters.js';

/** The Ghost-compatible Content API (docs/content-api.md): read-only, what the public site shows. */
export interface ContentApiEnv {
  ctx: DomainContext;
  siteUrl: string;
  publicPath: PublicPath;
}

/** A comma list parameter, each value one of `allowed` (anything else is a 400 naming it). */
function listParam(text: string | undefined, name: string, allowed: string[]): string[] {
  if (text === undefined || text.trim() === '') return [];
  const values = text
    .split(',')
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);
  const unknown = values.find((v) => !allowed.includes(v));
  if (unknown !== undefined)
    throw new ContentQueryError(`${name} takes ${allowed.join(', ')}; "${unknown}" is not one of them`);
  return values;
}

const fieldsOf = (query: ContentQuery) =>
  query.fields?.trim() ? query.fields.split(',').map((f) => f.trim().toLowerCase()) : undefined;

function postOptions(query: ContentQuery): PostOptions & { withBody: boolean } {
  const include = listParam(query.include, 'include', ['authors', 'tags']);
  const formats = listParam(query.formats, 'formats', ['html', 'plaintext']);
  const fields = fieldsOf(query);
  const shown = formats.length ? formats : ['html'];
  const withHtml = shown.includes('html') && (!fields || fields.includes('html'));
  const withPlaintext = shown.includes('plaintext') && (!fields || fields.includes('plaintext'));
  const needsText = ['excerpt', 'reading_time', 'html', 'plaintext'];
  return {
    withTags: include.includes('tags'),
    withAuthors: include.includes('authors'),
    withHtml,
    withPlaintext,
    withBody: !fields || fields.some((f) => needsText.includes(f)),
  };
}

const listParams = ['include', 'fields', 'formats', 'filter', 'limit', 'page', 'order'] as const;
const readParams = ['include', 'fields', 'formats', 'filter', 'slug', 'id'] as const;

function postEndpoints(env: ContentApiEnv, type: PostType): ContentEndpoint[] {
  const plural = type === 'post' ? 'posts' : 'pages';
  const present = (query: ContentQuery) => {
    const options = postOptions(query);
    const fields = fieldsOf(query);
    return {
      options,
      each: (p: Parameters<typeof presentPost>[0]) => onlyFields(presentPost(p, env, options), fields),
    };
  };
  const readOne = async (query: ContentQuery, key: { id: string } | { slug: string }) => {
    const { options, each } = present(query);
    const post = await readContentPost(env.ctx, type, key, {
      filter: query.filter,
      withBody: options.withBody,
    });
    return post && { [plural]: [each(post)] };
  };
  const resource = type === 'post' ? 'Post' : 'Page';
  return [
    {
      path: `/${plural}/`,
      params: [...listParams],
      resource,
      read: async ({ query }) => {
        const { options, each } = present(query);
        const { posts, pagination } = await browseContentPosts(env.ctx, type, {
          ...readPaging(query.limit, query.page),
          filter: query.filter,
          order: query.order,
          withBody: options.withBody,
        });
        return { [plural]: posts.map(each), meta: { pagination } };
      },
    },
    {
      path: `/${plural}/slug/:slug/`,
      params: [...readParams],
      resource,
      read: ({ query, params }) => readOne(query, { slug: params.slug! }),
    },
    {
      path: `/${plural}/:id/`,
      params: [...readParams],
      resource,
      read: ({ query, params }) => readOne(query, { id: params.id! }),
    },
  ];
}

function tagEndpoints(env: PresentEnv & { ctx: DomainContext }): ContentEndpoint[] {
  const counts = (query: ContentQuery) => listParam(query.include, 'include', ['count.posts']).length > 0;
  const readOne = async (query: ContentQuery, key: { id: string } | { slug: string }) => {
    const found = await readContentTag(env.ctx, key, counts(query));
    return found && { tags: [onlyFields(presentTag(found.tag, env, found.postCount), fieldsOf(query))] };
  };
  return [
    {
      path: '/tags/',
      params: ['include', 'fields', 'filter', 'limit', 'page', 'order'],
      resource: 'Tag',
      read: async ({ query }) => {
        const { tags, pagination } = await browseContentTags(env.ctx, {
          ...readPaging(query.limit, query.page),
          filter: query.filter,
          order: query.order,
          withCounts: counts(query),
        });
        const fields = fieldsOf(query);
        return {
          tags: tags.map((t) => onlyFields(presentTag(t.tag, env, t.postCount), fields)),
          meta: { pagination },
        };
      },
    },
    {
      path: '/tags/slug/:slug/',
      params: ['include', 'fields', 'slug', 'id'],
      resource: 'Tag',
      read: ({ query, params }) => readOne(query, { slug: params.slug! }),
    },
    {
      path: '/tags/:id/',
      params: ['include', 'fields', 'slug', 'id'],
      resource: 'Tag',
      read: ({ query, params }) => readOne(query, { id: params.id! }),
    },
  ];
}

function authorEndpoints(env: PresentEnv & { ctx: DomainContext }): ContentEndpoint[] {
  const counts = (query: ContentQuery) => listParam(query.include, 'include', ['count.posts']).length > 0;
  const readOne = async (query: ContentQuery, key: { id: string } | { slug: string }) => {
    const found = await readContentAuthor(env.ctx, key, counts(query));
    return (
      found && { authors: [onlyFields(presentAuthor(found.author, env, found.postCount), fieldsOf(query))] }
    );
  };
  return [
    {
      path: '/authors/',
      params: ['include', 'fields', 'filter', 'limit', 'page', 'order'],
      resource: 'Author',
      read: async ({ query }) => {
        const { authors, pagination } = await browseContentAuthors(env.ctx, {
          ...readPaging(query.limit, query.page),
          filter: query.filter,
          order: query.order,
          withCounts: counts(query),
        });
        const fields = fieldsOf(query);
        return {
          authors: authors.map((a) => onlyFields(presentAuthor(a.author, env, a.postCount), fields)),
          meta: { pagination },
        };
      },
    },
    {
      path: '/authors/slug/:slug/',
      params: ['include', 'fields', 'slug', 'id'],
      resource: 'Author',
      read: ({ query, params }) => readOne(query, { slug: params.slug! }),
    },
    {
      path: '/authors/:id/',
      params: ['include', 'fields', 'slug', 'id'],
      resource: 'Author',
      read: ({ query, params }) => readOne(query, { id: params.id! }),
    },
  ];
}

/** One page holding every item: what Ghost answers for resources that are never paged. */
const singlePage = (total: number) => ({
  pagination: { page: 1, limit: 'all', pages: 1, total, next: null, prev: null },
});

function siteEndpoints(env: ContentApiEnv): ContentEndpoint[] {
  return [
    {
      path: '/settings/',
      params: [],
      resource: 'Settings',
      read: async () => {
        const settings = await getSiteSettings(env.ctx);
        return { settings: presentSettings(settings, await siteLogo(env.ctx, settings), env), meta: {} };
      },
    },
    {
      path: '/newsletters/',
      params: ['fields', 'limit', 'page'],
      resource: 'Newsletter',
      read: async ({ query }) => {
        const newsletters = (await activeNewsletters(env.ctx)).map(presentNewsletter);
        return {
          newsletters: newsletters.map((n) => onlyFields(n, fieldsOf(query))),
          meta: singlePage(newsletters.length),
        };
      },
    },
    {
      path: '/tiers/',
      params: ['include', 'fields', 'limit', 'page'],
      resource: 'Tier',
      read: async ({ query }) => {
        const tier = presentFreeTier(await getSiteSettings(env.ctx), env.siteUrl);
        return { tiers: [onlyFields(tier, fieldsOf(query))], meta: singlePage(1) };
      },
    },
  ];
}

export function registerContentApi(app: FastifyInstance, env: ContentApiEnv): void {
  serveContentEndpoints(app, env.ctx, [
    ...postEndpoints(env, 'post'),
    ...postEndpoints(env, 'page'),
    ...tagEndpoints(env),
    ...authorEndpoints(env),
    ...siteEndpoints(env),
  ]);
}
