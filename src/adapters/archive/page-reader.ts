import type { Document, Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { FetchedResource, OutboundFetcher } from '../../domain/fetch-ports.js';
import type { PageReading } from '../../domain/ports.js';
import { escapeHtml } from '../../rendering/html.js';
import { sanitizeSnapshotHtml } from '../../rendering/sanitize.js';
import { inlineImages, type ImageBudget } from './inline-images.js';
import { mainTextOf } from './main-text.js';

export interface PageReaderOptions {
  /** Fetches the page's images (the safe fetcher, with its own size cap). */
  images: OutboundFetcher;
  budget?: Partial<ImageBudget>;
}

const defaultBudget: ImageBudget = {
  perImageBytes: 512 * 1024,
  totalBytes: 4 * 1024 * 1024,
  count: 24,
  totalMs: 30_000,
};

/** A fetched page's main text alone, found as the snapshot's is (see `createPageReader`). */
export function readMainText(fetched: FetchedResource): string {
  const text = decodeBody(fetched);
  if (isHtml(fetched.contentType)) {
    const document = parseDocument(text);
    const body = DomUtils.findOne((e) => e.name === 'body', document.children, true) ?? document;
    return mainTextOf(contentRoot(body));
  }
  return fetched.contentType.toLowerCase().startsWith('text/') ? normalizeSpace(text) : '';
}

/**
 * Reads a fetched source: its title, its main text (for the archive and the "changed" check) and a
 * self-contained snapshot: the page's body through the snapshot sanitizer policy (no script, style,
 * form, frame or event handler survives), links made absolute, images inlined as `data:` URLs within
 * a budget or dropped.
 */
export function createPageReader(
  options: PageReaderOptions,
): (fetched: FetchedResource) => Promise<PageReading> {
  const budget = { ...defaultBudget, ...options.budget };
  return async (fetched) => {
    const text = decodeBody(fetched);
    if (isHtml(fetched.contentType)) return readHtml(text, fetched.url, options.images, budget);
    if (fetched.contentType.toLowerCase().startsWith('text/'))
      return { title: '', mainText: normalizeSpace(text), snapshotHtml: `<pre>${escapeHtml(text)}</pre>` };
    const type = fetched.contentType.split(';')[0]?.trim() || 'unknown type';
    return {
      title: '',
      mainText: '',
      snapshotHtml: `<p>${escapeHtml(`A file of type ${type}, ${fetched.body.length} bytes; its SHA-256 is recorded.`)}</p>`,
    };
  };
}

async function readHtml(
  text: string,
  url: string,
  images: OutboundFetcher,
  budget: ImageBudget,
): Promise<PageReading> {
  const document = parseDocument(text);
  const title = titleOf(document);
  const body = DomUtils.findOne((e) => e.name === 'body', document.children, true) ?? document;
  const content = contentRoot(body);
  removeInert(content);
  const mainText = mainTextOf(content);
  absolutizeLinks(content, url);
  await inlineImages(content, { baseUrl: url, fetcher: images, budget });
  const dirty = DomUtils.getOuterHTML(content.type === 'root' ? content.children : [content]);
  return { title, mainText, snapshotHtml: await sanitizeSnapshotHtml(dirty) };
}

/**
 * Elements whose content is never part of a snapshot: code, embedded documents and what shows only
 * without script. Removed before images are inlined, so nothing inside them is ever fetched.
 */
const inert = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'audio',
  'video',
]);

function removeInert(root: Element | Document): void {
  for (const element of DomUtils.findAll((e) => inert.has(e.name), root.children))
    DomUtils.removeElement(element);
}

function titleOf(document: Document): string {
  const title = DomUtils.findOne((e) => e.name === 'title', document.children, true);
  const og = DomUtils.findOne(
    (e) => e.name === 'meta' && e.attribs.property === 'og:title',
    document.children,
    true,
  );
  const found = (title && DomUtils.textContent(title)) || og?.attribs.content || '';
  return normalizeSpace(found).slice(0, 500);
}

/** The article when the page marks one, else its main region, else the whole body. */
function contentRoot(body: Element | Document): Element | Document {
  const find = (test: (e: Element) => boolean) => DomUtils.findOne(test, body.children, true);
  return (
    find((e) => e.name === 'article') ?? find((e) => e.name === 'main' || e.attribs.role === 'main') ?? body
  );
}

function absolutizeLinks(root: Element | Document, baseUrl: string): void {
  for (const link of DomUtils.findAll((e) => e.name === 'a', root.children)) {
    const href = link.attribs.href;
    if (href === undefined) continue;
    const absolute = absoluteHttpUrl(href, baseUrl);
    if (absolute) link.attribs.href = absolute;
    else delete link.attribs.href;
  }
}

export function absoluteHttpUrl(value: string, baseUrl: string): string | undefined {
  try {
    const url = new URL(value.trim(), baseUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:'
      ? url.href
      : undefined;
  } catch {
    return undefined;
  }
}

function isHtml(contentType: string): boolean {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return type === 'text/html' || type === 'application/xhtml+xml' || type === '';
}

/** The declared charset (header, else a meta tag near the top), else UTF-8. */
function decodeBody(fetched: FetchedResource): string {
  const head = fetched.body.subarray(0, 2048).toString('latin1');
  const declared =
    /charset=["']?([\w-]+)/i.exec(fetched.contentType)?.[1] ??
    /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(fetched.body);
  } catch {
    return new TextDecoder('utf-8').decode(fetched.body);
  }
}

export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
