import type { ImageVariant, PostStatus, PostType, PromoSlot, TagKind } from './posts/post.types.js';

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
  promoSlot: PromoSlot | null;
  publishedAt: string | null;
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
  archiveStatus: string;
  linkStatus: string;
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
}

/** How much of a post to load: teasers need no body; readers need no editor document. */
export type PostProjection = 'full' | 'reader' | 'teaser';

export interface Page {
  offset: number;
  limit: number;
  /** Newest publication first (default), or most recently changed first (the admin's lists). */
  order?: 'published' | 'updated';
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
  setSources(postId: string, sources: SourceRecord[]): Promise<void>;
  sourcesFor(postIds: string[]): Promise<Map<string, SourceRecord[]>>;
  replaceRelated(postId: string, related: RelatedLink[]): Promise<void>;
  /** The stored related posts that pass the filter, best first. */
  related(postId: string, filter: PostFilter, limit: number): Promise<PostRecord[]>;
  lastUpdatedAt(filter: PostFilter): Promise<string | null>;
  /** Posts that show a media file (as featured image or in the body). */
  usingMedia(mediaId: string): Promise<Pick<PostRecord, 'id' | 'title' | 'type'>[]>;
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

export interface SessionRecord {
  idHash: string;
  staffId: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
  userAgent: string;
}

export interface SessionRepository {
  insert(session: SessionRecord): Promise<void>;
  /** The session with this hash when it has not expired by `now`. */
  findLive(idHash: string, now: string): Promise<SessionRecord | undefined>;
  touch(idHash: string, lastSeenAt: string, expiresAt: string): Promise<void>;
  delete(idHash: string): Promise<void>;
  /** Ends every session of a staff member but the one kept (if any). */
  deleteForStaff(staffId: string, keepIdHash?: string): Promise<number>;
  /** Deletes sessions that expired before `now`; returns how many. */
  deleteExpired(now: string): Promise<number>;
}

/** An invitation to join the staff; only the hash of the emailed token is stored. */
export interface InvitationRecord {
  id: string;
  email: string;
  role: string;
  tokenHash: string;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
}

export interface InvitationRepository {
  insert(invitation: InvitationRecord): Promise<void>;
  /** Drops the invitations to this address that were never accepted (a new one replaces them). */
  deletePendingFor(email: string): Promise<void>;
  /** Invitations neither accepted nor expired by `now`, newest first. */
  listPending(now: string): Promise<InvitationRecord[]>;
  /** Deletes an invitation not yet accepted; false when there was none. */
  deletePending(id: string): Promise<boolean>;
  findLive(tokenHash: string, now: string): Promise<InvitationRecord | undefined>;
  /** Marks a live invitation accepted; false when it was used or expired meanwhile (single use). */
  claim(tokenHash: string, now: string): Promise<boolean>;
}

/** A password reset; only the hash of the emailed token is stored. */
export interface PasswordResetRecord {
  tokenHash: string;
  staffId: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface PasswordResetRepository {
  insert(reset: PasswordResetRecord): Promise<void>;
  /** Ends every reset of a staff member that was not used. */
  deleteForStaff(staffId: string): Promise<void>;
  findLive(tokenHash: string, now: string): Promise<PasswordResetRecord | undefined>;
  /** Marks a live reset used; false when it was used or expired meanwhile (single use). */
  claim(tokenHash: string, now: string): Promise<boolean>;
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
  /** Stores a value unless the key exists (two processes making a secret at once keep the first). */
  setIfAbsent(key: string, value: string, now: string): Promise<void>;
}

export interface NewsletterRecord {
  id: string;
  slug: string;
  name: string;
  language: string;
  senderName: string;
  senderEmail: string;
  /** '' when none. */
  replyTo: string;
  footer: string;
  isActive: boolean;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
}

export interface NewsletterRepository {
  insert(newsletter: NewsletterRecord): Promise<void>;
  update(id: string, patch: Partial<Omit<NewsletterRecord, 'id' | 'createdAt'>>): Promise<void>;
  delete(id: string): Promise<boolean>;
  findById(id: string): Promise<NewsletterRecord | undefined>;
  /** In their order (sort order, then name). */
  list(): Promise<NewsletterRecord[]>;
  isSlugTaken(slug: string, exceptId?: string): Promise<boolean>;
  /** How many active members receive each newsletter; newsletters with none are absent. */
  memberCounts(): Promise<Map<string, number>>;
}

export type MemberStatus = 'pending' | 'active' | 'unsubscribed';
export type ConsentSource = 'signup' | 'admin' | 'import';

export interface MemberRecord {
  id: string;
  email: string;
  name: string;
  status: MemberStatus;
  consentSource: ConsentSource;
  consentAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface MemberFilter {
  /** Case-insensitive search in email and name. */
  search?: string;
  status?: MemberStatus;
  newsletterId?: string;
}

export interface MemberConfirmationRecord {
  tokenHash: string;
  memberId: string;
  newsletterIds: string[];
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface MemberRepository {
  insert(member: MemberRecord): Promise<void>;
  update(id: string, patch: Partial<Omit<MemberRecord, 'id' | 'createdAt'>>): Promise<void>;
  /** Deletes the member, their subscriptions and confirmations; false when there was none. */
  delete(id: string): Promise<boolean>;
  findById(id: string): Promise<MemberRecord | undefined>;
  findByEmail(email: string): Promise<MemberRecord | undefined>;
  /** Newest first. */
  list(filter: MemberFilter, page: { offset: number; limit: number }): Promise<MemberRecord[]>;
  count(filter: MemberFilter): Promise<number>;
  newsletterIdsFor(memberIds: string[]): Promise<Map<string, string[]>>;
  /** Replaces the member's newsletters. */
  setNewsletters(memberId: string, newsletterIds: string[], now: string): Promise<void>;
  /** Adds newsletters the member does not have yet. */
  addNewsletters(memberId: string, newsletterIds: string[], now: string): Promise<void>;
  insertConfirmation(confirmation: MemberConfirmationRecord): Promise<void>;
  /** Confirmations recorded for a member at or after `since`. */
  countConfirmationsSince(memberId: string, since: string): Promise<number>;
  findConfirmation(tokenHash: string): Promise<MemberConfirmationRecord | undefined>;
  /** Marks a confirmation used; false when it already was. */
  useConfirmation(tokenHash: string, now: string): Promise<boolean>;
  /** Deletes confirmations that expired before `cutoff`; returns how many. */
  deleteConfirmationsExpiredBefore(cutoff: string): Promise<number>;
}

export interface Repositories {
  posts: PostRepository;
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
  /** Runs `work` in one transaction; the repositories it receives write inside it. */
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
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

export interface ImageProcessor {
  process(bytes: Buffer): Promise<ProcessedImage>;
}

/** Told after every write that readers could see, so caches drop what they hold. */
export interface ContentEvents {
  contentChanged(): void;
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

/* Newsletters and their sends (docs/newsletters.md). */

export type SendStatus = 'snapshot' | 'sending' | 'done';

export interface SendRecord {
  id: string;
  postId: string;
  newsletterId: string;
  status: SendStatus;
  createdBy: string | null;
  createdAt: string;
  startedAt: string;
  finishedAt: string | null;
}

export interface SendTotals {
  total: number;
  sent: number;
  failed: number;
  skipped: number;
  /** Waiting (including retries not yet due) or being sent right now. */
  pending: number;
  possiblyDuplicated: number;
}

export interface SendReport {
  failures: { email: string; error: string }[];
  possiblyDuplicated: string[];
}

/** A recipient a worker has claimed and must now send to. */
export interface ClaimedRecipient {
  memberId: string;
  email: string;
  /** Counting this attempt. */
  attempts: number;
}

export interface RecipientOutcome {
  memberId: string;
  /** `retry` goes back to pending until `nextAttemptAt`. */
  state: 'sent' | 'failed' | 'retry';
  error?: string;
  nextAttemptAt?: string;
}

export interface NewsletterSendRepository {
  findNewsletter(id: string): Promise<NewsletterRecord | undefined>;
  findNewsletterBySlug(slug: string): Promise<NewsletterRecord | undefined>;
  /** Inserts the send in state `snapshot`, or returns the existing send of this post to this newsletter. */
  createSend(send: SendRecord): Promise<{ send: SendRecord; isNew: boolean }>;
  /**
   * In one transaction: replaces the send's recipients with the active members subscribed to its
   * newsletter (one INSERT … SELECT) and moves the send to `sending`. Returns how many recipients.
   */
  snapshot(sendId: string, now: string): Promise<number>;
  findSend(id: string): Promise<SendRecord | undefined>;
  listSends(filter: { postId?: string }): Promise<SendRecord[]>;
  unfinishedSends(): Promise<SendRecord[]>;
  totals(sendIds: string[]): Promise<Map<string, SendTotals>>;
  report(sendId: string, limit: number): Promise<SendReport>;
  /**
   * Claimed rows whose claim is older than `claimedBefore` (all claimed rows when null) go back to
   * pending, marked possibly duplicated: their process died, perhaps after the email went out.
   */
  releaseStaleClaims(claimedBefore: string | null): Promise<number>;
  /** Keeps this claimer's claims alive. */
  renewClaims(claimer: string, now: string): Promise<void>;
  /**
   * Claims up to `limit` due pending recipients of a send for `claimer` (rows other processes hold are
   * skipped); recipients no longer subscribed become `skipped` instead.
   */
  claim(sendId: string, claimer: string, now: string, limit: number): Promise<ClaimedRecipient[]>;
  /** Records the outcome of claimed recipients, in a few statements. */
  record(sendId: string, claimer: string, outcomes: RecipientOutcome[], now: string): Promise<void>;
  /** Marks the send done when no recipient is pending or claimed; true when it is done. */
  finishIfDone(sendId: string, now: string): Promise<boolean>;
  /** The earliest time a pending recipient of the send is due, or null. */
  nextDue(sendId: string): Promise<string | null>;
  addRequests(
    postId: string,
    newsletterIds: string[],
    requestedBy: string | null,
    now: string,
  ): Promise<void>;
  /** Requests whose post is published (so their send should start). */
  dueRequests(): Promise<{ postId: string; newsletterId: string; requestedBy: string | null }[]>;
  deleteRequest(postId: string, newsletterId: string): Promise<void>;
}

export interface BulkMessage {
  from: { name: string; address: string };
  /** '' when none. */
  replyTo: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Without angle brackets: `SENDID.MEMBERID@host`. */
  messageId: string;
  /** Extra headers (List-Unsubscribe, List-Unsubscribe-Post, List-Id). */
  headers: Record<string, string>;
}

/** Temporary failures (SMTP 4xx, connection trouble) are retried; permanent ones (5xx) are not. */
export type BulkSendResult = { ok: true } | { temporary: string } | { permanent: string };

/** Mass mail to members, separate from the staff Mailer: pooled connections, DKIM, never throws per message. */
export interface BulkMailer {
  send(message: BulkMessage): Promise<BulkSendResult>;
  close(): Promise<void>;
}
