import type { ImageVariant, Picture } from '../domain/posts/post.types.js';
import { html, type SafeHtml } from './html.js';

export type PublicPath = (key: string) => string;

export interface PictureOptions {
  sizes: string;
  isEager?: boolean;
  className?: string;
}

const formatOrder: ImageVariant['format'][] = ['avif', 'webp'];

function srcsetOf(variants: ImageVariant[], publicPath: PublicPath): string {
  return [...variants]
    .sort((a, b) => a.width - b.width)
    .map((v) => `${publicPath(v.key)} ${v.width}w`)
    .join(', ');
}

function fallbackVariants(picture: Picture): ImageVariant[] {
  return picture.variants.filter((v) => v.format === 'jpeg' || v.format === 'png');
}

/**
 * A responsive `<picture>`: AVIF and WebP sources, a JPEG/PNG fallback `<img>` with width and height
 * (no layout shift), lazy unless it is above the fold.
 */
export function renderPicture(picture: Picture, publicPath: PublicPath, options: PictureOptions): SafeHtml {
  const fallbacks = fallbackVariants(picture);
  const largest = [...fallbacks].sort((a, b) => b.width - a.width)[0];
  const sources = formatOrder
    .map((format) => picture.variants.filter((v) => v.format === format))
    .filter((list) => list.length > 0)
    .map((list) => {
      const srcset = srcsetOf(list, publicPath);
      return html`<source type="image/${list[0]!.format}" srcset="${srcset}" sizes="${options.sizes}">`;
    });
  const loading = options.isEager ? html` fetchpriority="high"` : html` loading="lazy"`;
  const className = options.className ? html` class="${options.className}"` : '';
  const src = largest ? publicPath(largest.key) : '';
  const size = html`width="${picture.width}" height="${picture.height}"`;
  return html`<picture${className}>${sources}<img src="${src}" srcset="${srcsetOf(fallbacks, publicPath)}" sizes="${options.sizes}" ${size} alt="${picture.alt}"${loading} decoding="async"></picture>`;
}

/**
 * The site's logo in place of its title: WebP (and AVIF) sources, a PNG/JPEG fallback, at the
 * stored variant's own width and height (never squashed); the title is its alt text.
 */
export function renderLogo(picture: Picture, publicPath: PublicPath, title: string): SafeHtml {
  const fallbacks = [...fallbackVariants(picture)].sort((a, b) => a.width - b.width);
  const shown = fallbacks.find((v) => v.width >= 480) ?? fallbacks.at(-1);
  if (!shown) return html`${title}`;
  const sizes = `(max-width: 40rem) 80vw, ${Math.min(shown.width, 480)}px`;
  const sources = formatOrder
    .map((format) => picture.variants.filter((v) => v.format === format))
    .filter((list) => list.length > 0)
    .map(
      (list) =>
        html`<source type="image/${list[0]!.format}" srcset="${srcsetOf(list, publicPath)}" sizes="${sizes}">`,
    );
  return html`<picture class="site-logo">${sources}<img src="${publicPath(shown.key)}" srcset="${srcsetOf(fallbacks, publicPath)}" sizes="${sizes}" width="${shown.width}" height="${shown.height}" alt="${title}" fetchpriority="high" decoding="async"></picture>`;
}

/** The figure caption: the caption, then the credit in its own element (never the caption twice). */
export function renderFigcaption(caption: string, credit: string): SafeHtml | '' {
  if (!caption && !credit) return '';
  const captionHtml = caption ? html`<span class="caption">${caption}</span>` : '';
  const creditHtml = credit ? html` <span class="credit">${credit}</span>` : '';
  return html`<figcaption>${captionHtml}${creditHtml}</figcaption>`;
}
