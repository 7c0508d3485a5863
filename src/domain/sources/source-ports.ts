/* Ports for sources' archive and link health (issue 12); re-exported by ports.ts. */
import type { BlobStore, SourceRecord, SourceReviewState } from '../ports.js';
import type { FetchedResource, OutboundFetcher } from '../fetch-ports.js';

export const linkStates = ['unchecked', 'ok', 'redirected', 'changed', 'gone', 'unreachable'] as const;
export type LinkState = (typeof linkStates)[number];

export const archiveStates = ['pending', 'queued', 'archived', 'failed'] as const;
export type ArchiveState = (typeof archiveStates)[number];

/** A source as the save writes it; the archive and health columns are the job's. */
export interface SourceFields {
  publisher: string;
  title: string;
  url: string;
  note: string;
  sortOrder: number;
  /** `imported`: offered by an import from a link in the post, until an editor confirms it. */
  reviewState: SourceReviewState;
}

export interface SnapshotRecord {
  id: string;
  sourceId: string;
  url: string;
  takenAt: string;
  httpStatus: number;
  finalUrl: string;
  contentType: string;
  title: string;
  bodySha256: string;
  mainText: string;
  blobKey: string;
}

export interface LinkCheckRecord {
  id: string;
  sourceId: string;
  checkedAt: string;
  state: Exclude<LinkState, 'unchecked'>;
  httpStatus: number | null;
  finalUrl: string;
  detail: string;
}

/** A source queued for archiving, as a claim hands it out. */
export interface ArchiveClaim {
  sourceId: string;
  url: string;
  postId: string;
  attempts: number;
}

/** A source the link-health pass rechecks, with what it compares against. */
export interface HealthCandidate {
  sourceId: string;
  postId: string;
  url: string;
  linkStatus: LinkState;
  etag: string | null;
  lastModified: string | null;
  snapshotMainText: string | null;
}

/** One row of the link-health screen: a source, its post, its state. */
export interface LinkHealthRow {
  source: SourceRecord;
  post: { id: string; title: string; slug: string; status: string };
}

export interface SourceRepository {
  /** Every source of a post in its order (for the merge). */
  ofPost(postId: string): Promise<SourceRecord[]>;
  insert(postId: string, id: string, fields: SourceFields): Promise<void>;
  /** Rewrites only what the editor owns; archive and health columns (and any others) stay. */
  updateFields(id: string, fields: SourceFields): Promise<void>;
  delete(ids: string[]): Promise<void>;
  findById(id: string): Promise<SourceRecord | undefined>;
  /** Queues the sources (a source already queued keeps its place) and marks them `queued`. */
  queueArchive(sourceIds: string[], now: string): Promise<void>;
  /** Queues every source of the post that has no archived copy yet. */
  queueUnarchivedOfPost(postId: string, now: string): Promise<string[]>;
  /**
   * Claims up to `limit` due queue rows until `leaseUntil`: rows whose lease lapsed (a killed
   * process's) are due again. PostgreSQL skips rows another claim holds (`FOR UPDATE SKIP LOCKED`).
   */
  claimArchive(now: string, leaseUntil: string, limit: number): Promise<ArchiveClaim[]>;
  /** Records a snapshot as the source's latest and finishes its queue row. */
  recordSnapshot(snapshot: SnapshotRecord): Promise<void>;
  /** An attempt failed: try again after `notBefore`, or give up (`failed`) when that is undefined. */
  recordArchiveFailure(sourceId: string, error: string, notBefore: string | undefined): Promise<void>;
  findSnapshot(id: string): Promise<SnapshotRecord | undefined>;
  snapshotsOf(sourceId: string): Promise<SnapshotRecord[]>;
  /** The health pass: takes its lease when it has lapsed; the cursor and the pass's start. */
  takeHealthLease(
    now: string,
    leaseUntil: string,
  ): Promise<{ cursor: string | null; passStartedAt: string | null } | undefined>;
  /** Sources of published posts after `cursor` in id order that have been archived. */
  healthCandidates(cursor: string | null, limit: number): Promise<HealthCandidate[]>;
  recordCheck(
    check: LinkCheckRecord,
    validators: { etag: string | null; lastModified: string | null },
  ): Promise<void>;
  /** Moves the cursor (null: the pass is over) and gives up the lease. */
  moveHealthCursor(cursor: string | null, passStartedAt: string | null): Promise<void>;
  checksOf(sourceId: string, limit: number): Promise<LinkCheckRecord[]>;
  /** The link-health screen: sources of a state (any when undefined) after `afterId`, in id order. */
  linkHealth(filter: { state?: LinkState; afterId?: string }, limit: number): Promise<LinkHealthRow[]>;
}

/** What a snapshot is made of: the page's title, its main text and a sanitized, self-contained copy. */
export interface PageReading {
  title: string;
  mainText: string;
  /** The page's content as an HTML fragment: no script, form, frame or handler; images inlined or dropped. */
  snapshotHtml: string;
}

/** What archiving needs from outside the domain. */
export interface SourceArchivePorts {
  fetcher: OutboundFetcher;
  /** Where snapshot bodies go: a store that is never served as it is (the site serves them at /archive/). */
  snapshots: BlobStore;
  readPage(fetched: FetchedResource): Promise<PageReading>;
  /** Only the main text, as `readPage` finds it (a recheck fetches no images). */
  readMainText(fetched: FetchedResource): string;
}
