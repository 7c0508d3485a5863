import { drainRelatedJobs } from '../domain/posts/related-job.js';
import type { DomainContext } from '../domain/context.js';
import { importImage, storeProcessedImage } from '../domain/media/import-image.js';
import type { BlockNode, EditorDocument } from '../domain/posts/editor-document.js';
import { createNewsletter } from '../domain/newsletters/newsletters.js';
import { createPost } from '../domain/posts/save-post.js';
import { createPromotion } from '../domain/promos/promotions.js';
import { updateSiteSettings } from '../domain/settings/site-settings.js';
import { createStaff } from '../domain/staff/staff.js';
import { createTag } from '../domain/taxonomy/tags.js';
import type { SourceArchivePorts } from '../domain/ports.js';
import { archiveDemoSource, demoArchivedUrl } from './archived-source.js';
import { demoSite } from './demo-site.js';
import type { DemoBlock, DemoDoc, DemoPost, DemoSite } from './demo-site.types.js';
import { generateDemoImage } from './generate-image.js';
import { readPreparedImage } from './prepared-images.js';
import { systemActor } from '../domain/staff/permissions.js';
import { addPostNoteAs } from '../domain/posts/post-notes.js';

const dayMs = 86_400_000;

function linkFigures(blocks: DemoBlock[], mediaIds: Map<string, string>): BlockNode[] {
  return blocks.map((block): BlockNode => {
    if (block.type === 'figure') {
      const key = block.attrs.src.replace(/^demo:/, '');
      const id = mediaIds.get(key);
      if (!id) throw new Error(`Demo figure refers to unknown image ${key}`);
      return { type: 'figure', attrs: { ...block.attrs, src: `media:${id}` } };
    }
    if (block.type === 'blockquote')
      return { type: 'blockquote', content: linkFigures(block.content, mediaIds) };
    if (block.type === 'bulletList' || block.type === 'orderedList')
      return {
        type: block.type,
        content: block.content.map((li) => ({
          type: 'listItem',
          content: linkFigures(li.content, mediaIds),
        })),
      };
    return block as BlockNode;
  });
}

const toDocument = (doc: DemoDoc, mediaIds: Map<string, string>): EditorDocument => ({
  type: 'doc',
  content: linkFigures(doc.content, mediaIds),
});

/** A demo post's record: each note as of its own day after publication. */
async function addDemoNotes(ctx: DomainContext, post: DemoPost, id: string, publishedAt: Date) {
  for (const note of post.notes ?? []) {
    const at = new Date(publishedAt.getTime() + note.daysAfterPublication * dayMs);
    await addPostNoteAs(
      { ...ctx, clock: { now: () => at } },
      systemActor('The Skerry Review'),
      {
        type: post.type,
        id,
      },
      { kind: note.kind, body: note.body },
    );
  }
}

/** Loads the demo site (settings, generated images, authors, topics, posts, promotions, newsletters) through domain operations. */
export async function loadDemoSite(
  ctx: DomainContext,
  site: DemoSite = demoSite,
  /** Told what each long step is doing ("Creating the demo site: encoding 12 images (3/12)…"). */
  progress: (message: string) => void = () => {},
  /** The site's source archive: with it, the lead story's archived (and since gone) source is shown. */
  archive?: SourceArchivePorts,
): Promise<void> {
  const { policies, ...settings } = site.settings;
  await updateSiteSettings(ctx, systemActor('demo'), settings);
  const mediaIds = new Map<string, string>();
  for (const [i, image] of site.images.entries()) {
    const prepared = readPreparedImage(image);
    progress(
      `Creating the demo site: ${prepared ? 'storing' : 'encoding'} ${site.images.length} images (${i + 1}/${site.images.length})…`,
    );
    const description = {
      originalName: `${image.key}.jpg`,
      alt: image.alt,
      caption: image.caption,
      credit: image.credit,
    };
    const media = prepared
      ? await storeProcessedImage(ctx, prepared, description)
      : await importImage(ctx, { ...description, bytes: await generateDemoImage(image) });
    mediaIds.set(image.key, media.id);
  }
  const authorIds = new Map<string, string>();
  for (const author of site.authors) {
    const { slug, photo, ...fields } = author;
    const created = await createStaff(ctx, {
      ...fields,
      ...(photo ? { photoMediaId: mediaIds.get(photo) ?? null } : {}),
    });
    authorIds.set(slug, created.id);
  }
  const tagIds = new Map<string, string>();
  for (const tag of site.tags) tagIds.set(tag.slug, (await createTag(ctx, systemActor('demo'), tag)).id);
  const postIds = new Map<string, string>();
  const citing: { id: string; publishedAt: Date }[] = [];
  const now = ctx.clock.now().getTime();
  const ordered = [...site.posts].sort((a, b) => Number(!!a.translationOf) - Number(!!b.translationOf));
  for (const [i, post] of ordered.entries()) {
    progress(
      `Creating the demo site: writing ${ordered.length} posts and finding related posts (${i + 1}/${ordered.length})…`,
    );
    const publishedAt = new Date(now - post.publishedDaysAgo * dayMs);
    const asOfPublication = { ...ctx, clock: { now: () => publishedAt } };
    const id = await createPost(asOfPublication, {
      type: post.type,
      slug: post.slug,
      title: post.title,
      standfirst: post.standfirst ?? '',
      excerpt: post.excerpt,
      language: post.language,
      status: 'published',
      publishedAt: publishedAt.toISOString(),
      isFeatured: post.isFeatured ?? false,
      metaDescription: post.metaDescription ?? null,
      authorIds: post.authors.map((slug) => authorIds.get(slug)!).filter(Boolean),
      tagIds: post.tags.map((slug) => tagIds.get(slug)!).filter(Boolean),
      featuredImage: post.featuredImage
        ? { mediaId: mediaIds.get(post.featuredImage)!, ...post.featuredImageText }
        : null,
      body: toDocument(post.body, mediaIds),
      sources: post.sources,
      workType: post.workType,
      dateline: post.dateline ?? '',
      ...(post.translationOf ? { translationOf: postIds.get(post.translationOf)! } : {}),
    });
    postIds.set(post.slug, id);
    if (post.sources.some((source) => source.url === demoArchivedUrl)) citing.push({ id, publishedAt });
    await addDemoNotes(ctx, post, id, publishedAt);
  }
  if (archive) await archiveDemoSource(ctx, archive, citing);
  await updateSiteSettings(ctx, systemActor('demo'), {
    policies: Object.fromEntries(Object.entries(policies).map(([kind, slug]) => [kind, postIds.get(slug)!])),
  });
  progress('Creating the demo site: promotions and newsletters…');
  for (const [i, promo] of site.promotions.entries()) {
    await createPromotion(ctx, systemActor('demo'), {
      title: promo.title,
      body: promo.body,
      linkUrl: promo.linkUrl,
      ctaLabel: promo.ctaLabel,
      slot: promo.slot,
      language: promo.language ?? null,
      imageMediaId: promo.image ? (mediaIds.get(promo.image) ?? null) : null,
      sortOrder: i,
    });
  }
  for (const [i, newsletter] of site.newsletters.entries())
    await createNewsletter(ctx, systemActor('demo'), { ...newsletter, sortOrder: i });
  // The demo's "Check Also" lists are ready before its first page is served.
  progress('Creating the demo site: finding related posts…');
  await drainRelatedJobs(ctx);
}
