import { embedProviderOf } from './embeds.js';
import type {
  BlockNode,
  EditorDocument,
  EmbedAttrs,
  FigureAttrs,
  InlineNode,
  Mark,
  TableRowNode,
} from '../domain/posts/editor-document.js';
import type { Picture } from '../domain/posts/post.types.js';
import { escapeHtml } from './html.js';
import { renderFigcaption, renderPicture, type PublicPath } from './picture.js';
import { htmlToText, sanitizeBodyHtml } from './sanitize.js';

export interface BodyRenderContext {
  /** Pictures for `media:<id>` figure sources, keyed by media id. */
  pictures: Map<string, Picture>;
  publicPath: PublicPath;
}

const bodyImageSizes = '(min-width: 760px) 720px, 100vw';
const galleryImageSizes = '(min-width: 760px) 360px, 50vw';

function safeHref(href: string): string | null {
  const trimmed = href.trim();
  if (/^(https?:|mailto:)/i.test(trimmed) || /^\/(?!\/)/.test(trimmed) || trimmed.startsWith('#'))
    return trimmed;
  return null;
}

function wrapMark(inner: string, mark: Mark): string {
  switch (mark.type) {
    case 'bold':
      return `<strong>${inner}</strong>`;
    case 'italic':
      return `<em>${inner}</em>`;
    case 'code':
      return `<code>${inner}</code>`;
    case 'link': {
      const href = safeHref(mark.attrs.href);
      return href ? `<a href="${escapeHtml(href)}">${inner}</a>` : inner;
    }
  }
}

function renderInline(nodes: InlineNode[] | undefined): string {
  return (nodes ?? [])
    .map((node) =>
      node.type === 'hardBreak' ? '<br>' : (node.marks ?? []).reduce(wrapMark, escapeHtml(node.text)),
    )
    .join('');
}

function renderFigure(attrs: FigureAttrs, ctx: BodyRenderContext, sizes = bodyImageSizes) {
  const caption = renderFigcaption(attrs.caption, attrs.credit).toString();
  if (attrs.src.startsWith('media:')) {
    const picture = ctx.pictures.get(attrs.src.slice(6));
    if (!picture) return '';
    const placed = { ...picture, alt: attrs.alt };
    return `<figure class="figure">${renderPicture(placed, ctx.publicPath, { sizes }).value}${caption}</figure>`;
  }
  if (!/^https?:\/\//i.test(attrs.src)) return '';
  return `<figure class="figure"><img src="${escapeHtml(attrs.src)}" alt="${escapeHtml(attrs.alt)}" loading="lazy">${caption}</figure>`;
}

/** A gallery is a figure of figures, each with its own caption and credit. */
function renderGallery(images: FigureAttrs[], ctx: BodyRenderContext): string {
  const items = images.map((image) => renderFigure(image, ctx, galleryImageSizes)).join('');
  return items ? `<figure class="gallery">${items}</figure>` : '';
}

/**
 * An embed as a preview that is a link: the service's name and the address, nothing loaded from the
 * service (the site's CSP frames nothing and runs no script) until the reader follows the link.
 */
function renderEmbed(attrs: EmbedAttrs): string {
  if (!/^https?:\/\/\S+$/i.test(attrs.url)) return '';
  const provider = embedProviderOf(attrs.url);
  const address = attrs.url.replace(/^https?:\/\/(www\.)?/i, '');
  const caption = attrs.caption ? renderFigcaption(attrs.caption, '').toString() : '';
  return (
    `<figure class="embed embed-${provider.id}"><a class="embed-link" href="${escapeHtml(attrs.url)}">` +
    `<span class="embed-provider">${escapeHtml(provider.name)}</span> ` +
    `<span class="embed-address">${escapeHtml(address.length > 90 ? `${address.slice(0, 89)}…` : address)}</span>` +
    `</a>${caption}</figure>`
  );
}

/** Header cells in the first row head columns; elsewhere they head their row. */
function renderTable(rows: TableRowNode[]): string {
  const body = rows
    .map((row, r) => {
      const cells = row.content.map((cell) => {
        const inner = cell.content.map((p) => renderInline(p.content)).join('<br>');
        // An empty header cell heads nothing, and screen readers announce it as a blank header.
        if (cell.type === 'tableCell' || inner === '') return `<td>${inner}</td>`;
        return `<th scope="${r === 0 ? 'col' : 'row'}">${inner}</th>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  return `<figure class="table"><table><tbody>${body}</tbody></table></figure>`;
}

function renderBlock(block: BlockNode, ctx: BodyRenderContext): string {
  switch (block.type) {
    case 'paragraph':
      return block.content?.length ? `<p>${renderInline(block.content)}</p>` : '';
    case 'heading':
      return `<h${block.attrs.level}>${renderInline(block.content)}</h${block.attrs.level}>`;
    case 'blockquote':
      return `<blockquote>${renderBlocks(block.content, ctx)}</blockquote>`;
    case 'bulletList':
    case 'orderedList': {
      const tag = block.type === 'bulletList' ? 'ul' : 'ol';
      return `<${tag}>${block.content.map((li) => `<li>${renderBlocks(li.content, ctx)}</li>`).join('')}</${tag}>`;
    }
    case 'horizontalRule':
      return '<hr>';
    case 'codeBlock':
      return `<pre><code>${renderInline(block.content)}</code></pre>`;
    case 'figure':
      return renderFigure(block.attrs, ctx);
    case 'pullQuote':
      return block.content?.length
        ? `<blockquote class="pull-quote"><p>${renderInline(block.content)}</p></blockquote>`
        : '';
    case 'gallery':
      return renderGallery(block.attrs.images, ctx);
    case 'table':
      return renderTable(block.content);
    case 'embed':
      return renderEmbed(block.attrs);
  }
}

function renderBlocks(blocks: BlockNode[], ctx: BodyRenderContext): string {
  return blocks.map((b) => renderBlock(b, ctx)).join('');
}

/** The stored HTML and plain text of a document. The HTML still goes through the one sanitizer policy. */
export async function renderDocument(
  doc: EditorDocument,
  ctx: BodyRenderContext,
): Promise<{ html: string; text: string }> {
  const markup = await sanitizeBodyHtml(renderBlocks(doc.content, ctx));
  return { html: markup, text: await htmlToText(markup) };
}
