import type { ArchiveState, LinkState } from '../sources/source-ports.js';
import type { EditorDocument } from './editor-document.js';

export const postStatuses = ['draft', 'scheduled', 'published'] as const;
export type PostStatus = (typeof postStatuses)[number];
export const postTypes = ['post', 'page'] as const;
export type PostType = (typeof postTypes)[number];
export const promoSlots = ['after-article', 'sidebar'] as const;
export type PromoSlot = (typeof promoSlots)[number];
/** A post's promotion: the site's in their slots (default), none, or only the chosen one (`promotionId`). */
export const promotionModes = ['site', 'none', 'chosen'] as const;
export type PromotionMode = (typeof promotionModes)[number];

/** What kind of work a post is (the Trust Project's "type of work"), shown above its headline. */
export const workTypes = [
  'news',
  'analysis',
  'opinion',
  'review',
  'background',
  'sponsored',
  'fact-check',
] as const;
export type WorkType = (typeof workTypes)[number];

/** The kinds of note on a post's record; a correction is shown first and listed on /corrections/. */
export const noteKinds = ['correction', 'clarification', 'update', 'editors-note'] as const;
export type NoteKind = (typeof noteKinds)[number];

/** One note of a post's append-only record, as readers see it. */
export interface PostNote {
  id: string;
  kind: NoteKind;
  /** Plain text: escaped wherever it is shown. */
  body: string;
  authorName: string;
  createdAt: string;
}

export interface ImageVariant {
  width: number;
  height: number;
  format: 'avif' | 'webp' | 'jpeg' | 'png';
  key: string;
  sizeBytes: number;
}

/** A picture as it appears in one place: the media file plus the alt, caption and credit used there. */
export interface Picture {
  mediaId: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  variants: ImageVariant[];
}

export interface AuthorSummary {
  id: string;
  slug: string;
  name: string;
  bio: string;
  location: string;
  website: string;
  photo: Picture | null;
  jobTitle: string;
  expertise: string;
  contact: string;
  /** `@name@server`, or ''. */
  fediverse: string;
  /** Profiles elsewhere (schema.org `sameAs`). */
  profileLinks: string[];
}

export interface TagSummary {
  id: string;
  slug: string;
  name: string;
  kind: TagKind;
  description: string;
}

export const tagKinds = ['topic', 'person', 'organisation', 'place'] as const;
export type TagKind = (typeof tagKinds)[number];

export interface Source {
  id: string;
  publisher: string;
  title: string;
  url: string;
  note: string;
  archiveStatus: ArchiveState;
  /** The latest archived copy, when there is one: its snapshot id and when it was taken. */
  snapshot: { id: string; takenAt: string } | null;
  linkStatus: LinkState;
}

export interface SeoFields {
  metaTitle: string | null;
  metaDescription: string | null;
  ogTitle: string | null;
  ogDescription: string | null;
  twitterTitle: string | null;
  twitterDescription: string | null;
}

/** A post (or page) as every reader-facing surface sees it: the site, feeds, the Content API. */
export interface PostView {
  id: string;
  type: PostType;
  slug: string;
  title: string;
  standfirst: string;
  excerpt: string;
  bodyHtml: string;
  bodyText: string;
  status: PostStatus;
  isFeatured: boolean;
  language: string;
  translationGroup: string | null;
  featuredImage: Picture | null;
  canonicalUrl: string | null;
  seo: SeoFields;
  promotionMode: PromotionMode;
  promotionId: string | null;
  workType: WorkType;
  /** Where the reporting was done ('' for none). */
  dateline: string;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  authors: AuthorSummary[];
  tags: TagSummary[];
  sources: Source[];
  /** The post's record of corrections and other notes, oldest first. */
  notes: PostNote[];
}

/** The editable form of a post, as the admin and importers see it. */
export interface PostDraft extends PostView {
  bodyJson: EditorDocument;
}

/** Who is asking: decides which posts are visible (an access rule that becomes a query filter). */
export type Viewer = { kind: 'visitor' } | { kind: 'staff'; staffId: string; role: string };
export const visitor: Viewer = { kind: 'visitor' };
