import MarkdownIt from 'markdown-it';
import type { GhostContentReport } from '../../domain/import/ghost-export.js';
import { escapeHtml } from '../../rendering/html.js';

/*
 * Ghost's cards (the same payloads in lexical nodes and mobiledoc card sections) as plain HTML that
 * the one sanitizer and the HTML-to-blocks step understand: an image card becomes a <figure>, an
 * embed a link to what it embedded (as the WordPress import keeps embeds), a callout a paragraph.
 * Cards that are forms or email-only content are left out and counted.
 */

type Payload = Record<string, unknown>;

// Raw HTML in a Markdown card is allowed here because the sanitizer reads the result next.
const markdown = new MarkdownIt({ html: true, linkify: false });

const str = (value: unknown) => (typeof value === 'string' ? value : '');
const attr = (value: unknown) => escapeHtml(str(value));

/** Cards with no content for a reader of the web page. */
const droppedCards = new Set(['signup', 'paywall', 'email', 'email-cta', 'transistor', 'collection']);

export function cardHtml(name: string, payload: Payload, report: GhostContentReport): string {
  if (droppedCards.has(name)) {
    report.droppedCards.push(name);
    return '';
  }
  const render = renderers[name];
  if (render) return render(payload, report);
  report.unknownCards.push(name);
  return textOfUnknown(payload);
}

const renderers: Record<string, (payload: Payload, report: GhostContentReport) => string> = {
  image: (p) => figure(imageTag(p), str(p.caption)),
  gallery: (p) => {
    const images = Array.isArray(p.images) ? p.images.filter(isPayload) : [];
    const inner = images.map((image) => figure(imageTag(image), str(image.caption))).join('');
    return images.length === 0 ? '' : `<figure>${inner}<figcaption>${str(p.caption)}</figcaption></figure>`;
  },
  embed: (p, report) => embedLink(str(p.url), str(p.caption), report),
  video: (p, report) => embedLink(str(p.src), str(p.caption), report),
  audio: (p, report) => embedLink(str(p.src), str(p.title), report),
  file: (p, report) => embedLink(str(p.src), str(p.fileTitle) || str(p.fileName), report),
  bookmark: (p) => {
    const metadata = isPayload(p.metadata) ? p.metadata : {};
    const title = str(metadata.title) || str(p.url);
    const description = str(metadata.description);
    return `<p><a href="${attr(p.url)}">${escapeHtml(title)}</a>${description ? `<br>${escapeHtml(description)}` : ''}</p>${captionParagraph(str(p.caption))}`;
  },
  html: (p) => str(p.html),
  markdown: (p) => markdown.render(str(p.markdown)),
  // Ghost 1.x's name for the Markdown card.
  'card-markdown': (p) => markdown.render(str(p.markdown)),
  code: (p) => codeBlock(p),
  codeblock: (p) => codeBlock(p),
  hr: () => '<hr>',
  horizontalrule: () => '<hr>',
  callout: (p) => `<p>${escapeHtml(str(p.calloutEmoji))} ${str(p.calloutText)}</p>`,
  toggle: (p) => `<h3>${str(p.heading)}</h3>${str(p.content)}`,
  button: (p) => `<p><a href="${attr(p.buttonUrl)}">${escapeHtml(str(p.buttonText))}</a></p>`,
  header: (p) => `<h2>${str(p.header) || str(p.heading)}</h2><p>${str(p.subheader) || str(p.subheading)}</p>`,
  product: (p) =>
    `${p.productImageSrc ? `<img src="${attr(p.productImageSrc)}" alt="">` : ''}<h3>${str(p.productTitle)}</h3>${str(p.productDescription)}${p.productUrl ? `<p><a href="${attr(p.productUrl)}">${escapeHtml(str(p.productButton) || str(p.productUrl))}</a></p>` : ''}`,
};

function isPayload(value: unknown): value is Payload {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function imageTag(p: Payload): string {
  const image = `<img src="${attr(p.src)}" alt="${attr(p.alt)}">`;
  return p.href ? `<a href="${attr(p.href)}">${image}</a>` : image;
}

function figure(inner: string, caption: string): string {
  return `<figure>${inner}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
}

function codeBlock(p: Payload): string {
  return `<pre><code>${escapeHtml(str(p.code))}</code></pre>${captionParagraph(str(p.caption))}`;
}

function captionParagraph(caption: string): string {
  return caption ? `<p>${caption}</p>` : '';
}

/** An embed block for an http(s) address; a file of the site's own (`/content/media/…`) stays a link. */
function embedLink(url: string, caption: string, report: GhostContentReport): string {
  if (url.trim() === '') return '';
  report.embeds.push(url);
  const link = `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
  if (!/^https?:\/\/\S+$/i.test(url.trim())) return `<p>${link}</p>${captionParagraph(caption)}`;
  return `<figure class="embed">${link}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
}

/** An unknown card's words, so that nothing the author wrote is lost without a trace. */
function textOfUnknown(payload: Payload): string {
  const texts = Object.values(payload).filter(
    (v): v is string => typeof v === 'string' && /\s/.test(v.trim()) && !/^https?:\/\//.test(v),
  );
  return texts.map((t) => `<p>${escapeHtml(t)}</p>`).join('');
}
