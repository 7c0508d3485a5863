import type {
  ImageVariant,
  NoteKind,
  PostStatus,
  PostType,
  PromoSlot,
  PromotionMode,
  TagKind,
  WorkType,
} from './posts/post.types.js';

import type { IdempotencyRepository } from './idempotency-ports.js';
import type { ImportedItemRepository } from './import/import-ports.js';
import type { ImportJobRepository } from './import/import-job-ports.js';
import type {
  ContentApiKeyRepository,
  PublicTaxonomyRepository,
  SortKey,
} from './content-api/content-api-ports.js';
import type { FilterExpression } from './content-api/nql.js';
import type {
  MemberImportRepository,
  MemberRepository,
  NewsletterRepository,
  NewsletterSendRepository,
} from './newsletter-ports.js';
import type { RelatedRepository } from './related-ports.js';
import type { ArchiveState, LinkState, SourceRepository } from './sources/source-ports.js';
import type { SearchIndex } from './search/search-port.js';
import type { InvitationRepository, PasswordResetRepository, SessionRepository } from './staff-ports.js';
import type {
  DeviceRepository,
  RateLimitRepository,
  SecondFactorRepository,
  SignInLinkRepository,
} from './sign-in-ports.js';

export type * from './idempotency-ports.js';
export type * from './newsletter-ports.js';
export type * from './staff-ports.js';
export type * from './related-ports.js';
export type * from './sources/source-ports.js';
export type * from './search/search-port.js';
export type * from './sign-in-ports.js';

/* Records as the domain stores them. Repositories (src/storage) map them to rows. */

export interface PostRecord {
  id: string;
  type: PostType;
  slug: string;
  title: string;
  standfirst: string;
  excerpt: string;
  bodyJson: string;
  bodyHtml: string;
  bodyText: string;
  status: PostStatus;
  isFeatured: boolean;
  language: string;
  translationGroup: string | null;
  featuredMediaId: string | null;
  featuredAlt: string | null;
  featuredCaption: string | null;
  featuredCredit: string | null;
  canonicalUrl: string | null;
  metaTitle: string | null;
  metaDescription: string | null;
  ogTitle: string | null;
  ogDescription: string | null;
  twitterTitle: string | null;
  twitterDescription: string | null;
  promotionMode: PromotionMode;
  promotionId: string | null;
  workType: WorkType;
  dateline: string;
  publishedAt: string | null;
  /** When the post first went live; kept when it is unpublished (null: never published). */
  firstPublishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SourceRecord {
  id: string;
  postId: string;
  publisher: string;
  title: string;
  url: string;
  note: string;
  sortOrder: number;
  archiveStatus: ArchiveState;
  /** The latest snapshot's id (null until one is taken). */
  snapshotId: string | null;
  archivedAt: string | null;
  archiveError: string;
  linkStatus: LinkState;
  linkCheckedAt: string | null;
  /** `imported`: offered by an import from a link in the post, for an editor to confirm or remove. */
  reviewState: SourceReviewState;
}

export type SourceReviewState = 'imported' | null;

/** One note of a post's append-only record (the database refuses to change or delete it). */
export interface PostNoteRecord {
  id: string;
  postId: string;
  kind: NoteKind;
  body: string;
  authorId: string | null;
  authorName: string;
  createdAt: string;
}

/** A correction as `/corrections/` lists it: the note and the post it corrects. */
export interface ListedCorrection {
  note: PostNoteRecord;
  post: { slug: string; title: string; language: string };
}

/** Where a keyset page of a list starts: after this time and id (exclusive), going back in time. */
export interface NoteCursor {
  createdAt: string;
  id: string;
}

export interface PostNoteRepository {
  /** Appends a note; its post's listing is copied onto it in the same statement. */
  append(note: PostNoteRecord): Promise<void>;
  /** Each post's notes, oldest first, in one query. */
  notesFor(postIds: string[]): Promise<Map<string, PostNoteRecord[]>>;
  /** Published posts' notes of `kind` in `language`, newest first, older than `before`: one index walk. */
  listed(query: {
    language: string;
    kind: NoteKind;
    before: NoteCursor | null;
    limit: number;
  }): Promise<ListedCorrection[]>;
  findById(id: string): Promise<PostNoteRecord | undefined>;
}

export interface TagRecord {
  id: string;
  slug: string;
  name: string;
  kind: TagKind;
  description: string;
  language: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface StaffRecord {
  id: string;
  slug: string;
  name: string;
  email: string;
  role: string;
  status: string;
  bio: string;
  location: string;
  website: string;
  photoMediaId: string | null;
  /** The language of the admin and of emails to this person: `en` or `nb`. */
  locale: string;
  jobTitle: string;
  expertise: string;
  contact: string;
  fediverse: string;
  profileLinks: string[];
  createdAt: string;
  updatedAt: string;
}

export interface MediaRecord {
  id: string;
  storageKey: string;
  originalName: string;
  mimeType: string;
  width: number;
  height: number;
  sizeBytes: number;
  alt: string;
  caption: string;
  credit: string;
  variants: ImageVariant[];
  /** The staff member who uploaded it (null for imports and the demo). */
  uploadedBy: string | null;
  createdAt: string;
  updatedAt: string;
  /**
   * `pending` while an imported original is served as it is and the media-variants job has yet to
   * make its variants; `failed` when it could not (the original stays served). Absent means `done`.
   */
  variantsState?: VariantsState;
  /** The stored original of an imported image (kept: pages cached before its variants show it). */
  originalKey?: string | null;
}

export type VariantsState = 'done' | 'pending' | 'failed';

/** An image whose variants one process has claimed (media-variants job). */
export interface ClaimedMedia {
  media: MediaRecord;
  /** How many times it has been claimed, this one included. */
  attempts: number;
}

/** What the media-variants job made of a claimed image. */
export interface MadeVariants {
  storageKey: string;
  mimeType: string;
  width: number;
  height: number;
  sizeBytes: number;
  variants: ImageVariant[];
}

export interface PromotionRecord {
  id: string;
  title: string;
  body: string;
  imageMediaId: string | null;
  linkUrl: string;
  ctaLabel: string;
  slot: PromoSlot;
  language: string | null;
  isActive: boolean;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
}

/** Which posts a query may return: the access rule, expressed as data the repository turns into SQL. */
export interface PostFilter {
  /** Of a set of translations, keep only the version in this language (when it passes the filter). */
  preferredLanguage?: string;
  ids?: string[];
  types?: PostType[];
  statuses?: PostStatus[];
  tagId?: string;
  authorId?: string;
  language?: string;
  slug?: string;
  excludeIds?: string[];
  isFeatured?: boolean;
  /** Case-insensitive search in titles. */
  titleContains?: string;
  /** A Content API filter, its fields already checked against the posts' (src/domain/content-api). */
  expression?: FilterExpression;
}

/** How much of a post to load: teasers need no body; readers need no editor document. */
export type PostProjection = 'full' | 'reader' | 'teaser';

export interface Page {
  offset: number;
  limit: number;
  /** Newest publication first (default), or most recently changed first (the admin's lists). */
  order?: 'published' | 'updated';
  /** An explicit order (the Content API's `order`); wins over `order`. The id breaks ties. */
  sort?: SortKey[];
}

export interface RelatedLink {
  relatedPostId: string;
  rank: number;
  score: number;
}

export interface PostRepository {
  insert(post: PostRecord): Promise<void>;
  update(id: string, patch: Partial<Omit<PostRecord, 'id' | 'createdAt'>>): Promise<void>;
  delete(id: string): Promise<void>;
  findById(id: string): Promise<PostRecord | undefined>;
  /**
   * Reads a post that the current transaction is about to change, holding it until the commit where
   * the database has row locks, so two saves of one post take turns and their revisions keep order.
   */
  findForChange(id: string): Promise<PostRecord | undefined>;
  findOne(filter: PostFilter, projection?: PostProjection): Promise<PostRecord | undefined>;
  list(filter: PostFilter, page: Page, projection?: PostProjection): Promise<PostRecord[]>;
  count(filter: PostFilter): Promise<number>;
  isSlugTaken(slug: string, exceptId?: string): Promise<boolean>;
  findDueScheduled(now: string): Promise<PostRecord[]>;
  translations(group: string, filter: PostFilter): Promise<PostRecord[]>;
  setAuthors(postId: string, staffIds: string[]): Promise<void>;
  setTags(postId: string, tagIds: string[]): Promise<void>;
  /** Each post's authors and tags, in their order, in one query each. */
  authorsFor(postIds: string[]): Promise<Map<string, StaffRecord[]>>;
  tagsFor(postIds: string[]): Promise<Map<string, TagRecord[]>>;
  tagIdsFor(postIds: string[]): Promise<Map<string, string[]>>;
  sourcesFor(postIds: string[]): Promise<Map<string, SourceRecord[]>>;
  replaceRelated(postId: string, related: RelatedLink[]): Promise<void>;
  /** The stored related posts that pass the filter, best first. */
  related(postId: string, filter: PostFilter, limit: number): Promise<PostRecord[]>;
  lastUpdatedAt(filter: PostFilter): Promise<string | null>;
  /** Posts that show a media file (as featured image or in the body). */
  usingMedia(mediaId: string): Promise<Pick<PostRecord, 'id' | 'title' | 'type' | 'status'>[]>;
  /** Ids of posts of any status after `afterId` in id order: a keyset walk over every post. */
  idsAfter(afterId: string | null, limit: number): Promise<string[]>;
}

/** What a sitemap shows of one published post or page. */
export interface SitemapPostRecord {
  slug: string;
  title: string;
  language: string;
  updatedAt: string;
  publishedAt: string | null;
  featuredVariants: ImageVariant[];
}

/** Lean reads for sitemaps, bounded per call whatever the archive's size. */
export interface SitemapRepository {
  countPublished(type: PostType): Promise<number>;
  /** Published posts of a type in id order (new posts land in the last chunk). */
  publishedChunk(type: PostType, offset: number, limit: number): Promise<SitemapPostRecord[]>;
  /** Published posts of a type published at or after `since`, newest first. */
  publishedSince(type: PostType, since: string, limit: number): Promise<SitemapPostRecord[]>;
}

export interface TagRepository {
  insert(tag: TagRecord): Promise<void>;
  update(id: string, patch: Partial<Omit<TagRecord, 'id' | 'createdAt'>>): Promise<void>;
  delete(id: string): Promise<void>;
  findById(id: string): Promise<TagRecord | undefined>;
  findBySlug(slug: string): Promise<TagRecord | undefined>;
  findByIds(ids: string[]): Promise<TagRecord[]>;
  list(): Promise<TagRecord[]>;
  isSlugTaken(slug: string, exceptId?: string): Promise<boolean>;
  /** How many posts (of any status) carry each tag; tags on no post are absent. */
  postCounts(): Promise<Map<string, number>>;
}

export interface StaffRepository {
  insert(staff: StaffRecord): Promise<void>;
  update(id: string, patch: Partial<Omit<StaffRecord, 'id' | 'createdAt'>>): Promise<void>;
  findById(id: string): Promise<StaffRecord | undefined>;
  findBySlug(slug: string): Promise<StaffRecord | undefined>;
  findByEmail(email: string): Promise<StaffRecord | undefined>;
  findByIds(ids: string[]): Promise<StaffRecord[]>;
  list(): Promise<StaffRecord[]>;
  isSlugTaken(slug: string, exceptId?: string): Promise<boolean>;
  passwordHashOf(id: string): Promise<string | null>;
  setPasswordHash(id: string, hash: string, now: string): Promise<void>;
  countByRole(role: string): Promise<number>;
}

export interface MediaRepository {
  insert(media: MediaRecord): Promise<void>;
  update(
    id: string,
    patch: Partial<Pick<MediaRecord, 'alt' | 'caption' | 'credit' | 'updatedAt'>>,
  ): Promise<void>;
  findById(id: string): Promise<MediaRecord | undefined>;
  findByIds(ids: string[]): Promise<MediaRecord[]>;
  list(page: Page, filter?: { uploadedBy?: string }): Promise<MediaRecord[]>;
  count(filter?: { uploadedBy?: string }): Promise<number>;
  delete(id: string): Promise<void>;
  /**
   * Up to `limit` images with pending variants that nobody holds (or whose claim ran out before
   * `now`), claimed by `claimer` until `until`; on PostgreSQL rows other claimers hold are skipped.
   */
  claimPendingVariants(input: {
    claimer: string;
    now: string;
    until: string;
    limit: number;
  }): Promise<ClaimedMedia[]>;
  /** Stores the variants of an image `claimer` still holds; false when the claim was lost meanwhile. */
  finishVariants(id: string, claimer: string, made: MadeVariants, now: string): Promise<boolean>;
  /** Gives up on an image `claimer` holds: `failed`, with the reason; the original stays served. */
  failVariants(id: string, claimer: string, reason: string, now: string): Promise<void>;
  /** Ends every claim (at the start of the only process that works the queue). */
  releaseVariantClaims(): Promise<void>;
  countPendingVariants(): Promise<number>;
  /** Notes that these posts' stored body HTML shows these images before their variants exist. */
  awaitVariants(postId: string, mediaIds: string[]): Promise<void>;
  /** The posts waiting for an image's variants, forgotten as they are returned. */
  takeWaitingPosts(mediaId: string): Promise<string[]>;
}

export interface ApiTokenRecord {
  id: string;
  name: string;
  role: string;
  tokenHash: string;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface ApiTokenRepository {
  insert(token: ApiTokenRecord): Promise<void>;
  findByHash(tokenHash: string): Promise<ApiTokenRecord | undefined>;
  list(): Promise<ApiTokenRecord[]>;
  touch(id: string, lastUsedAt: string): Promise<void>;
  delete(id: string): Promise<boolean>;
}

export interface RedirectRecord {
  id: string;
  fromPath: string;
  toUrl: string;
  statusCode: 301 | 302;
  createdAt: string;
  updatedAt: string;
}

export interface RedirectRepository {
  insert(redirect: RedirectRecord): Promise<void>;
  update(id: string, patch: Partial<Omit<RedirectRecord, 'id' | 'createdAt'>>): Promise<void>;
  delete(id: string): Promise<boolean>;
  findById(id: string): Promise<RedirectRecord | undefined>;
  findByPath(fromPath: string): Promise<RedirectRecord | undefined>;
  list(): Promise<RedirectRecord[]>;
}

export interface RevisionRecord {
  id: string;
  postId: string;
  staffId: string | null;
  staffName: string;
  title: string;
  isAutosave: boolean;
  snapshot: string;
  createdAt: string;
}

export interface RevisionRepository {
  insert(revision: RevisionRecord): Promise<void>;
  /** Newest first, without snapshots. */
  list(postId: string, limit: number): Promise<Omit<RevisionRecord, 'snapshot'>[]>;
  findById(id: string): Promise<RevisionRecord | undefined>;
  latest(postId: string): Promise<RevisionRecord | undefined>;
  delete(id: string): Promise<void>;
  /** Keeps the newest `keep` revisions of a post. */
  prune(postId: string, keep: number): Promise<void>;
}

export interface PromotionRepository {
  insert(promotion: PromotionRecord): Promise<void>;
  update(id: string, patch: Partial<Omit<PromotionRecord, 'id' | 'createdAt'>>): Promise<void>;
  delete(id: string): Promise<void>;
  findById(id: string): Promise<PromotionRecord | undefined>;
  listActive(): Promise<PromotionRecord[]>;
  list(): Promise<PromotionRecord[]>;
}

export interface SettingsRepository {
  getAll(): Promise<Record<string, string>>;
  set(entries: Record<string, string>, now: string): Promise<void>;
  /**
   * Stores a value unless the key exists (two processes making a secret at once keep the first);
   * true when this call stored it. The key is the table's primary key, so of two transactions
   * claiming one key only one can.
   */
  setIfAbsent(key: string, value: string, now: string): Promise<boolean>;
}

export interface Repositories {
  posts: PostRepository;
  /** Posts' append-only records of corrections and notes. */
  notes: PostNoteRepository;
  tags: TagRepository;
  staff: StaffRepository;
  media: MediaRepository;
  promotions: PromotionRepository;
  settings: SettingsRepository;
  sessions: SessionRepository;
  tokens: ApiTokenRepository;
  redirects: RedirectRepository;
  revisions: RevisionRepository;
  invitations: InvitationRepository;
  passwordResets: PasswordResetRepository;
  newsletters: NewsletterRepository;
  members: MemberRepository;
  newsletterSends: NewsletterSendRepository;
  sitemap: SitemapRepository;
  related: RelatedRepository;
  /** Cited sources with their archive and link health (the post's own list is read through posts). */
  sources: SourceRepository;
  /** The full-text index of posts, written in the same transaction as the posts it describes. */
  search: SearchIndex;
  rateLimits: RateLimitRepository;
  secondFactors: SecondFactorRepository;
  devices: DeviceRepository;
  signInLinks: SignInLinkRepository;
  idempotencyKeys: IdempotencyRepository;
  memberImports: MemberImportRepository;
  /** Imports from the admin: the job, its uploaded files, its progress. */
  importJobs: ImportJobRepository;
  /** What imports made of what they read (WordPress ids, author logins, image hashes). */
  importedItems: ImportedItemRepository;
  /** How much work the persisted job queues hold (for metrics). */
  jobQueues: JobQueueRepository;
  /** Content API keys (stored hashed). */
  contentKeys: ContentApiKeyRepository;
  /** Tags and authors as the Content API lists them. */
  publicTaxonomy: PublicTaxonomyRepository;
  /** Runs `work` in one transaction; the repositories it receives write inside it. */
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
}

/** One persisted queue's backlog: rows waiting (counted up to a cap) and when the oldest was queued. */
export interface QueueDepth {
  queue: string;
  depth: number;
  oldestAt: string | null;
}

export interface JobQueueRepository {
  /** Every persisted queue's backlog; a depth stops counting at `cap`. */
  depths(cap: number): Promise<QueueDepth[]>;
}

/** Where public files live (local disk by default, S3-compatible storage later). */
export interface BlobStore {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<Buffer | undefined>;
  delete(key: string): Promise<void>;
  /** The public URL path for a key, e.g. `/media/2026/11/abc-960.webp`. */
  publicPath(key: string): string;
}

export interface ProcessedImage {
  mimeType: string;
  width: number;
  height: number;
  /** The largest public rendition: re-encoded, metadata stripped. */
  master: { bytes: Buffer; format: ImageVariant['format'] };
  variants: { width: number; height: number; format: ImageVariant['format']; bytes: Buffer }[];
}

/** What an image's header says, read without decoding it (width and height as it is shown, oriented). */
export interface ImageFacts {
  format: string;
  width: number;
  height: number;
}

export interface ImageProcessor {
  process(bytes: Buffer): Promise<ProcessedImage>;
  /** The header only: refuses what `process` would refuse by type or decoded size, decodes nothing. */
  inspect(bytes: Buffer): Promise<ImageFacts>;
}

/**
 * What a change shows on, in reader terms: the posts (by slug) whose pages show it, the tags and
 * authors whose pages list it, and whether the site-wide lists (home, feeds, sitemap, topics) do.
 * `everything` when it cannot be narrowed (settings, navigation, promotions).
 */
export type ContentChange =
  | { everything: true }
  | {
      everything?: false;
      posts?: string[];
      tags?: string[];
      authors?: string[];
      isListed?: boolean;
      /** The topics page (the list of tags) shows it. */
      isTopicListed?: boolean;
      /** `/corrections/` and its feeds show it. */
      isCorrectionListed?: boolean;
    };

/** Told after every write that readers could see, so caches drop what shows it. */
export interface ContentEvents {
  /** Without an argument: everything may have changed. */
  contentChanged(change?: ContentChange): void;
}

/** Password hashing (argon2id in production). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

export interface MailMessage {
  /** One address; never a list. */
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Sends email: SMTP when configured, else the whole message goes to the log for an operator. */
export interface Mailer {
  /** False when emails only go to the log. */
  readonly isConfigured: boolean;
  send(message: MailMessage): Promise<void>;
}

export interface Clock {
  now(): Date;
}
