// The stored (sanitized) body HTML rewritten for mail clients: every element carries its style inline,
// figures become one-cell tables, images are plain <img> with an absolute JPEG/PNG source, width,
// height and alt (no <picture>, <source> or srcset), every link and source is absolute.
import type { ChildNode, Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import { escapeHtml } from './html.js';
import {
  bodyStyles,
  captionStyle,
  creditStyle,
  displaySize,
  figureTableStyle,
  imageStyle,
  linkStyle,
  maxWidth,
} from './newsletter-styles.js';

export interface EmailBodyOptions {
  siteUrl: string;
  /** The web version of the post: the base for links within the page (`#notes`). */
  webUrl: string;
}

const voidTags = new Set(['br', 'hr', 'img']);
const attr = (name: string, value: string | number) => ` ${name}="${escapeHtml(String(value))}"`;

/** An absolute http(s) or mailto URL for `value`, or null when it cannot be one. */
export function absoluteUrl(value: string, base: string, schemes = ['http:', 'https:', 'mailto:']) {
  try {
    const url = new URL(value.trim(), base);
    return schemes.includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

const isElement = (node: ChildNode): node is Element => node.type === 'tag';

/** `url 400w, url 800w` → the candidates with a width, JPEG and PNG only. */
function mailCandidates(srcset: string): { url: string; width: number }[] {
  return srcset
    .split(/,\s+/)
    .map((part) => part.trim().split(/\s+/))
    .map(([url = '', descriptor = '']) => ({ url, width: Number.parseInt(descriptor, 10) }))
    .filter((c) => c.url && c.width > 0 && /\.(jpe?g|png)(\?|#|$)/i.test(c.url))
    .sort((a, b) => a.width - b.width);
}

function imageSource(img: Element, options: EmailBodyOptions): string | null {
  const candidates = mailCandidates(img.attribs.srcset ?? '');
  const best = candidates.find((c) => c.width >= maxWidth * 2) ?? candidates[candidates.length - 1];
  return absoluteUrl(best?.url ?? img.attribs.src ?? '', options.siteUrl, ['http:', 'https:']);
}

function renderImage(img: Element, options: EmailBodyOptions): string {
  const src = imageSource(img, options);
  if (!src) return '';
  const size = displaySize(Number(img.attribs.width), Number(img.attribs.height));
  const height = size.height ? attr('height', size.height) : '';
  return `<img${attr('src', src)}${attr('width', size.width)}${height}${attr('alt', img.attribs.alt ?? '')}${attr('style', imageStyle)}>`;
}

function renderCaption(figcaption: Element | null, options: EmailBodyOptions): string {
  if (!figcaption) return '';
  const caption = DomUtils.findOne((e) => e.attribs.class === 'caption', figcaption.children, false);
  const credit = DomUtils.findOne((e) => e.attribs.class === 'credit', figcaption.children, false);
  const inner =
    caption || credit
      ? [
          caption ? renderChildren(caption, options) : '',
          credit ? `<span style="${creditStyle}">${renderChildren(credit, options)}</span>` : '',
        ]
          .filter(Boolean)
          .join(' ')
      : renderChildren(figcaption, options);
  return inner.trim() ? `<tr><td style="${captionStyle}">${inner}</td></tr>` : '';
}

/** A figure as a one-column table: the image, then its caption and credit, each once. */
function renderFigure(figure: Element, options: EmailBodyOptions): string {
  const img = DomUtils.findOne((e) => e.name === 'img', figure.children, true);
  const image = img ? renderImage(img, options) : '';
  const figcaption = DomUtils.findOne((e) => e.name === 'figcaption', figure.children, true);
  const caption = renderCaption(figcaption, options);
  if (!image && !caption) return '';
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${figureTableStyle}">${
    image ? `<tr><td style="padding:0">${image}</td></tr>` : ''
  }${caption}</table>`;
}

function renderLink(a: Element, options: EmailBodyOptions): string {
  const raw = a.attribs.href ?? '';
  const href = raw.startsWith('#') ? options.webUrl + raw : absoluteUrl(raw, options.siteUrl);
  const inner = renderChildren(a, options);
  return href ? `<a${attr('href', href)}${attr('style', linkStyle)}>${inner}</a>` : inner;
}

/** The attributes a mail client needs kept: table spans and list numbering. */
function keptAttributes(element: Element): string {
  const kept = ['colspan', 'rowspan', 'start'].filter((name) =>
    /^\d{1,4}$/.test(element.attribs[name] ?? ''),
  );
  const title = element.name === 'abbr' && element.attribs.title ? attr('title', element.attribs.title) : '';
  return kept.map((name) => attr(name, element.attribs[name]!)).join('') + title;
}

function renderElement(element: Element, options: EmailBodyOptions): string {
  const name = element.name;
  if (name === 'figure') return renderFigure(element, options);
  if (name === 'img') return renderImage(element, options);
  if (name === 'a') return renderLink(element, options);
  if (name === 'source' || name === 'script' || name === 'style') return '';
  const style = bodyStyles[name];
  if (style === undefined) return renderChildren(element, options);
  const open = `<${name}${keptAttributes(element)}${style ? attr('style', style) : ''}>`;
  return voidTags.has(name) ? open : `${open}${renderChildren(element, options)}</${name}>`;
}

function renderChildren(parent: { children: ChildNode[] }, options: EmailBodyOptions): string {
  return parent.children
    .map((node) => {
      if (node.type === 'text') return escapeHtml(node.data);
      return isElement(node) ? renderElement(node, options) : '';
    })
    .join('');
}

/** The body HTML for the email. Text is escaped again on the way out; nothing unknown survives. */
export function emailBodyHtml(markup: string, options: EmailBodyOptions): string {
  return renderChildren(parseDocument(markup), options);
}
