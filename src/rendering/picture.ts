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
    .map(
      (list) =>
        html`<source
          type="image/${list[0]!.format}"
          srcset="${srcsetOf(list, publicPath)}"
          sizes="${options.sizes}"
        />`,
    );
  return html`<picture${options.className ? html` class="${options.className}"` : ''}>${sources}<img src="${
    largest ? publicPath(largest.key) : ''
  }" srcset="${srcsetOf(fallbacks, publicPath)}" sizes="${options.sizes}" width="${picture.width}" height="${
    picture.height
  }" alt="${picture.alt}"${options.isEager ? html` fetchpriority="high"` : html` loading="lazy"`} decoding="async"></picture>`;
}

/** The figure caption: the caption, then the credit in its own element (never the caption twice). */
export function renderFigcaption(caption: string, credit: string): SafeHtml | '' {
  if (!caption && !credit) return '';
  return html`<figcaption>
    ${caption ? html`<span class="caption">${caption}</span>` : ''}${
      credit ? html` <span class="credit">${credit}</span>` : ''
    }
  </figcaption>`;
}
