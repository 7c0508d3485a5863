import type { Selectable } from 'kysely';

/**
 * Table types shared by both dialects. Times are ISO-8601 UTC strings (`2026-01-02T03:04:05.000Z`),
 * which sort correctly as text on SQLite and PostgreSQL alike; booleans are 0/1 integers; JSON is text.
 */
export interface Database {
  settings: SettingsTable;
  staff_users: StaffUsersTable;
  tags: TagsTable;
  media: MediaTable;
  posts: PostsTable;
  post_authors: PostAuthorsTable;
  post_tags: PostTagsTable;
  post_sources: PostSourcesTable;
  post_related: PostRelatedTable;
  promotions: PromotionsTable;
  staff_sessions: StaffSessionsTable;
  api_tokens: ApiTokensTable;
  redirects: RedirectsTable;
  post_revisions: PostRevisionsTable;
  staff_invitations: StaffInvitationsTable;
  password_resets: PasswordResetsTable;
  newsletters: NewslettersTable;
  members: MembersTable;
  member_newsletters: MemberNewslettersTable;
  member_confirmations: MemberConfirmationsTable;
  newsletter_sends: NewsletterSendsTable;
  send_recipients: SendRecipientsTable;
  post_newsletter_requests: PostNewsletterRequestsTable;
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

export interface RedirectsTable {
  id: string;
  from_path: string;
  to_url: string;
  status_code: number;
  created_at: string;
  updated_at: string;
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
  created_at: string;
  updated_at: string;
}

export interface PostAuthorsTable {
  post_id: string;
  staff_id: string;
  sort_order: number;
}

export interface PostTagsTable {
  post_id: string;
  tag_id: string;
  sort_order: number;
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
  created_by: string | null;
  created_at: string;
  started_at: string;
  finished_at: string | null;
}

export interface SendRecipientsTable {
  send_id: string;
  member_id: string;
  email: string;
  /** `pending`, `claimed`, `sent`, `failed`, `skipped`. */
  state: string;
  attempts: number;
  next_attempt_at: string;
  claimed_by: string | null;
  claimed_at: string | null;
  sent_at: string | null;
  error: string;
  is_possibly_duplicated: number;
}

export interface PostNewsletterRequestsTable {
  post_id: string;
  newsletter_id: string;
  requested_by: string | null;
  created_at: string;
}
