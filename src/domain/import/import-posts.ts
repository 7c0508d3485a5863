import type { DomainContext } from '../context.js';
import { emptyDocument, type BlockNode } from '../posts/editor-document.js';
import type { CreatePostInput } from '../posts/post-input.js';
import { createPost, updatePost } from '../posts/save-post.js';
import { DomainError } from '../shared/errors.js';
import { cleanText } from '../shared/validate.js';
import type { WordPressImportPorts } from './import-ports.js';
import type { MediaResolver } from './import-media.js';
import { remember, source, type PeopleAndTerms } from './import-people.js';
import { asUpdate, sourcesFromLinks } from './link-sources.js';
import { imageKeyOf, imagesOf } from './wordpress-archives.js';
import { rewriteLinks, type OldUrls } from './import-redirects.js';
import { countUp, type ImportReport } from './import-report.js';
import type { WordPressContentContext, WxrItem } from './wordpress-export.js';
import { itemKeyOf, postKindOf, stripTags, termKey, type ExportIndex } from './wordpress-index.js';
import {
  languageOf,
  metaValue,
  modifiedDateOf,
  primaryCategoryId,
  publishedDateOf,
  seoOf,
  statusOf,
} from './wordpress-meta.js';

/** Everything one import run shares while it writes posts, inside its one transaction. */
export interface ImportRun {
  tx: DomainContext;
  ports: WordPressImportPorts;
  index: ExportIndex;
  people: PeopleAndTerms;
  media: MediaResolver;
  urls: OldUrls;
  report: ImportReport;
  /** WordPress id → the slug chosen for it before any post was written. */
  slugs: Map<string, string>;
  /** WordPress id → the post an earlier run (or an earlier file of this one) made of it. */
  existing: Map<string, string>;
  /** The WordPress ids met so far in this run's second pass. */
  seen: Set<string>;
  /** Image key → the WordPress id of the first post showing it (for its attachment page's redirect). */
  imageUsers: Map<string, string>;
}

const label = (item: WxrItem) => `${item.postType} ${item.postId} "${stripTags(item.title).slice(0, 80)}"`;

/** Imports one post or page: created the first time, updated on a re-run; skipped with its reason. */
export async function importItem(run: ImportRun, item: WxrItem): Promise<void> {
  if (item.postType !== 'post' && item.postType !== 'page') return;
  const counts = item.postType === 'post' ? run.report.posts : run.report.pages;
  const publishedAt = publishedDateOf(item);
  const mapping = statusOf(item, publishedAt, run.tx.clock.now());
  if ('skip' in mapping) {
    counts.skipped++;
    run.report.skips.push({ item: label(item), reason: mapping.skip });
    return;
  }
  if (mapping.note) run.report.notes.push({ item: label(item), note: mapping.note });
  const input = await postInputOf(run, item, { status: mapping.status, publishedAt });
  const key = itemKeyOf(item);
  if (run.seen.has(key))
    run.report.notes.push({ item: label(item), note: 'in more than one of the files: the last one is kept' });
  run.seen.add(key);
  const existingId = run.existing.get(key);
  try {
    const id = existingId ?? (await createPost(run.tx, input));
    if (existingId) await updatePost(run.tx, existingId, await asUpdate(run.tx, existingId, input));
    else await remember(run.tx, postKindOf(run.index), key, id);
    run.existing.set(key, id);
    const modified = modifiedDateOf(item);
    if (modified) await run.tx.repos.posts.update(id, { updatedAt: modified });
    if (existingId) counts.updated++;
    else counts.created++;
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'VALIDATION') throw error;
    counts.skipped++;
    const details = error.details?.map((d) => `${d.property} ${d.message}`).join('; ');
    run.report.skips.push({ item: label(item), reason: `${error.message}${details ? `: ${details}` : ''}` });
  }
}

async function postInputOf(
  run: ImportRun,
  item: WxrItem,
  { status, publishedAt }: { status: CreatePostInput['status']; publishedAt: string | null },
): Promise<CreatePostInput> {
  const content = await run.ports.contentToBlocks(
    rewriteLinks(item.content, run.urls),
    contentContext(run, item),
  );
  const { report } = run;
  countUp(report.unknownBlocks, content.report.unknownBlocks);
  countUp(report.unknownShortcodes, content.report.unknownShortcodes);
  report.embeds += content.report.embeds.length;
  for (const id of content.report.missingAttachments)
    report.notes.push({
      item: label(item),
      note: `gallery names attachment ${id}, which the export does not hold`,
    });
  noteImageUses(run, item, content.blocks);
  const blocks: BlockNode[] = await run.media.placeFigures(content.blocks);
  const seo = seoOf(item.meta);
  const sources = sourcesFromLinks(blocks, {
    isOwnSite: (url) => isOldSite(run.index, url),
    embeds: content.report.embeds,
  });
  return {
    type: item.postType === 'page' ? 'page' : 'post',
    title: cleanText(stripTags(item.title)).slice(0, 255) || 'Untitled',
    slug: run.slugs.get(itemKeyOf(item)),
    excerpt: (cleanText(stripTags(item.excerpt)) || content.teaser).slice(0, 1000),
    body: { type: 'doc', content: blocks.length > 0 ? blocks : emptyDocument().content },
    status,
    publishedAt: status === 'draft' ? null : publishedAt,
    language: languageOf(run.index.site?.language ?? ''),
    authorIds: authorIdsOf(run, item),
    tagIds: tagIdsOf(run, item),
    featuredImage: await featuredImageOf(run, item),
    isFeatured: item.isSticky,
    sources,
    ...seo,
  };
}

/** A URL on the old site's own domain (with or without `www.`): an internal link, not a source. */
function isOldSite(index: ExportIndex, url: URL): boolean {
  const bare = (host: string) => host.toLowerCase().replace(/^www\./, '');
  const host = bare(url.hostname);
  for (const site of index.siteUrls) {
    try {
      if (bare(new URL(site).hostname) === host) return true;
    } catch {
      // not a URL: it names no host
    }
  }
  return false;
}

function noteImageUses(run: ImportRun, item: WxrItem, blocks: BlockNode[]): void {
  const thumbnail = run.index.attachments.get(metaValue(item.meta, '_thumbnail_id'));
  const keys = [...(thumbnail ? [imageKeyOf(thumbnail.url)] : []), ...imagesOf(blocks)];
  for (const key of keys) if (!run.imageUsers.has(key)) run.imageUsers.set(key, itemKeyOf(item));
}

function contentContext(run: ImportRun, item: WxrItem): WordPressContentContext {
  const asAttachment = (a: { url: string; alt: string; caption: string }) => ({
    url: a.url,
    alt: a.alt,
    caption: a.caption,
  });
  return {
    attachment: (id) => {
      const found = run.index.attachments.get(id);
      return found && asAttachment(found);
    },
    postAttachments: () =>
      [...run.index.attachments.values()].filter((a) => a.parentId === item.postId).map(asAttachment),
  };
}

function authorIdsOf(run: ImportRun, item: WxrItem): string[] {
  const logins = [
    item.creator,
    ...item.terms.filter((t) => t.domain === 'author').map((t) => t.slug.replace(/^cap-/, '')),
  ];
  const ids = logins.flatMap((login) => run.people.authors.get(login) ?? []);
  return [...new Set(ids)].slice(0, 20);
}

/**
 * Categories then tags; the primary category (Yoast, RankMath; else the first) first, as the kicker.
 * A post in a child category is listed under its parents too, as WordPress's archives list it.
 */
function tagIdsOf(run: ImportRun, item: WxrItem): string[] {
  const categories = item.terms
    .filter((t) => t.domain === 'category')
    .map((t) => termKey('category', t.slug));
  const primaryId = primaryCategoryId(item.meta);
  const primary = [...run.index.terms].find(
    ([, term]) => term.taxonomy === 'category' && term.id === primaryId,
  );
  const ordered = primary && categories.includes(primary[0]) ? [primary[0], ...categories] : categories;
  const withParents = ordered.flatMap((key) => [key, ...ancestorsOf(run, key)]);
  const tags = item.terms
    .filter((t) => t.domain === 'post_tag' || t.domain === 'tag')
    .map((t) => termKey(t.domain, t.slug));
  const ids = [...withParents, ...tags].flatMap((key) => run.people.tags.get(key) ?? []);
  return [...new Set(ids)].slice(0, 50);
}

function ancestorsOf(run: ImportRun, key: string): string[] {
  const found: string[] = [];
  let parent = run.people.parents.get(key);
  while (parent && !found.includes(parent)) {
    found.push(parent);
    parent = run.people.parents.get(parent);
  }
  return found;
}

async function featuredImageOf(run: ImportRun, item: WxrItem): Promise<CreatePostInput['featuredImage']> {
  const thumbnailId = metaValue(item.meta, '_thumbnail_id');
  const attachment = thumbnailId ? run.index.attachments.get(thumbnailId) : undefined;
  if (!attachment) return null;
  const mediaId = await run.media.resolve(attachment.url);
  if (!mediaId) {
    if (run.media.isEnabled) return null;
    run.report.notes.push({
      item: label(item),
      note: `featured image ${attachment.url} not imported (no --uploads)`,
    });
    return null;
  }
  if (mediaId.startsWith('dry-run:')) return null;
  return {
    mediaId,
    alt: attachment.alt.slice(0, 1000) || null,
    caption: attachment.caption.slice(0, 2000) || null,
    credit: attachment.credit.slice(0, 500) || null,
  };
}

export { source };
