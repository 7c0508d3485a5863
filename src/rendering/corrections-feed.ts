import type { ListedCorrection } from '../domain/ports.js';
import { atomHead, rfc822, rssHead, xml } from './feeds.js';
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
  return [
    ...rssHead(spec, updated, 'xmlns:atom="http://www.w3.org/2005/Atom"'),
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
  return [
    ...atomHead(spec, updated),
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
