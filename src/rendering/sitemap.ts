import { removeControlCharacters } from '../domain/shared/text.js';
import { escapeHtml } from './html.js';

export interface SitemapEntry {
  path: string;
  lastmod: string | null;
  images: { url: string; caption?: string }[];
}

const xmlText = (s: string) => escapeHtml(removeControlCharacters(s));

/** A sitemap (with Google's image extension) for every public URL. */
export function renderSitemap(siteUrl: string, entries: SitemapEntry[]): string {
  const urls = entries.map((e) => {
    const images = e.images
      .map((i) => `<image:image><image:loc>${xmlText(i.url)}</image:loc></image:image>`)
      .join('');
    const lastmod = e.lastmod ? `<lastmod>${xmlText(e.lastmod)}</lastmod>` : '';
    return `<url><loc>${xmlText(siteUrl + e.path)}</loc>${lastmod}${images}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">\n${urls.join('\n')}\n</urlset>\n`;
}
