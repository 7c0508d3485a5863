import type { Generated, Selectable } from 'kysely';

/**
 * Table types shared by both dialects. Times are ISO-8601 UTC strings (`2026-01-02T03:04:05.000Z`),
 * which sort correctly as text on SQLite and PostgreSQL alike; booleans are 0/1 integers; JSON is text.
 */
export interface Database {
  settings: SettingsTable;
  staff_users: StaffUsersTable;
  tags: TagsTable;
  media: MediaTable;
  media_variant_waits: MediaVariantWaitsTable;
  posts: PostsTable;
  post_authors: PostAuthorsTable;
  post_tags: PostTagsTable;
  post_sources: PostSourcesTable;
  source_snapshots: SourceSnapshotsTable;
  source_checks: SourceChecksTable;
  source_archive_queue: SourceArchiveQueueTable;
  source_health_state: SourceHealthStateTable;
  post_notes: PostNotesTable;
  post_related: PostRelatedTable;
  promotions: PromotionsTable;
  staff_sessions: StaffSessionsTable;
  rate_limits: RateLimitsTable;
  staff_totp: StaffTotpTable;
  staff_recovery_codes: StaffRecoveryCodesTable;
  staff_devices: StaffDevicesTable;
  staff_sign_in_links: StaffSignInLinksTable;
  api_tokens: ApiTokensTable;
  content_api_keys: ContentApiKeysTable;
  redirects: RedirectsTable;
  imported_items: ImportedItemsTable;
  post_revisions: PostRevisionsTable;
  staff_invitations: StaffInvitationsTable;
  password_resets: PasswordResetsTable;
  newsletters: NewslettersTable;
  members: MembersTable;
  member_newsletters: MemberNewslettersTable;
  member_confirmations: MemberConfirmationsTable;
  newsletter_sends: NewsletterSendsTable;
  send_recipients: SendRecipientsTable;
  newsletter_leases: NewsletterLeasesTable;
  post_newsletter_requests: PostNewsletterRequestsTable;
  related_jobs: RelatedJobsTable;
  related_documents: RelatedDocumentsTable;
  related_terms: RelatedTermsTable;
  related_tags: RelatedTagsTable;
  related_term_counts: RelatedTermCountsTable;
  related_state: RelatedStateTable;
  search_documents: SearchDocumentsTable;
  search_languages: SearchLanguagesTable;
  search_text: SearchTextTable;
  search_pairs: SearchPairsTable;
  search_rebuild: SearchRebuildTable;
  idempotency_keys: IdempotencyKeysTable;
  member_imports: MemberImportsTable;
  member_import_errors: MemberImportErrorsTable;
  import_jobs: ImportJobsTable;
  import_job_files: ImportJobFilesTable;
  import_job_progress: ImportJobProgressTable;
}

/**
 * One row per post in the full-text index. SQLite: `doc_id` is the rowid of the post's row in the
 * FTS5 table `search_text` (migration 023). PostgreSQL: `document` is the weighted tsvector (GIN-indexed).
 */
export interface SearchDocumentsTable {
  post_id: string;
  /** The text search configuration the post is indexed with: english, norwegian, …, or simple. */
  config: string;
  doc_id: number;
  document: string;
  /** PostgreSQL: publication (or last change) in ms, the order of the ranking window (migration 015). */
  sort_key: number;
  /** PostgreSQL: each pair of neighbouring stems as a lexeme, for phrases (migration 023). */
  pairs: string;
}

/** Every configuration in use, so a query is built once per language the index holds. */
export interface SearchLanguagesTable {
  config: string;
}

/** SQLite only: the FTS5 table (contentless; the text is stemmed before it is written). */
export interface SearchTextTable {
  rowid: number;
  title: string;
  standfirst: string;
  tags: string;
  body: string;
  credits: string;
}

/** A rebuild of the whole index in progress (at most one row): the last post id indexed. */
export interface SearchRebuildTable {
  id: number;
  after: string | null;
}

/** SQLite only: each pair of neighbouring stems as one token, for phrases (migration 023). */
export interface SearchPairsTable {
  rowid: number;
  title_pairs: string;
  text_pairs: string;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  role: string;
  /** SHA-256 of the secret; the secret itself is shown once and never stored. */
  token_hash: string;
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
}

/** Content API keys (migration 030): only the SHA-256 of the key is kept. */
export interface ContentApiKeysTable {
  id: string;
  name: string;
  key_hash: string;
  created_at: string;
  last_used_at: string | null;
}

export interface RedirectsTable {
  id: string;
  from_path: string;
  to_url: string;
  status_code: number;
  created_at: string;
  updated_at: string;
}

export interface ImportedItemsTable {
  source: string;
  kind: string;
  external_key: string;
  target_id: string;
  created_at: string;
}

export interface PostRevisionsTable {
  id: string;
  post_id: string;
  staff_id: string | null;
  staff_name: string;
  title: string;
  is_autosave: number;
  /** The post's editable fields as JSON. */
  snapshot: string;
  created_at: string;
}

export interface StaffInvitationsTable {
  id: string;
  email: string;
  role: string;
  /** SHA-256 of the emailed token. */
  token_hash: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
}

export interface PasswordResetsTable {
  /** SHA-256 of the emailed token. */
  token_hash: string;
  staff_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface StaffSessionsTable {
  /** SHA-256 of the session token: a stolen database does not give away live sessions. */
  id_hash: string;
  staff_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  user_agent: string;
  /** Null for a signed-in session; `totp` or `email` while the second step is still to be done. */
  pending_step: string | null;
  /** SHA-256 of the emailed new-device code of a pending session. */
  code_hash: string | null;
}

/** One counted limit: SHA-256 of its key (limit name plus IP, account or address), in a fixed window. */
export interface RateLimitsTable {
  key_hash: string;
  count: number;
  window_ends_at: string;
}

/** A staff member's TOTP secret; `enabled_at` is null until a first code confirmed the setup. */
export interface StaffTotpTable {
  staff_id: string;
  secret: string;
  created_at: string;
  enabled_at: string | null;
  /** The last 30-second step a code was accepted for: a code is never accepted twice. */
  last_step: number | string | null;
}

export interface StaffRecoveryCodesTable {
  code_hash: string;
  staff_id: string;
  created_at: string;
  used_at: string | null;
}

/** A remembered device: SHA-256 of the token in its cookie. */
export interface StaffDevicesTable {
  token_hash: string;
  staff_id: string;
  created_at: string;
  expires_at: string;
}

export interface StaffSignInLinksTable {
  token_hash: string;
  staff_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface StaffUsersTable {
  id: string;
  slug: string;
  name: string;
  email: string;
  role: string;
  status: string;
  password_hash: string | null;
  bio: string;
  location: string;
  website: string;
  photo_media_id: string | null;
  locale: string;
  /** Migration 028: what readers are told about the author. */
  job_title: string;
  expertise: string;
  contact: string;
  /** A fediverse handle, `@name@server` ('' for none). */
  fediverse: string;
  /** JSON array of profile URLs elsewhere (schema.org `sameAs`). */
  profile_links: string;
  created_at: string;
  updated_at: string;
}

export interface TagsTable {
  id: string;
  slug: string;
  name: string;
  kind: string;
  description: string;
  language: string | null;
  created_at: string;
  updated_at: string;
}

export interface MediaTable {
  id: string;
  storage_key: string;
  original_name: string;
  mime_type: string;
  width: number;
  height: number;
  size_bytes: number;
  alt: string;
  caption: string;
  credit: string;
  variants: string;
  uploaded_by: string | null;
  created_at: string;
  updated_at: string;
  original_key: string | null;
  variants_state: string;
  variants_claimed_by: string | null;
  variants_claimed_until: string | null;
  variants_attempts: number;
  variants_error: string;
}

export interface MediaVariantWaitsTable {
  media_id: string;
  post_id: string;
}

export interface PostsTable {
  id: string;
  type: string;
  slug: string;
  title: string;
  standfirst: string;
  excerpt: string;
  body_json: string;
  body_html: string;
  body_text: string;
  status: string;
  is_featured: number;
  language: string;
  translation_group: string | null;
  featured_media_id: string | null;
  featured_alt: string | null;
  featured_caption: string | null;
  featured_credit: string | null;
  canonical_url: string | null;
  meta_title: string | null;
  meta_description: string | null;
  og_title: string | null;
  og_description: string | null;
  twitter_title: string | null;
  twitter_description: string | null;
  /** 'site' | 'none' | 'chosen' (migration 007). */
  promotion_mode: string;
  promotion_id: string | null;
  published_at: string | null;
  first_published_at: string | null;
  /** The other languages this post's story is published in, as `,nb,` ('' for none; migration 016). */
  shadowed_in: string;
  /** news, analysis, opinion, review, background, sponsored, fact-check (migration 028). */
  work_type: string;
  /** Where the reporting was done ('' for none; migration 028). */
  dateline: string;
  created_at: string;
  updated_at: string;
}

/**
 * A post's append-only log (migration 028): a trigger refuses to change any column but
 * `listed_language`, and refuses a delete while the post exists.
 */
export interface PostNotesTable {
  id: string;
  post_id: string;
  /** correction, clarification, update, editors-note */
  kind: string;
  /** Plain text. */
  body: string;
  author_id: string | null;
  author_name: string;
  created_at: string;
  /** The post's language while the post is published, else null: `/corrections/` reads by it. */
  listed_language: string | null;
}

export interface PostAuthorsTable {
  post_id: string;
  staff_id: string;
  sort_order: number;
  /** The post's place in readers' lists (migration 016): its publication time while it is a published post. */
  listed_at: string | null;
  post_created_at: string;
  shadowed_in: string;
}

export interface PostTagsTable {
  post_id: string;
  tag_id: string;
  sort_order: number;
  /** The post's place in readers' lists (migration 016): its publication time while it is a published post. */
  listed_at: string | null;
  post_created_at: string;
  shadowed_in: string;
}

export interface PostSourcesTable {
  id: string;
  post_id: string;
  publisher: string;
  title: string;
  url: string;
  note: string;
  sort_order: number;
  archive_status: string;
  archive_key: string | null;
  archived_at: string | null;
  link_status: string;
  link_checked_at: string | null;
  /** `imported`: offered by an import, not yet confirmed by an editor (migration 025); null otherwise. */
  review_state: string | null;
  /** The validators of the last fetch, sent back on the next recheck (migration 027). */
  link_etag: Generated<string | null>;
  link_last_modified: Generated<string | null>;
  archive_error: Generated<string>;
}

export interface SourceSnapshotsTable {
  id: string;
  source_id: string;
  url: string;
  taken_at: string;
  http_status: number;
  final_url: string;
  content_type: string;
  title: string;
  body_sha256: string;
  main_text: string;
  blob_key: string;
}

export interface SourceChecksTable {
  id: string;
  source_id: string;
  checked_at: string;
  state: string;
  http_status: number | null;
  final_url: Generated<string>;
  detail: Generated<string>;
}

export interface SourceArchiveQueueTable {
  source_id: string;
  requested_at: string;
  not_before: string;
  claimed_until: Generated<string>;
  attempts: Generated<number>;
}

export interface SourceHealthStateTable {
  id: string;
  cursor: string | null;
  pass_started_at: string | null;
  lease_until: Generated<string>;
}

export interface PostRelatedTable {
  post_id: string;
  related_post_id: string;
  rank: number;
  score: number;
}

export interface PromotionsTable {
  id: string;
  title: string;
  body: string;
  image_media_id: string | null;
  link_url: string;
  cta_label: string;
  slot: string;
  language: string | null;
  is_active: number;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export type StaffUserRow = Selectable<StaffUsersTable>;
export type TagRow = Selectable<TagsTable>;
export type MediaRow = Selectable<MediaTable>;
export type PostRow = Selectable<PostsTable>;
export type PostSourceRow = Selectable<PostSourcesTable>;
export type PostNoteRow = Selectable<PostNotesTable>;
export type PromotionRow = Selectable<PromotionsTable>;

export interface NewslettersTable {
  id: string;
  slug: string;
  name: string;
  language: string;
  sender_name: string;
  sender_email: string;
  /** '' when none. */
  reply_to: string;
  footer: string;
  is_active: number;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface MembersTable {
  id: string;
  /** Trimmed and lower-cased. */
  email: string;
  name: string;
  /** pending, active, unsubscribed */
  status: string;
  /** signup, admin, import */
  consent_source: string;
  consent_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface MemberNewslettersTable {
  member_id: string;
  newsletter_id: string;
  created_at: string;
}

export interface MemberConfirmationsTable {
  /** SHA-256 of the emailed token. */
  token_hash: string;
  member_id: string;
  /** JSON array of newsletter ids. */
  newsletter_ids: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface NewsletterSendsTable {
  id: string;
  post_id: string;
  newsletter_id: string;
  /** `snapshot` (recipients being listed), `sending`, `done`. */
  status: string;
  /** A correction sent after the post: its note (migration 028); '' for the post itself. */
  note_id: string;
  created_by: string | null;
  created_at: string;
  started_at: string;
  finished_at: string | null;
}

export interface SendRecipientsTable {
  send_id: string;
  member_id: string;
  email: string;
  /** `pending`, `claimed`, `sending` (handed to an SMTP connection), `sent`, `failed`, `skipped`. */
  state: string;
  attempts: number;
  next_attempt_at: string;
  claimed_by: string | null;
  claimed_at: string | null;
  sent_at: string | null;
  error: string;
  is_possibly_duplicated: number;
}

/** A sending process's lease on the rows it claimed (migration 018). */
export interface NewsletterLeasesTable {
  claimer: string;
  renewed_at: string;
}

export interface PostNewsletterRequestsTable {
  post_id: string;
  newsletter_id: string;
  requested_by: string | null;
  created_at: string;
}

/** Posts whose "Check Also" lists are due; `version` grows with each request, so a job finished late keeps a newer one. */
export interface RelatedJobsTable {
  post_id: string;
  version: number;
  requested_at: string;
}

/** A published post as the related job last saw it. */
export interface RelatedDocumentsTable {
  post_id: string;
  language: string;
  story: string | null;
  /** When the post was published (migration 017): a tag counts for its most recent holders only. */
  published_at: string;
}

/** Its strongest terms, with their weights (unit length per post). */
export interface RelatedTermsTable {
  post_id: string;
  term: string;
  weight: number;
}

export interface RelatedTagsTable {
  post_id: string;
  tag_id: string;
  /** The post's `published_at`, so a tag's most recent holders are one index range (migration 017). */
  published_at: string;
}

/** How many stored documents hold each term, kept with `related_terms` (migration 017). */
export interface RelatedTermCountsTable {
  term: string;
  n: number;
}

/** One row: the related job's worker lock. */
export interface RelatedStateTable {
  id: number;
  locked_at: string | null;
}

/** An Admin API create's Idempotency-Key per actor (`staff id` or `token:id`) and its answer. */
export interface IdempotencyKeysTable {
  actor_id: string;
  key: string;
  /** SHA-256 of method, path and body. */
  fingerprint: string;
  status: number;
  /** The answer's JSON body. */
  body: string;
  created_at: string;
  expires_at: string;
}

/** A member CSV import; `lines_done` counts the file's data lines whose batch has committed. */
export interface MemberImportsTable {
  id: string;
  created_by: string | null;
  status: string;
  /** The uploaded file; emptied when the import is done. */
  csv: string;
  total_lines: number;
  lines_done: number;
  imported: number;
  updated: number;
  skipped: number;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface MemberImportErrorsTable {
  import_id: string;
  line: number;
  email: string;
  message: string;
}

/** A WordPress or Ghost import from the admin (migration 026); `plan` and `report` are JSON. */
export interface ImportJobsTable {
  id: string;
  source: string;
  status: string;
  created_by: string | null;
  plan: string | null;
  report: string | null;
  error: string | null;
  attempts: number;
  /** The process that took up the plan last (a random token), so only it records the plan. */
  claim: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

/** An uploaded file of an import, its bytes in the private file store under `blob_key`. */
export interface ImportJobFilesTable {
  job_id: string;
  position: number;
  kind: string;
  filename: string;
  blob_key: string;
  bytes: number | string;
  created_at: string;
}

/** How far an import's worker is; written outside the import's transaction. */
export interface ImportJobProgressTable {
  job_id: string;
  phase: string;
  done: number;
  total: number;
  heartbeat_at: string;
}
