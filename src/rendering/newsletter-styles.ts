// Inline styles of the newsletter email. Mail clients drop or ignore <style> blocks and external CSS,
// so every element that needs a look carries it in its own style attribute.
import type { ImageVariant, Picture } from '../domain/posts/post.types.js';
import type { PublicPath } from './picture.js';

export const serif = "font-family:Georgia,'Times New Roman',serif;";
export const sans = 'font-family:Helvetica,Arial,sans-serif;';
export const mono = "font-family:Menlo,Consolas,'Courier New',monospace;";
/** The content column: what every mail client renders without scaling. */
export const maxWidth = 600;

export const linkStyle = 'color:#1a4d8f;text-decoration:underline';
export const captionStyle = `${sans}font-size:13px;line-height:1.4;color:#555555;padding:6px 0 0 0`;
export const creditStyle = 'color:#777777';
export const imageStyle = `display:block;width:100%;max-width:${maxWidth}px;height:auto;border:0;outline:none;text-decoration:none`;
export const figureTableStyle = 'margin:0 0 20px 0;border-collapse:collapse';

/** Body elements and their look; an element not listed here keeps only its content. */
export const bodyStyles: Record<string, string> = {
  p: 'margin:0 0 16px 0',
  h2: `${serif}font-size:22px;line-height:1.3;font-weight:bold;margin:24px 0 12px 0;color:#111111`,
  h3: `${serif}font-size:20px;line-height:1.3;font-weight:bold;margin:20px 0 10px 0;color:#111111`,
  h4: `${serif}font-size:18px;line-height:1.3;font-weight:bold;margin:16px 0 8px 0;color:#111111`,
  h5: `${serif}font-size:17px;line-height:1.3;font-weight:bold;margin:16px 0 8px 0;color:#111111`,
  h6: `${serif}font-size:17px;line-height:1.3;font-style:italic;margin:16px 0 8px 0;color:#111111`,
  blockquote: 'margin:0 0 16px 0;padding:0 0 0 16px;border-left:3px solid #cccccc;color:#333333',
  ul: 'margin:0 0 16px 0;padding:0 0 0 24px',
  ol: 'margin:0 0 16px 0;padding:0 0 0 24px',
  li: 'margin:0 0 6px 0',
  pre: `${mono}font-size:14px;line-height:1.5;background:#f4f4f4;padding:12px;margin:0 0 16px 0;white-space:pre-wrap;word-wrap:break-word`,
  code: `${mono}font-size:15px`,
  hr: 'border:0;border-top:1px solid #dddddd;margin:24px 0;height:0',
  table: `${sans}font-size:15px;border-collapse:collapse;width:100%;margin:0 0 16px 0`,
  caption: `${sans}font-size:13px;color:#555555;text-align:left;padding:0 0 6px 0`,
  th: 'border:1px solid #dddddd;padding:6px;text-align:left;font-weight:bold',
  td: 'border:1px solid #dddddd;padding:6px;text-align:left;vertical-align:top',
  thead: '',
  tbody: '',
  tr: '',
  strong: '',
  b: '',
  em: '',
  i: '',
  u: '',
  s: '',
  sub: '',
  sup: '',
  cite: '',
  q: '',
  abbr: '',
  br: '',
};

export interface EmailImage {
  src: string;
  width: number;
  height: number;
}

const mailFormats: ImageVariant['format'][] = ['jpeg', 'png'];

/**
 * The rendition of a picture for email: a JPEG or PNG (never WebP or AVIF), the smallest at least
 * twice the column wide (sharp on high-density screens) or else the largest, shown at most 600 px wide.
 */
export function emailImageOf(picture: Picture, siteUrl: string, publicPath: PublicPath): EmailImage | null {
  const fallbacks = picture.variants
    .filter((v) => mailFormats.includes(v.format))
    .sort((a, b) => a.width - b.width);
  const chosen = fallbacks.find((v) => v.width >= maxWidth * 2) ?? fallbacks[fallbacks.length - 1];
  if (!chosen) return null;
  return { src: siteUrl + publicPath(chosen.key), ...displaySize(picture.width, picture.height) };
}

/** Width and height attributes for an image of this size in the 600 px column. */
export function displaySize(width: number, height: number): { width: number; height: number } {
  if (!(width > 0) || !(height > 0)) return { width: maxWidth, height: 0 };
  const shown = Math.min(width, maxWidth);
  return { width: shown, height: Math.max(1, Math.round((height * shown) / width)) };
}
