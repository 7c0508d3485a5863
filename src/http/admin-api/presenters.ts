import type { z } from 'zod';
import type {
  ApiTokenRecord,
  MediaRecord,
  PostNoteRecord,
  PostRecord,
  PromotionRecord,
  RedirectRecord,
  SourceRecord,
  TagRecord,
} from '../../domain/ports.js';
import { snapshotPath } from '../../rendering/site-paths.js';
import type { EditorDocument } from '../../domain/posts/editor-document.js';
import type { PostEditorView, PostSummaryView } from '../../domain/posts/admin-post-views.js';
import type { RevisionRecord } from '../../domain/ports.js';
import type { Role } from '../../domain/staff/permissions.js';
import type {
  apiTokenAnswer,
  mediaAnswer,
  noteAnswer,
  postAnswer,
  postSummaryAnswer,
  promotionAnswer,
  redirectAnswer,
  revisionAnswer,
  tagAnswer,
} from './answers.js';

/*
 * The Admin API's presenters: each lists the fields that leave the server; nothing else does. Each
 * returns its answer schema's input type (answers.ts), so a field added here and not there fails the build.
 */

type PublicPath = (key: string) => string;

const postUrl = (siteUrl: string, post: PostRecord) => `${siteUrl}/${encodeURIComponent(post.slug)}/`;

/** Post summaries for lists. */
export function presentPostSummaries(
  siteUrl: string,
  views: PostSummaryView[],
): z.input<typeof postSummaryAnswer>[] {
  return views.map(({ post: p, authors, tags }) => ({
    id: p.id,
    type: p.type,
    slug: p.slug,
    title: p.title,
    status: p.status,
    language: p.language,
    publishedAt: p.publishedAt,
    updatedAt: p.updatedAt,
    url: postUrl(siteUrl, p),
    authors: authors.map((a) => ({ id: a.id, name: a.name })),
    tags: tags.map((t) => ({ id: t.id, name: t.name })),
  }));
}

function presentFeaturedImage(publicPath: PublicPath, post: PostRecord, media: MediaRecord | undefined) {
  if (!post.featuredMediaId) return null;
  return {
    mediaId: post.featuredMediaId,
    alt: post.featuredAlt,
    caption: post.featuredCaption,
    credit: post.featuredCredit,
    url: media ? publicPath(media.storageKey) : null,
  };
}

/** A post with everything the editor shows. */
export function presentPost(
  deps: { siteUrl: string; publicPath: PublicPath },
  view: PostEditorView,
): z.input<typeof postAnswer> {
  const { post, authors, tags, sources, translations } = view;
  return {
    id: post.id,
    type: post.type,
    slug: post.slug,
    title: post.title,
    standfirst: post.standfirst,
    excerpt: post.excerpt,
    body: JSON.parse(post.bodyJson) as EditorDocument,
    status: post.status,
    publishedAt: post.publishedAt,
    language: post.language,
    translationGroup: post.translationGroup,
    authors: authors.map((a) => ({ id: a.id, name: a.name })),
    tags: tags.map((t) => ({ id: t.id, name: t.name, slug: t.slug, kind: t.kind })),
    featuredImage: presentFeaturedImage(deps.publicPath, post, view.featuredMedia),
    sources: sources.map((s) => ({ ...presentSourceState(s), note: s.note, reviewState: s.reviewState })),
    translations: translations.map((t) => ({ id: t.id, language: t.language, title: t.title })),
    canonicalUrl: post.canonicalUrl,
    metaTitle: post.metaTitle,
    metaDescription: post.metaDescription,
    ogTitle: post.ogTitle,
    ogDescription: post.ogDescription,
    twitterTitle: post.twitterTitle,
    twitterDescription: post.twitterDescription,
    promotionMode: post.promotionMode,
    promotionId: post.promotionId,
    isFeatured: post.isFeatured,
    workType: post.workType,
    dateline: post.dateline,
    notes: view.notes.map(presentNote),
    url: postUrl(deps.siteUrl, post),
    createdAt: post.createdAt,
    updatedAt: post.updatedAt,
  };
}

export const presentNote = (n: PostNoteRecord): z.input<typeof noteAnswer> => ({
  id: n.id,
  kind: n.kind,
  body: n.body,
  authorName: n.authorName,
  createdAt: n.createdAt,
});

export const presentMedia = (publicPath: PublicPath, m: MediaRecord): z.input<typeof mediaAnswer> => ({
  id: m.id,
  url: publicPath(m.storageKey),
  width: m.width,
  height: m.height,
  mimeType: m.mimeType,
  originalName: m.originalName,
  sizeBytes: m.sizeBytes,
  alt: m.alt,
  caption: m.caption,
  credit: m.credit,
  uploadedBy: m.uploadedBy,
  createdAt: m.createdAt,
});

export const presentTag = (t: TagRecord, postCount?: number): z.input<typeof tagAnswer> => ({
  id: t.id,
  slug: t.slug,
  name: t.name,
  kind: t.kind,
  description: t.description,
  language: t.language,
  ...(postCount === undefined ? {} : { postCount }),
});

export const presentPromotion = (
  publicPath: PublicPath,
  p: PromotionRecord,
  image?: MediaRecord,
): z.input<typeof promotionAnswer> => ({
  id: p.id,
  title: p.title,
  body: p.body,
  imageMediaId: p.imageMediaId,
  imageUrl: image ? publicPath(image.storageKey) : null,
  linkUrl: p.linkUrl,
  ctaLabel: p.ctaLabel,
  slot: p.slot,
  language: p.language,
  isActive: p.isActive,
  sortOrder: p.sortOrder,
});

export const presentRedirect = (r: RedirectRecord): z.input<typeof redirectAnswer> => ({
  id: r.id,
  fromPath: r.fromPath,
  toUrl: r.toUrl,
  statusCode: r.statusCode,
});

export const presentToken = (t: ApiTokenRecord): z.input<typeof apiTokenAnswer> => ({
  id: t.id,
  name: t.name,
  role: t.role as Role,
  createdAt: t.createdAt,
  lastUsedAt: t.lastUsedAt,
  createdBy: t.createdBy,
});

export const presentRevision = (r: Omit<RevisionRecord, 'snapshot'>): z.input<typeof revisionAnswer> => ({
  id: r.id,
  createdAt: r.createdAt,
  staffName: r.staffName,
  title: r.title,
  isAutosave: r.isAutosave,
});

/** A source's fields and its archive and link health, as the editor and the link-health screen show them. */
export function presentSourceState(s: SourceRecord) {
  return {
    id: s.id,
    publisher: s.publisher,
    title: s.title,
    url: s.url,
    archiveStatus: s.archiveStatus,
    archivedAt: s.archivedAt,
    archivePath: s.snapshotId ? snapshotPath({ id: s.snapshotId }) : null,
    archiveError: s.archiveError,
    linkStatus: s.linkStatus,
    linkCheckedAt: s.linkCheckedAt,
  };
}
