import type { DomainContext } from '../context.js';
import { toPicture } from '../media/picture.js';
import type {
  MediaRecord,
  PostNoteRecord,
  PostRecord,
  SourceRecord,
  StaffRecord,
  TagRecord,
} from '../ports.js';
import { publicTagsOf } from '../taxonomy/internal-tags.js';
import type { AuthorSummary, PostNote, PostView, Source, TagSummary } from './post.types.js';

const toTagSummary = (t: TagRecord): TagSummary => ({
  id: t.id,
  slug: t.slug,
  name: t.name,
  kind: t.kind,
  description: t.description,
});

export function toAuthorSummary(s: StaffRecord, media: Map<string, MediaRecord>): AuthorSummary {
  const photo = s.photoMediaId ? media.get(s.photoMediaId) : undefined;
  return {
    id: s.id,
    slug: s.slug,
    name: s.name,
    bio: s.bio,
    location: s.location,
    website: s.website,
    photo: photo ? toPicture(photo, { alt: s.name }) : null,
    jobTitle: s.jobTitle,
    expertise: s.expertise,
    contact: s.contact,
    fediverse: s.fediverse,
    profileLinks: s.profileLinks,
  };
}

const toSource = (s: SourceRecord): Source => ({
  id: s.id,
  publisher: s.publisher,
  title: s.title,
  url: s.url,
  note: s.note,
  archiveStatus: s.archiveStatus,
  snapshot: s.snapshotId && s.archivedAt ? { id: s.snapshotId, takenAt: s.archivedAt } : null,
  linkStatus: s.linkStatus,
});

export const toPostNote = (n: PostNoteRecord): PostNote => ({
  id: n.id,
  kind: n.kind,
  body: n.body,
  authorName: n.authorName,
  createdAt: n.createdAt,
});

function byId<T extends { id: string }>(items: T[]): Map<string, T> {
  return new Map(items.map((i) => [i.id, i]));
}

/** Turns stored posts into the views every reader-facing surface uses, in a fixed number of queries. */
export async function hydratePosts(ctx: DomainContext, records: PostRecord[]): Promise<PostView[]> {
  if (records.length === 0) return [];
  const { repos } = ctx;
  const ids = records.map((r) => r.id);
  const [authors, tags, sources, notes] = await Promise.all([
    repos.posts.authorsFor(ids),
    repos.posts.tagsFor(ids),
    repos.posts.sourcesFor(ids),
    repos.notes.notesFor(ids),
  ]);
  const mediaIds = [
    ...records.map((r) => r.featuredMediaId),
    ...[...authors.values()].flat().map((s) => s.photoMediaId),
  ];
  const media = byId(await repos.media.findByIds([...new Set(mediaIds.filter((m): m is string => !!m))]));
  return records.map((r) =>
    toPostView(r, {
      authors: (authors.get(r.id) ?? []).map((s) => toAuthorSummary(s, media)),
      tags: publicTagsOf(tags.get(r.id) ?? []).map(toTagSummary),
      sources: (sources.get(r.id) ?? []).map(toSource),
      notes: (notes.get(r.id) ?? []).map(toPostNote),
      featured: r.featuredMediaId ? media.get(r.featuredMediaId) : undefined,
    }),
  );
}

interface Related {
  authors: AuthorSummary[];
  tags: TagSummary[];
  sources: Source[];
  notes: PostNote[];
  featured: MediaRecord | undefined;
}

function toPostView(r: PostRecord, rel: Related): PostView {
  return {
    id: r.id,
    type: r.type,
    slug: r.slug,
    title: r.title,
    standfirst: r.standfirst,
    excerpt: r.excerpt,
    bodyHtml: r.bodyHtml,
    bodyText: r.bodyText,
    status: r.status,
    isFeatured: r.isFeatured,
    language: r.language,
    translationGroup: r.translationGroup,
    featuredImage: rel.featured
      ? toPicture(rel.featured, { alt: r.featuredAlt, caption: r.featuredCaption, credit: r.featuredCredit })
      : null,
    canonicalUrl: r.canonicalUrl,
    seo: {
      metaTitle: r.metaTitle,
      metaDescription: r.metaDescription,
      ogTitle: r.ogTitle,
      ogDescription: r.ogDescription,
      twitterTitle: r.twitterTitle,
      twitterDescription: r.twitterDescription,
    },
    promotionMode: r.promotionMode,
    promotionId: r.promotionId,
    workType: r.workType,
    dateline: r.dateline,
    publishedAt: r.publishedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    authors: rel.authors,
    tags: rel.tags,
    sources: rel.sources,
    notes: rel.notes,
  };
}
