import type { DomainContext } from '../context.js';
import { emptyDocument } from '../posts/editor-document.js';
import type { CreatePostInput } from '../posts/post-input.js';
import type { PostStatus } from '../posts/post.types.js';
import { createPost, updatePost } from '../posts/save-post.js';
import { DomainError } from '../shared/errors.js';
import { cleanText } from '../shared/validate.js';
import type { GhostExport, GhostPost } from './ghost-export.js';
import type { MediaResolver } from './import-media.js';
import type { GhostImportPorts } from './import-ports.js';
import { rememberFrom } from './import-people.js';
import { asUpdate, sourcesFromLinks } from './link-sources.js';
import { countUp, type ImportReport } from './import-report.js';
import { stripTags } from './wordpress-index.js';

export const ghostSource = 'ghost';

/** Everything one Ghost import shares while it writes, inside its one transaction. */
export interface GhostRun {
  tx: DomainContext;
  ports: GhostImportPorts;
  exported: GhostExport;
  report: ImportReport;
  media: MediaResolver;
  /** Ghost user id → staff id; Ghost tag id → tag id. */
  authors: Map<string, string>;
  tags: Map<string, string>;
  /** Ghost post uuid → the slug chosen for it before any post was written. */
  slugs: Map<string, string>;
  /** Ghost post uuid → the post an earlier run made of it. */
  existing: Map<string, string>;
  language: string;
}

const label = (post: GhostPost) => `${post.type} "${cleanText(post.title).slice(0, 80) || post.slug}"`;

/** How a Ghost post's status and visibility land here, with the reason when not as they were. */
export function statusOfGhost(post: GhostPost, now: Date): { status: PostStatus; note?: string } {
  const isPublic = post.visibility === 'public' || post.visibility === '';
  const audience =
    post.visibility === 'paid' ? 'paying members' : post.visibility === 'tiers' ? 'some tiers' : 'members';
  const hidden = `for ${audience} only in Ghost: kept as a draft (Broadsheet has no members-only posts)`;
  switch (post.status) {
    case 'published':
      return isPublic ? { status: 'published' } : { status: 'draft', note: hidden };
    case 'scheduled':
      if (!isPublic) return { status: 'draft', note: hidden };
      return post.publishedAt && Date.parse(post.publishedAt) > now.getTime()
        ? { status: 'scheduled' }
        : { status: 'draft', note: 'scheduled for a time that has passed: kept as a draft' };
    case 'draft':
      return { status: 'draft' };
    case 'sent':
      return { status: 'draft', note: 'sent by email only in Ghost: kept as a draft' };
    default:
      return { status: 'draft', note: `unknown status "${post.status.slice(0, 40)}": kept as a draft` };
  }
}

/** Imports one post or page: created the first time, updated on a re-run; skipped with its reason. */
export async function importGhostPost(run: GhostRun, post: GhostPost): Promise<void> {
  const counts = post.type === 'page' ? run.report.pages : run.report.posts;
  const mapping = statusOfGhost(post, run.tx.clock.now());
  if (mapping.note) run.report.notes.push({ item: label(post), note: mapping.note });
  for (const field of post.codeInjection) run.report.ghost!.codeInjection.push(`${label(post)}: ${field}`);
  const input = await postInputOf(run, post, mapping.status);
  const existingId = run.existing.get(post.uuid);
  try {
    const id = existingId ?? (await createPost(run.tx, input));
    if (existingId) await updatePost(run.tx, existingId, await asUpdate(run.tx, existingId, input));
    else await rememberFrom(run.tx, { source: ghostSource, kind: 'post', key: post.uuid, targetId: id });
    run.existing.set(post.uuid, id);
    if (post.updatedAt) await run.tx.repos.posts.update(id, { updatedAt: post.updatedAt });
    if (existingId) counts.updated++;
    else counts.created++;
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'VALIDATION') throw error;
    counts.skipped++;
    const details = error.details?.map((d) => `${d.property} ${d.message}`).join('; ');
    run.report.skips.push({ item: label(post), reason: `${error.message}${details ? `: ${details}` : ''}` });
  }
}

async function postInputOf(run: GhostRun, post: GhostPost, status: PostStatus): Promise<CreatePostInput> {
  const content = await run.ports.contentToBlocks(post);
  const ghost = run.report.ghost!;
  countUp(ghost.unknownCards, content.report.unknownCards);
  countUp(ghost.droppedCards, content.report.droppedCards);
  run.report.embeds += content.report.embeds.length;
  const blocks = await run.media.placeFigures(content.blocks);
  const optional = (value: string, max: number) => cleanText(value).slice(0, max) || null;
  return {
    type: post.type,
    title: cleanText(post.title).slice(0, 255) || 'Untitled',
    slug: run.slugs.get(post.uuid),
    excerpt: cleanText(post.customExcerpt).slice(0, 1000),
    body: { type: 'doc', content: blocks.length > 0 ? blocks : emptyDocument().content },
    status,
    publishedAt: status === 'draft' ? null : post.publishedAt,
    language: run.language,
    authorIds: [...new Set(post.authorIds.flatMap((id) => run.authors.get(id) ?? []))].slice(0, 20),
    tagIds: [...new Set(post.tagIds.flatMap((id) => run.tags.get(id) ?? []))].slice(0, 50),
    featuredImage: await featuredImageOf(run, post),
    isFeatured: post.isFeatured,
    // Ghost writes its own address as __GHOST_URL__, which the content already made a site path.
    sources: sourcesFromLinks(blocks, { isOwnSite: () => false, embeds: content.report.embeds }),
    metaTitle: optional(post.metaTitle, 300),
    metaDescription: optional(post.metaDescription, 500),
    ogTitle: optional(post.ogTitle, 300),
    ogDescription: optional(post.ogDescription, 500),
    twitterTitle: optional(post.twitterTitle, 300),
    twitterDescription: optional(post.twitterDescription, 500),
    canonicalUrl: /^https?:\/\/\S+$/i.test(post.canonicalUrl) ? post.canonicalUrl.slice(0, 2000) : null,
  };
}

async function featuredImageOf(run: GhostRun, post: GhostPost): Promise<CreatePostInput['featuredImage']> {
  if (!post.featureImage) return null;
  const url = post.featureImage.replace(/__GHOST_URL__/g, '');
  const mediaId = await run.media.resolve(url);
  if (!mediaId) {
    // A missing file of the site's own is listed under missing media by the resolver.
    const why = !run.media.isOwnImage(url)
      ? "is not one of the site's images (a media item needs the file)"
      : !run.media.isEnabled
        ? 'not imported (no --images)'
        : undefined;
    if (why) run.report.notes.push({ item: label(post), note: `feature image ${url.slice(0, 300)} ${why}` });
    return null;
  }
  if (mediaId.startsWith('dry-run:')) return null;
  return {
    mediaId,
    alt: cleanText(post.featureImageAlt).slice(0, 1000) || null,
    caption: cleanText(stripTags(post.featureImageCaption)).slice(0, 2000) || null,
    credit: null,
  };
}
