import { maxSearchPage, searchPosts } from '../../domain/search/search-posts.js';
import { visitor } from '../../domain/posts/post.types.js';
import { publicTag } from '../../domain/site/public-reads.js';
import { escapeHtml } from '../../rendering/html.js';
import type { SearchPageModel } from '../../rendering/theme.js';
import type { RenderedPage } from '../page-cache.js';
import { frameFor, loadChrome, type SiteEnv } from './site-env.js';

/** `/search/?q=&page=&language=&tag=` as read from the query string; anything malformed is left out. */
export interface SearchParams {
  q: string;
  page: number;
  language: string | undefined;
  tag: string | undefined;
}

const first = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? value
    : Array.isArray(value) && typeof value[0] === 'string'
      ? value[0]
      : undefined;

export function searchParamsOf(query: unknown): SearchParams {
  const raw = (query ?? {}) as Record<string, unknown>;
  const page = first(raw.page) ?? '';
  const language = first(raw.language) ?? '';
  const tag = first(raw.tag) ?? '';
  return {
    q: (first(raw.q) ?? '').slice(0, 200),
    page: /^[1-9][0-9]{0,2}$/.test(page) ? Math.min(Number(page), maxSearchPage) : 1,
    language: /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(language) ? language : undefined,
    tag: /^[\p{L}\p{N}_-]{1,191}$/u.test(tag) ? tag : undefined,
  };
}

function hrefFor(params: SearchParams) {
  return (change: { page?: number; q?: string; tag?: string | null }) => {
    const next = new URLSearchParams({ q: change.q ?? params.q });
    if (params.language) next.set('language', params.language);
    const tag = change.tag === null ? undefined : params.tag;
    if (tag) next.set('tag', tag);
    const page = change.page ?? params.page;
    if (page > 1) next.set('page', String(page));
    return `/search/?${next.toString()}`;
  };
}

/** The search page (never cached whole, never indexed by search engines). */
export async function searchPage(env: SiteEnv, params: SearchParams): Promise<RenderedPage> {
  const source = await loadChrome(env);
  const language = source.settings.defaultLanguage;
  const t = env.theme.strings(language);
  const tag = params.tag ? await publicTag(env.ctx, params.tag) : undefined;
  const outcome = await searchPosts(env.ctx, {
    viewer: visitor,
    q: params.q,
    page: params.page,
    ...(params.language ? { language: params.language } : {}),
    // An unknown tag finds nothing rather than everything.
    ...(params.tag ? { tagId: tag?.id ?? '-' } : {}),
  });
  const frame = frameFor(env, source, language, {
    title: params.q ? `${t.search.title}: ${params.q}` : t.search.title,
    description: source.settings.description,
    canonicalPath: '/search/',
    ogType: 'website',
    isIndexable: false,
  });
  const model: SearchPageModel = {
    q: params.q,
    results: outcome.results,
    total: outcome.total,
    isTotalCapped: outcome.isTotalCapped,
    page: outcome.page,
    pages: outcome.pages,
    languages: source.settings.languages.map((code) => ({
      code,
      name: env.theme.strings(code).languageName,
    })),
    language: params.language,
    tag: tag ? { slug: tag.slug, name: tag.name } : undefined,
    suggestions: outcome.suggestions,
    href: hrefFor(params),
  };
  return { status: 200, contentType: 'text/html; charset=utf-8', body: env.theme.pages.search(frame, model) };
}

/** The OpenSearch description, so browsers offer the site's search. */
export async function openSearchDocument(env: SiteEnv): Promise<RenderedPage> {
  const { settings } = await loadChrome(env);
  const name = escapeHtml(settings.title.slice(0, 16));
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
  <ShortName>${name}</ShortName>
  <Description>${escapeHtml(`${env.theme.strings(settings.defaultLanguage).search.label}: ${settings.title}`.slice(0, 1024))}</Description>
  <InputEncoding>UTF-8</InputEncoding>
  <Language>${escapeHtml(settings.defaultLanguage)}</Language>
  <Url type="text/html" method="get" template="${escapeHtml(env.siteUrl)}/search/?q={searchTerms}"/>
</OpenSearchDescription>
`;
  return { status: 200, contentType: 'application/opensearchdescription+xml; charset=utf-8', body };
}
