/* Ports for members, newsletters and their sends (docs/newsletters.md); re-exported by ports.ts. */

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
  /** How many active members receive at least one of these newsletters, each member counted once. */
  recipientCount(newsletterIds: string[]): Promise<number>;
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
  /** The members with these addresses, by address (an import's batch). */
  findByEmails(emails: string[]): Promise<Map<string, MemberRecord>>;
  /** Many members in few statements (an import's batch). */
  insertMany(members: MemberRecord[]): Promise<void>;
  /** Adds subscriptions the members do not have yet, in few statements. */
  addSubscriptions(pairs: { memberId: string; newsletterId: string }[], now: string): Promise<void>;
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
  /**
   * Deletes pending members (never confirmed) made before `cutoff` whose confirmations all expired
   * before it, with their confirmations; returns how many members.
   */
  deleteUnconfirmedBefore(cutoff: string): Promise<number>;
}

export type SendStatus = 'snapshot' | 'sending' | 'done';

export interface SendRecord {
  id: string;
  postId: string;
  newsletterId: string;
  /** A correction's send: the note it sends to the recipients of the post's send (null: the post). */
  noteId: string | null;
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
  /** Attempts so far, counting the one about to be made. */
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
   * Frees the claims of processes whose lease was last renewed before `liveSince` (every claim when
   * null): `claimed` rows go back to pending as they were (nothing left for them); `sending` rows
   * (handed to an SMTP connection, outcome unknown) go back to pending marked possibly duplicated.
   * Also forgets those leases. Returns how many rows were `sending`.
   */
  releaseStaleClaims(liveSince: string | null): Promise<number>;
  /** The same for one claimer's rows (a process giving up its own claims after an error). */
  releaseClaimsOf(claimer: string): Promise<number>;
  /** Drops this claimer's lease (a process stopping, after giving its claims back). */
  forgetLease(claimer: string): Promise<void>;
  /** Takes or renews this claimer's lease: while it is fresh, nobody frees its claims. */
  renewLease(claimer: string, now: string): Promise<void>;
  /**
   * Claims up to `limit` due pending recipients of a send for `claimer` (rows other processes hold are
   * skipped); recipients no longer subscribed become `skipped` instead. Claiming is not an attempt.
   */
  claim(sendId: string, claimer: string, now: string, limit: number): Promise<ClaimedRecipient[]>;
  /**
   * One write, usually one statement: records the outcomes of `sending` rows and marks the claimed
   * rows in `start` as `sending` (an attempt). Returns the ids of `start` now `sending`: a row whose
   * claim was freed meanwhile (a lost lease) is not, and must not be sent.
   */
  advance(
    sendId: string,
    claimer: string,
    step: { outcomes: RecipientOutcome[]; start: string[]; now: string },
  ): Promise<Set<string>>;
  /** Marks the send done when no recipient is pending, claimed or sending; true when it is done. */
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
  /** SMTP connections: messages given at once beyond this wait for a connection. */
  readonly connections: number;
  send(message: BulkMessage): Promise<BulkSendResult>;
  close(): Promise<void>;
}

export type MemberImportStatus = 'queued' | 'done';

export interface MemberImportLineError {
  /** The line in the file (the header is line 1; a quoted cell may span lines). */
  line: number;
  /** The address as the line gave it (cut to 254 characters), '' when there was none. */
  email: string;
  message: string;
}

export interface MemberImportCounts {
  linesDone: number;
  imported: number;
  updated: number;
  skipped: number;
}

export interface MemberImportRecord extends MemberImportCounts {
  id: string;
  createdBy: string | null;
  status: MemberImportStatus;
  totalLines: number;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

export interface MemberImportRepository {
  insert(record: MemberImportRecord, csv: string): Promise<void>;
  findById(id: string): Promise<MemberImportRecord | undefined>;
  /** The oldest imports not done, oldest first. */
  listUnfinished(limit: number): Promise<MemberImportRecord[]>;
  /**
   * Takes the import for one batch in the current transaction: on PostgreSQL its row `FOR UPDATE
   * SKIP LOCKED` (undefined while another process holds it); on SQLite the transaction's first write.
   */
  lockForBatch(id: string, now: string): Promise<MemberImportRecord | undefined>;
  /** The stored file of an import not yet done. */
  csvOf(id: string): Promise<string | undefined>;
  /** Adds a batch's counts and moves the cursor, only from `fromLinesDone`; false when it had moved. */
  recordBatch(
    id: string,
    batch: { fromLinesDone: number; counts: MemberImportCounts; isDone: boolean; now: string },
  ): Promise<boolean>;
  insertErrors(importId: string, errors: MemberImportLineError[]): Promise<void>;
  /** The per-line report in line order, from `afterLine` on. */
  errors(importId: string, page: { afterLine: number; limit: number }): Promise<MemberImportLineError[]>;
}
