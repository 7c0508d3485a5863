import type { DomainContext } from '../context.js';
import type { BlockNode } from '../posts/editor-document.js';
import { postPath } from '../../rendering/site-paths.js';
import type { OldUrls } from './import-redirects.js';
import type { ExportIndex, IndexedAttachment } from './wordpress-index.js';
import { uploadsKeyOf } from './wordpress-meta.js';

/**
 * Two kinds of old address that name no post of their own: WordPress's date archives and its
 * attachment pages. Both become 301s to a page of the new site that exists.
 */

/**
 * Broadsheet has no date archives: the nearest page that lists a year's, a month's or a day's posts
 * is the front page (newest first), so every old date archive leads there.
 */
const dateArchiveTarget = '/';

/**
 * `/2024/`, `/2024/05/`, `/2024/05/02/` (under the prefix the site's permalinks show, and `date/`
 * after it when they start with the post id, as WordPress files them), and `?m=2024…`, which every
 * WordPress site answers, for each day, month and year that has a published post.
 */
export function addDateArchives(urls: OldUrls, index: ExportIndex): void {
  const front = dateFrontOf(urls, index);
  const seen = new Set<string>();
  for (const post of index.posts.values()) {
    const date = /^(\d{4})-(\d{2})-(\d{2})/.exec(post.date);
    if (post.type !== 'post' || !post.isPublished || !date || date[1] === '0000') continue;
    const [, year, month, day] = date as unknown as [string, string, string, string];
    for (const parts of [[year], [year, month], [year, month, day]]) {
      const key = parts.join('/');
      if (seen.has(key)) continue;
      seen.add(key);
      if (front !== undefined) urls.addPath(`${front}${key}/`, dateArchiveTarget);
      urls.addPath(`/?m=${parts.join('')}`, dateArchiveTarget);
    }
  }
}

/**
 * Where the site's date archives start, read off its posts' permalinks: the part before the date in
 * `/news/2024/05/02/story/` (`/news/`); `/date/` when permalinks start with the post id
 * (`/archives/123`); `/` for `/story/`; undefined when the site has plain permalinks (`?p=123`),
 * which have only `?m=` archives. The most common reading among the posts wins.
 */
function dateFrontOf(urls: OldUrls, index: ExportIndex): string | undefined {
  const votes = new Map<string, number>();
  for (const post of index.posts.values()) {
    if (post.type !== 'post' || !post.isPublished) continue;
    const front = frontOfPost(urls, post.link, post.date, post.wpId);
    if (front !== null) votes.set(front ?? '', (votes.get(front ?? '') ?? 0) + 1);
  }
  const best = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
  return best === undefined ? '/' : best === '' ? undefined : best;
}

/** One post's reading (see dateFrontOf); null when its link says nothing. */
function frontOfPost(urls: OldUrls, link: string, date: string, wpId: string): string | undefined | null {
  let path: string;
  try {
    const parsed = new URL(link);
    if (/^\?p=\d+/.test(parsed.search)) return undefined;
    path = parsed.pathname;
  } catch {
    return null;
  }
  if (urls.base !== '' && path.startsWith(urls.base)) path = path.slice(urls.base.length);
  const year = date.slice(0, 4);
  const at = /^\d{4}$/.test(year) ? path.indexOf(`/${year}/`) : -1;
  if (at >= 0) return `${path.slice(0, at)}/`;
  const segments = path.split('/').filter(Boolean);
  const idAt = segments.indexOf(wpId);
  if (idAt >= 0 && idAt <= 2) return `/${[...segments.slice(0, idAt), 'date'].join('/')}/`;
  return segments.length > 1 ? `/${segments.slice(0, -1).join('/')}/` : '/';
}

/** One key for an image however the old site named a size of it (query and `-300x200` dropped). */
export function imageKeyOf(url: string): string {
  return (
    uploadsKeyOf(url) ??
    url
      .trim()
      .replace(/[?#].*$/, '')
      .replace(/^https?:\/\//i, '')
      .replace(/-\d{1,5}x\d{1,5}(?=\.[a-z0-9]+$)/i, '')
      .toLowerCase()
  );
}

/** The images a post's blocks show, by image key. */
export function imagesOf(blocks: BlockNode[]): string[] {
  const keys: string[] = [];
  for (const block of blocks) {
    if (block.type === 'figure') keys.push(imageKeyOf(block.attrs.src));
    else if (block.type === 'gallery') keys.push(...block.attrs.images.map((i) => imageKeyOf(i.src)));
    else if (block.type === 'blockquote') keys.push(...imagesOf(block.content));
  }
  return keys;
}

/**
 * Before the posts are written: each attachment page of a post the export has as published → that
 * post, so that links to attachment pages inside the posts are rewritten too. The pages are looked
 * at again once the posts are written (addAttachmentPages).
 */
export function addAttachmentParents(urls: OldUrls, index: ExportIndex, slugs: Map<string, string>): void {
  for (const attachment of index.attachments.values()) {
    const parent = index.posts.get(attachment.parentId);
    const slug = slugs.get(attachment.parentId);
    if (!parent?.isPublished || slug === undefined) continue;
    addAttachmentPage(urls, attachment, postPath({ slug }));
  }
}

function addAttachmentPage(urls: OldUrls, attachment: IndexedAttachment, target: string): void {
  if (/^\d+$/.test(attachment.wpId)) urls.addPath(`/?attachment_id=${attachment.wpId}`, target);
  if (attachment.link) urls.addUrl(attachment.link, target);
}

export interface AttachmentTargets {
  /** WordPress id → the Broadsheet post made of it. */
  posts: Map<string, string>;
  /** Image key → the WordPress id of the first post showing it (in its body or as its featured image). */
  imageUsers: Map<string, string>;
}

/**
 * Each attachment page (`?attachment_id=N` and its permalink) → the published post it belongs to,
 * else the first published post that shows the image, else the image itself (its media item, or
 * its address when that is not on the old site); left out when none of these exists.
 */
export async function addAttachmentPages(
  tx: DomainContext,
  urls: OldUrls,
  index: ExportIndex,
  targets: AttachmentTargets,
): Promise<void> {
  for (const attachment of index.attachments.values()) {
    const target = await attachmentTarget(tx, urls, attachment, targets);
    if (target !== undefined) addAttachmentPage(urls, attachment, target);
  }
}

async function attachmentTarget(
  tx: DomainContext,
  urls: OldUrls,
  attachment: IndexedAttachment,
  targets: AttachmentTargets,
): Promise<string | undefined> {
  for (const wpId of [attachment.parentId, targets.imageUsers.get(imageKeyOf(attachment.url))]) {
    const postId = wpId ? targets.posts.get(wpId) : undefined;
    const post = postId ? await tx.repos.posts.findById(postId) : undefined;
    if (post?.status === 'published') return postPath(post);
  }
  if (attachment.uploadsKey) {
    const mediaId = await tx.repos.importedItems.find('wordpress', 'media-path', attachment.uploadsKey);
    const media = mediaId ? await tx.repos.media.findById(mediaId) : undefined;
    // The largest JPEG or PNG, which every browser shows (else the largest of any format).
    const variants = media?.variants ?? [];
    const plain = variants.filter((v) => v.format === 'jpeg' || v.format === 'png');
    const largest = [...(plain.length > 0 ? plain : variants)].sort((a, b) => b.width - a.width)[0];
    if (largest) return tx.blobs.publicPath(largest.key);
  }
  const isElsewhere = /^https?:\/\/\S+$/i.test(attachment.url) && !urls.isOldSiteUrl(attachment.url);
  return isElsewhere && attachment.url.length <= 2048 ? attachment.url : undefined;
}
