import { domainToUnicode } from 'node:url';
import type { DomainContext } from '../context.js';
import type { BlockNode, InlineNode } from '../posts/editor-document.js';
import type { CreatePostInput } from '../posts/post-input.js';
import type { SourceRecord } from '../ports.js';
import { cleanText, isHttpUrl } from '../shared/validate.js';

type SourceInput = NonNullable<CreatePostInput['sources']>[number];

const maxSources = 100;
/** Links to a picture or a sound are the post's media, not what it cites. */
const mediaFile = /\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?|mp3|m4a|ogg|wav|mp4|m4v|webm|mov)$/i;

/**
 * An imported post's outbound links, offered as its sources: one per address (the first link to
 * it), the publisher from the link's site (its domain, `www.` dropped), the link text as the title,
 * each marked `imported` for an editor to confirm or remove. Links to the old site itself
 * (`isOwnSite`), to media files and to what the post embeds are left out.
 */
export function sourcesFromLinks(
  blocks: BlockNode[],
  options: { isOwnSite: (url: URL) => boolean; embeds?: Iterable<string> },
): SourceInput[] {
  const embedded = new Set(options.embeds ?? []);
  const byUrl = new Map<string, SourceInput>();
  for (const { href, text } of linksOf(blocks)) {
    if (byUrl.size >= maxSources) break;
    const url = cleanText(href);
    if (byUrl.has(url) || embedded.has(url) || url.length > 2048 || !isHttpUrl(url)) continue;
    const parsed = new URL(url);
    if (options.isOwnSite(parsed) || mediaFile.test(parsed.pathname)) continue;
    const publisher = publisherOf(parsed);
    if (publisher === '') continue;
    const title = cleanText(text.replace(/\s+/g, ' '));
    byUrl.set(url, {
      publisher,
      title: title === url ? '' : title.slice(0, 500),
      url,
      note: '',
      reviewState: 'imported',
    });
  }
  return [...byUrl.values()];
}

/**
 * On a re-run, the sources a post has now (an editor may have confirmed, edited or removed some)
 * with only the links not among them added; undefined when nothing is new, so nothing is rewritten.
 */
export function sourcesToAdd(existing: SourceRecord[], offered: SourceInput[]): SourceInput[] | undefined {
  const known = new Set(existing.map((s) => s.url));
  const added = offered.filter((s) => !known.has(s.url));
  if (added.length === 0) return undefined;
  const kept: SourceInput[] = existing.map((s) => ({
    publisher: s.publisher,
    title: s.title,
    url: s.url,
    note: s.note,
    reviewState: s.reviewState,
  }));
  return [...kept, ...added].slice(0, maxSources);
}

/** A re-run's change to a post made before: its slug kept, its sources kept with new links added. */
export async function asUpdate(
  tx: DomainContext,
  postId: string,
  input: CreatePostInput,
): Promise<CreatePostInput> {
  const existing = (await tx.repos.posts.sourcesFor([postId])).get(postId) ?? [];
  return { ...input, slug: undefined, sources: sourcesToAdd(existing, input.sources ?? []) };
}

/** `www.theguardian.com` → `theguardian.com`; internationalized names as they are written. */
function publisherOf(url: URL): string {
  const host = url.hostname.replace(/^www\d?\./i, '').replace(/\.$/, '');
  return cleanText(domainToUnicode(host) || host).slice(0, 200);
}

/** Every link of the blocks, in reading order, with its text (neighbouring runs of one link joined). */
function linksOf(blocks: BlockNode[]): { href: string; text: string }[] {
  const links: { href: string; text: string }[] = [];
  const visitInline = (nodes: InlineNode[] | undefined) => {
    let previous: { href: string; text: string } | undefined;
    for (const node of nodes ?? []) {
      const href = node.type === 'text' ? node.marks?.find((m) => m.type === 'link')?.attrs.href : undefined;
      if (href === undefined || node.type !== 'text') {
        previous = undefined;
        continue;
      }
      if (previous?.href === href) previous.text += node.text;
      else links.push((previous = { href, text: node.text }));
    }
  };
  const visit = (block: BlockNode | { type: string; content?: unknown[] }) => {
    const content = 'content' in block ? (block.content as unknown[] | undefined) : undefined;
    if (!content) return;
    const first = content[0] as { type?: string } | undefined;
    if (first?.type === 'text' || first?.type === 'hardBreak') visitInline(content as InlineNode[]);
    else for (const child of content) visit(child as BlockNode);
  };
  for (const block of blocks) visit(block);
  return links;
}
