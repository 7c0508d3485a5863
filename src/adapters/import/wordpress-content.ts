import type {
  ContentReport,
  WpAttachment,
  WordPressContent,
  WordPressContentContext,
} from '../../domain/import/wordpress-export.js';
import { knownEmbedProvider } from '../../rendering/embeds.js';
import { escapeHtml } from '../../rendering/html.js';
import { htmlToText } from '../../rendering/sanitize.js';
import { autop } from './autop.js';
import { blocksFromHtml } from './html-document.js';
import { replaceShortcodes, type Shortcode, type ShortcodeRenderer } from './shortcodes.js';
import { parseBlocks, type WpBlock } from './wordpress-blocks.js';

export type {
  ContentReport,
  WpAttachment,
  WordPressContent,
  WordPressContentContext,
} from '../../domain/import/wordpress-export.js';

/**
 * A WordPress post's content as the editor's blocks: Gutenberg blocks where the post has them,
 * classic content (paragraphs by blank lines, shortcodes) elsewhere, all through the one
 * sanitizer. Dynamic blocks (latest posts, search…) have no content of their own and are reported.
 */
export async function blocksFromWordPress(
  content: string,
  context: WordPressContentContext,
): Promise<WordPressContent> {
  const report: ContentReport = {
    unknownBlocks: [],
    unknownShortcodes: [],
    embeds: [],
    missingAttachments: [],
    pageBreaks: 0,
  };
  const writer = new HtmlWriter(context, report);
  const more = /<!--more(?:\s[^>]*?)?-->/.exec(content);
  const html = writer.blocks(parseBlocks(content));
  const teaser = more
    ? await htmlToText(
        new HtmlWriter(context, blankReport()).blocks(parseBlocks(content.slice(0, more.index))),
      )
    : '';
  return { blocks: await blocksFromHtml(html), teaser, report: deduplicated(report) };
}

const contentBlocks = new Set(
  [
    'paragraph',
    'heading',
    'list',
    'list-item',
    'quote',
    'image',
    'gallery',
    'table',
    'separator',
    'code',
    'preformatted',
    'columns',
    'column',
    'group',
    'cover',
    'media-text',
    'details',
    'buttons',
    'button',
    'file',
    'freeform',
    'html',
    'missing',
  ].map((name) => `core/${name}`),
);

class HtmlWriter {
  private readonly shortcodes: Record<string, ShortcodeRenderer>;

  constructor(
    private readonly context: WordPressContentContext,
    private readonly report: ContentReport,
  ) {
    this.shortcodes = {
      caption: (s) => this.caption(s),
      wp_caption: (s) => this.caption(s),
      gallery: (s) => this.gallery(s),
      embed: (s) => this.embedLink(s.content.trim() || s.args[0] || s.attrs.url || s.attrs.src || ''),
      video: (s) => this.embedLink(mediaSource(s)),
      audio: (s) => this.embedLink(mediaSource(s)),
    };
  }

  blocks(blocks: WpBlock[]): string {
    return blocks.map((block) => this.block(block)).join('\n');
  }

  private block(block: WpBlock): string {
    const name = block.name;
    if (name === null) return this.classic(block.inner.join(''));
    switch (name) {
      case 'core/pullquote':
        return this.inner(block).replace(/<blockquote\b[^>]*>/i, '<blockquote class="pull-quote">');
      case 'core/verse':
        return `<p>${this.inner(block)
          .replace(/<\/?pre\b[^>]*>/gi, '')
          .trim()
          .replace(/\n/g, '<br>')}</p>`;
      case 'core/video':
      case 'core/audio':
        return this.embedLink(/\ssrc="([^"]+)"/.exec(this.inner(block))?.[1] ?? '');
      case 'core/shortcode':
        return this.classic(this.inner(block));
      case 'core/more':
        return '';
      case 'core/nextpage':
        this.report.pageBreaks++;
        return '<hr>';
      case 'core/spacer':
        return '';
    }
    if (name === 'core/embed' || name.startsWith('core-embed/'))
      return this.embedLink(String(block.attrs.url ?? ''), figcaptionOf(this.inner(block)));
    if (!contentBlocks.has(name)) this.report.unknownBlocks.push(name);
    return this.inner(block);
  }

  private inner(block: WpBlock): string {
    let next = 0;
    return block.inner
      .map((piece) => (piece === null ? this.block(block.blocks[next++]!) : this.withShortcodes(piece)))
      .join('');
  }

  private withShortcodes(html: string): string {
    return replaceShortcodes(html, this.shortcodes, (name) => this.report.unknownShortcodes.push(name));
  }

  private classic(html: string): string {
    const withoutBreaks = html
      .replace(/<!--more(?:\s[^>]*?)?-->/g, '')
      .replace(/<!--nextpage-->/g, '\n\n<hr>\n\n');
    return autop(this.bareUrls(this.withShortcodes(withoutBreaks)));
  }

  /**
   * WordPress embeds the address of a service it knows written alone on its line, or alone in a
   * paragraph (its auto-embeds).
   */
  private bareUrls(html: string): string {
    const embed = (whole: string, written: string) => {
      const url = written.replace(/&amp;|&#0?38;/g, '&');
      return knownEmbedProvider(url) ? this.embedLink(url) : whole;
    };
    return html
      .replace(/<p(?:\s[^>]*)?>\s*(https?:\/\/[^\s<>"']+)\s*<\/p>/gi, embed)
      .replace(/^[ \t]*(https?:\/\/[^\s<>"']+)[ \t]*$/gm, embed);
  }

  private caption(shortcode: Shortcode): string {
    const split = /^([\s\S]*<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(shortcode.content.trim());
    const image = split?.[1] ?? shortcode.content;
    const caption = (split?.[2] ?? '').trim() || shortcode.attrs.caption || '';
    return `\n\n<figure>${image}<figcaption>${caption}</figcaption></figure>\n\n`;
  }

  private gallery(shortcode: Shortcode): string {
    const ids = (shortcode.attrs.ids ?? shortcode.attrs.include ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    const images =
      ids.length > 0 ? ids.flatMap((id) => this.attachmentOrReport(id)) : this.context.postAttachments();
    if (images.length === 0) return '';
    const figures = images.map(
      (image) =>
        `<figure><img src="${escapeHtml(image.url)}" alt="${escapeHtml(image.alt)}"><figcaption>${escapeHtml(image.caption)}</figcaption></figure>`,
    );
    return `\n\n<figure>${figures.join('')}</figure>\n\n`;
  }

  private attachmentOrReport(id: string): WpAttachment[] {
    const found = this.context.attachment(id);
    if (found) return [found];
    this.report.missingAttachments.push(id);
    return [];
  }

  /** An embed block for an http(s) address (see embeds.ts); any other stays a link. */
  private embedLink(url: string, captionHtml = ''): string {
    const address = url.trim();
    if (address === '') return '';
    this.report.embeds.push(address);
    const link = `<a href="${escapeHtml(address)}">${escapeHtml(address)}</a>`;
    if (!/^https?:\/\/\S+$/i.test(address)) return `\n\n<p>${link}</p>\n\n`;
    const caption = captionHtml ? `<figcaption>${captionHtml}</figcaption>` : '';
    return `\n\n<figure class="embed">${link}${caption}</figure>\n\n`;
  }
}

function figcaptionOf(html: string): string {
  return /<figcaption\b[^>]*>([\s\S]*?)<\/figcaption>/i.exec(html)?.[1]?.trim() ?? '';
}

function mediaSource(shortcode: Shortcode): string {
  const { attrs } = shortcode;
  return (
    attrs.src ??
    attrs.mp4 ??
    attrs.m4v ??
    attrs.webm ??
    attrs.ogv ??
    attrs.mp3 ??
    attrs.m4a ??
    attrs.ogg ??
    attrs.wav ??
    shortcode.content.trim()
  );
}

function blankReport(): ContentReport {
  return { unknownBlocks: [], unknownShortcodes: [], embeds: [], missingAttachments: [], pageBreaks: 0 };
}

function deduplicated(report: ContentReport): ContentReport {
  return {
    unknownBlocks: [...new Set(report.unknownBlocks)],
    unknownShortcodes: [...new Set(report.unknownShortcodes)],
    embeds: [...new Set(report.embeds)],
    missingAttachments: [...new Set(report.missingAttachments)],
    pageBreaks: report.pageBreaks,
  };
}
