import type { PostView } from '../domain/posts/post.types.js';
import { removeControlCharacters } from '../domain/shared/text.js';
import { absolutizeHtml, largestImageUrl } from './absolute-urls.js';
import { escapeHtml } from './html.js';
import type { PublicPath } from './picture.js';

export type FeedFormat = 'rss' | 'atom' | 'json';

export interface FeedSpec {
  title: string;
  description: string;
  language: string;
  siteUrl: string;
  /** Path of the page this feed follows (`/`, `/tag/x/`…); the feed files live under it. */
  pagePath: string;
  posts: PostView[];
  publicPath: PublicPath;
  /** Words for the sources list in the feed's language. */
  labels: { sources: string; accordingTo: string; readFullArticle: string };
  /** The feed's update time when it has no posts. */
  now: string;
}

export const feedContentTypes: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

export const feedFiles: Record<FeedFormat, string> = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' };

/**
 * XML text and attribute values: every value is escaped, never wrapped in CDATA (a `]]>` inside
 * text cannot end anything), and characters XML 1.0 cannot carry are dropped.
 */
export const xml = (value: string) => escapeHtml(removeControlCharacters(value));

interface FeedItem {
  url: string;
  title: string;
  summary: string;
  contentHtml: string;
  image: string | null;
  published: string;
  updated: string;
  authors: { name: string; url: string }[];
  tags: { name: string; url: string; slug: string }[];
}

/** The featured image with its caption and credit, as the web page shows it. */
function featureFigure(url: string, picture: NonNullable<PostView['featuredImage']>): string {
  const caption = [picture.caption, picture.credit].filter(Boolean).map(escapeHtml).join(' ');
  const figcaption = caption ? `<figcaption>${caption}</figcaption>` : '';
  return `<figure><img src="${escapeHtml(url)}" alt="${escapeHtml(picture.alt)}">${figcaption}</figure>`;
}

/** The post's cited sources, so a feed reader sees where the reporting comes from. */
function sourcesHtml(post: PostView, labels: FeedSpec['labels']): string {
  if (post.sources.length === 0) return '';
  const items = post.sources.map((s) => {
    const title = s.title ? ` (${escapeHtml(s.title)})` : '';
    const note = s.note ? `<br>${escapeHtml(s.note)}` : '';
    const link = `<a href="${escapeHtml(s.url)}">${escapeHtml(labels.readFullArticle)}</a>`;
    return `<li>${escapeHtml(labels.accordingTo)} <cite>${escapeHtml(s.publisher)}</cite> — ${link}${title}${note}</li>`;
  });
  return `<h2>${escapeHtml(labels.sources)}</h2><ul>${items.join('')}</ul>`;
}

function toItem(post: PostView, spec: FeedSpec): FeedItem {
  const image = post.featuredImage
    ? largestImageUrl(post.featuredImage, spec.siteUrl, spec.publicPath)
    : null;
  const figure = image && post.featuredImage ? featureFigure(image, post.featuredImage) : '';
  return {
    url: `${spec.siteUrl}/${encodeURIComponent(post.slug)}/`,
    title: post.title,
    summary: post.excerpt || post.standfirst,
    contentHtml: figure + absolutizeHtml(post.bodyHtml, spec.siteUrl) + sourcesHtml(post, spec.labels),
    image,
    published: post.publishedAt ?? post.createdAt,
    updated: post.updatedAt,
    authors: post.authors.map((a) => ({
      name: a.name,
      url: `${spec.siteUrl}/author/${encodeURIComponent(a.slug)}/`,
    })),
    tags: post.tags.map((t) => ({
      name: t.name,
      slug: t.slug,
      url: `${spec.siteUrl}/tag/${encodeURIComponent(t.slug)}/`,
    })),
  };
}

export const rfc822 = (iso: string) => new Date(iso).toUTCString();

const optional = (value: string, line: (v: string) => string) => (value ? [line(value)] : []);

function rssItem(i: FeedItem): string {
  return [
    '<item>',
    `<title>${xml(i.title)}</title>`,
    `<link>${xml(i.url)}</link>`,
    `<guid isPermaLink="true">${xml(i.url)}</guid>`,
    `<pubDate>${rfc822(i.published)}</pubDate>`,
    ...i.authors.map((a) => `<dc:creator>${xml(a.name)}</dc:creator>`),
    ...i.tags.map((t) => `<category domain="${xml(t.url)}">${xml(t.name)}</category>`),
    // RSS readers treat <description> as HTML, so the plain-text summary is escaped for HTML first.
    ...optional(i.summary, (v) => `<description>${xml(escapeHtml(v))}</description>`),
    `<content:encoded>${xml(i.contentHtml)}</content:encoded>`,
    '</item>',
  ].join('\n');
}

/** What a feed says of itself, whatever it lists (posts here, corrections in corrections-feed.ts). */
export type FeedChannel = Pick<FeedSpec, 'title' | 'description' | 'language' | 'siteUrl' | 'pagePath'>;

/** An RSS document's opening up to its first item: the channel and its self link. */
export function rssHead(spec: FeedChannel, updated: string, namespaces: string): string[] {
  const self = `${spec.siteUrl}${spec.pagePath}${feedFiles.rss}`;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<rss version="2.0" ${namespaces}>`,
    '<channel>',
    `<title>${xml(spec.title)}</title>`,
    `<link>${xml(spec.siteUrl + spec.pagePath)}</link>`,
    `<description>${xml(spec.description)}</description>`,
    `<language>${xml(spec.language)}</language>`,
    `<lastBuildDate>${rfc822(updated)}</lastBuildDate>`,
    '<generator>Broadsheet</generator>',
    `<atom:link href="${xml(self)}" rel="self" type="application/rss+xml"/>`,
  ];
}

/** An Atom document's opening up to its first entry. */
export function atomHead(spec: FeedChannel, updated: string): string[] {
  const page = spec.siteUrl + spec.pagePath;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(spec.language)}">`,
    `<id>${xml(page)}</id>`,
    `<title type="text">${xml(spec.title)}</title>`,
    `<subtitle type="text">${xml(spec.description)}</subtitle>`,
    `<updated>${updated}</updated>`,
    `<link rel="alternate" type="text/html" href="${xml(page)}"/>`,
    `<link rel="self" type="application/atom+xml" href="${xml(page + feedFiles.atom)}"/>`,
    '<generator>Broadsheet</generator>',
  ];
}

function rss(spec: FeedSpec, items: FeedItem[], updated: string): string {
  const namespaces =
    'xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"';
  return [...rssHead(spec, updated, namespaces), ...items.map(rssItem), '</channel>', '</rss>', ''].join(
    '\n',
  );
}

function atomEntry(i: FeedItem): string {
  return [
    '<entry>',
    `<id>${xml(i.url)}</id>`,
    `<title type="text">${xml(i.title)}</title>`,
    `<link rel="alternate" type="text/html" href="${xml(i.url)}"/>`,
    `<published>${i.published}</published>`,
    `<updated>${i.updated}</updated>`,
    ...i.authors.map((a) => `<author><name>${xml(a.name)}</name><uri>${xml(a.url)}</uri></author>`),
    ...i.tags.map((t) => `<category term="${xml(t.slug)}" label="${xml(t.name)}" scheme="${xml(t.url)}"/>`),
    ...optional(i.summary, (v) => `<summary type="text">${xml(v)}</summary>`),
    `<content type="html">${xml(i.contentHtml)}</content>`,
    '</entry>',
  ].join('\n');
}

function atom(spec: FeedSpec, items: FeedItem[], updated: string): string {
  return [...atomHead(spec, updated), ...items.map(atomEntry), '</feed>', ''].join('\n');
}

function jsonFeed(spec: FeedSpec, items: FeedItem[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: spec.title,
    home_page_url: spec.siteUrl + spec.pagePath,
    feed_url: `${spec.siteUrl}${spec.pagePath}${feedFiles.json}`,
    description: spec.description,
    language: spec.language,
    items: items.map((i) => ({
      id: i.url,
      url: i.url,
      title: i.title,
      summary: i.summary,
      content_html: i.contentHtml,
      ...(i.image ? { image: i.image } : {}),
      date_published: i.published,
      date_modified: i.updated,
      authors: i.authors,
      tags: i.tags.map((t) => t.name),
    })),
  });
}

/** RSS 2.0, Atom 1.0 or JSON Feed 1.1 for a list of posts, with full content and absolute links. */
export function renderFeed(spec: FeedSpec, format: FeedFormat): string {
  const items = spec.posts.map((p) => toItem(p, spec));
  const updated = items.length
    ? items.reduce((latest, i) => (i.updated > latest ? i.updated : latest), '')
    : spec.now;
  if (format === 'rss') return rss(spec, items, updated);
  if (format === 'atom') return atom(spec, items, updated);
  return jsonFeed(spec, items);
}
