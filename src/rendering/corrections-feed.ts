import type { ListedCorrection } from '../domain/ports.js';
import { removeControlCharacters } from '../domain/shared/text.js';
import { escapeHtml } from './html.js';
import { noteAnchor } from './site-paths.js';

/** RSS 2.0 or Atom 1.0 of a site's corrections: one item per correction, linking to it on its post. */
export interface CorrectionsFeedSpec {
  title: string;
  description: string;
  language: string;
  siteUrl: string;
  /** The list's page (`/corrections/`, `/corrections/nb/`); the feed files live under it. */
  pagePath: string;
  corrections: ListedCorrection[];
  /** "Correction", in the feed's language. */
  label: string;
  /** The feed's update time when it has no items. */
  now: string;
}

/** Every value escaped, never CDATA; characters XML 1.0 cannot carry are dropped. */
const xml = (value: string) => escapeHtml(removeControlCharacters(value));
const rfc822 = (iso: string) => new Date(iso).toUTCString();

interface Item {
  url: string;
  title: string;
  text: string;
  published: string;
}

function itemsOf(spec: CorrectionsFeedSpec): Item[] {
  return spec.corrections.map(({ note, post }) => ({
    url: `${spec.siteUrl}/${encodeURIComponent(post.slug)}/#${noteAnchor(note)}`,
    title: `${spec.label}: ${post.title}`,
    text: note.body,
    published: note.createdAt,
  }));
}

function rss(spec: CorrectionsFeedSpec, items: Item[], updated: string): string {
  const page = spec.siteUrl + spec.pagePath;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${xml(spec.title)}</title>`,
    `<link>${xml(page)}</link>`,
    `<description>${xml(spec.description)}</description>`,
    `<language>${xml(spec.language)}</language>`,
    `<lastBuildDate>${rfc822(updated)}</lastBuildDate>`,
    '<generator>Broadsheet</generator>',
    `<atom:link href="${xml(page + 'rss.xml')}" rel="self" type="application/rss+xml"/>`,
    ...items.map((i) =>
      [
        '<item>',
        `<title>${xml(i.title)}</title>`,
        `<link>${xml(i.url)}</link>`,
        `<guid isPermaLink="true">${xml(i.url)}</guid>`,
        `<pubDate>${rfc822(i.published)}</pubDate>`,
        // RSS readers treat <description> as HTML: the plain text is escaped for HTML, then for XML.
        `<description>${xml(escapeHtml(i.text))}</description>`,
        '</item>',
      ].join('\n'),
    ),
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}

function atom(spec: CorrectionsFeedSpec, items: Item[], updated: string): string {
  const page = spec.siteUrl + spec.pagePath;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(spec.language)}">`,
    `<id>${xml(page)}</id>`,
    `<title type="text">${xml(spec.title)}</title>`,
    `<subtitle type="text">${xml(spec.description)}</subtitle>`,
    `<updated>${updated}</updated>`,
    `<link rel="alternate" type="text/html" href="${xml(page)}"/>`,
    `<link rel="self" type="application/atom+xml" href="${xml(page + 'atom.xml')}"/>`,
    '<generator>Broadsheet</generator>',
    ...items.map((i) =>
      [
        '<entry>',
        `<id>${xml(i.url)}</id>`,
        `<title type="text">${xml(i.title)}</title>`,
        `<link rel="alternate" type="text/html" href="${xml(i.url)}"/>`,
        `<published>${i.published}</published>`,
        `<updated>${i.published}</updated>`,
        `<author><name>${xml(spec.title)}</name></author>`,
        `<content type="text">${xml(i.text)}</content>`,
        '</entry>',
      ].join('\n'),
    ),
    '</feed>',
    '',
  ].join('\n');
}

export function renderCorrectionsFeed(spec: CorrectionsFeedSpec, format: 'rss' | 'atom'): string {
  const items = itemsOf(spec);
  const updated = items[0]?.published ?? spec.now;
  return format === 'rss' ? rss(spec, items, updated) : atom(spec, items, updated);
}
