import type { ImageVariant, Picture } from '../domain/posts/post.types.js';
import type { PublicPath } from './picture.js';

/** The largest JPEG/PNG rendition of a picture, as an absolute URL (for cards, feeds and sitemaps). */
export function largestImageUrl(picture: Picture, siteUrl: string, publicPath: PublicPath): string | null {
  return largestVariantUrl(picture.variants, siteUrl, publicPath);
}

export function largestVariantUrl(variants: ImageVariant[], siteUrl: string, publicPath: PublicPath) {
  const best = variants
    .filter((v) => v.format === 'jpeg' || v.format === 'png')
    .sort((a, b) => b.width - a.width)[0];
  return best ? siteUrl + publicPath(best.key) : null;
}

/** Makes root-relative `src`, `srcset` and `href` values in stored HTML absolute (feeds and email need it). */
export function absolutizeHtml(markup: string, siteUrl: string): string {
  return markup
    .replace(/(\s(?:src|href)=")\/(?!\/)/g, `$1${siteUrl}/`)
    .replace(
      /(\ssrcset=")([^"]*)"/g,
      (_m, attr: string, list: string) => `${attr}${list.replace(/(^|,\s*)\/(?!\/)/g, `$1${siteUrl}/`)}"`,
    );
}
