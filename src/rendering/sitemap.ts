import { removeControlCharacters } from '../domain/shared/text.js';
import { escapeHtml } from './html.js';

export interface SitemapEntry {
  path: string;
  lastmod: string | null;
  images: { url: string; caption?: string }[];
}

export interface NewsSitemapEntry {
  path: string;
  title: string;
  language: string;
  publishedAt: string;
}

const xmlText = (s: string) => escapeHtml(removeControlCharacters(s));
const xmlHead = '<?xml version="1.0" encoding="UTF-8"?>\n';
const sitemapNs = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** A sitemap (with Google's image extension) for at most 50,000 public URLs. */
export function renderSitemap(siteUrl: string, entries: SitemapEntry[]): string {
  const urls = entries.map((e) => {
    const images = e.images
      .map((i) => `<image:image><image:loc>${xmlText(i.url)}</image:loc></image:image>`)
      .join('');
    const lastmod = e.lastmod ? `<lastmod>${xmlText(e.lastmod)}</lastmod>` : '';
    return `<url><loc>${xmlText(siteUrl + e.path)}</loc>${lastmod}${images}</url>`;
  });
  return `${xmlHead}<urlset xmlns="${sitemapNs}" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">\n${urls.join('\n')}\n</urlset>\n`;
}

/** The sitemap index: one `<sitemap>` per child sitemap. */
export function renderSitemapIndex(siteUrl: string, entries: { path: string; lastmod: string | null }[]) {
  const items = entries.map((e) => {
    const lastmod = e.lastmod ? `<lastmod>${xmlText(e.lastmod)}</lastmod>` : '';
    return `<sitemap><loc>${xmlText(siteUrl + e.path)}</loc>${lastmod}</sitemap>`;
  });
  return `${xmlHead}<sitemapindex xmlns="${sitemapNs}">\n${items.join('\n')}\n</sitemapindex>\n`;
}

/** A Google News sitemap (`news:` namespace) of recent articles. */
export function renderNewsSitemap(
  siteUrl: string,
  publication: { name: string },
  entries: NewsSitemapEntry[],
): string {
  const urls = entries.map(
    (e) =>
      `<url><loc>${xmlText(siteUrl + e.path)}</loc><news:news><news:publication>` +
      `<news:name>${xmlText(publication.name)}</news:name><news:language>${xmlText(e.language)}</news:language>` +
      `</news:publication><news:publication_date>${xmlText(e.publishedAt)}</news:publication_date>` +
      `<news:title>${xmlText(e.title)}</news:title></news:news></url>`,
  );
  return `${xmlHead}<urlset xmlns="${sitemapNs}" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
