import { createHash } from 'node:crypto';
import type { DomainContext } from '../context.js';
import { OutboundFetchError, type FetchedResource } from '../fetch-ports.js';
import type { ArchiveClaim, SnapshotRecord, SourceArchivePorts } from '../ports.js';
import { newId } from '../shared/ids.js';
import { assertCan, type AnyActor } from '../staff/permissions.js';
import { afterCommit, inTransaction } from '../transaction.js';
import { createHostPacer, forEachBounded } from './polite-fetching.js';

export interface ArchiveRunOptions {
  /** Sources claimed per round. */
  batch?: number;
  /** How long a claim holds before another process may take it (the claimer may have died). */
  leaseMs?: number;
  concurrency?: number;
  /** Between two requests to one host. */
  hostSpacingMs?: number;
  /** Attempts before a source is marked `failed`; the waits between them double from a minute. */
  maxAttempts?: number;
  signal?: AbortSignal;
}

const defaults = { batch: 8, leaseMs: 10 * 60_000, concurrency: 3, hostSpacingMs: 1000, maxAttempts: 4 };

/**
 * Archives every due source (src/jobs/README.md, "source-archiving"): claims a batch under a lease,
 * fetches each through the safe fetcher outside any transaction, stores the snapshot body in the
 * archive's blob store, then records it in one transaction that also finishes the queue row. A
 * process killed at any instant leaves its claims to lapse; the next claim takes them again.
 * Returns how many sources were attempted.
 */
export async function archiveDueSources(
  ctx: DomainContext,
  ports: SourceArchivePorts,
  actor: AnyActor,
  options: ArchiveRunOptions = {},
): Promise<number> {
  assertCan(actor, 'update', 'post');
  const settings = { ...defaults, ...options };
  const pace = createHostPacer(settings.hostSpacingMs);
  let attempted = 0;
  while (!options.signal?.aborted) {
    const now = ctx.clock.now();
    const leaseUntil = new Date(now.getTime() + settings.leaseMs).toISOString();
    const claims = await inTransaction(ctx, (tx) =>
      tx.repos.sources.claimArchive(now.toISOString(), leaseUntil, settings.batch),
    );
    if (claims.length === 0) break;
    await forEachBounded(claims, settings.concurrency, async (claim) => {
      await pace(claim.url);
      await archiveOne(ctx, ports, claim, settings.maxAttempts);
    });
    attempted += claims.length;
  }
  return attempted;
}

async function archiveOne(
  ctx: DomainContext,
  ports: SourceArchivePorts,
  claim: ArchiveClaim,
  maxAttempts: number,
): Promise<void> {
  let snapshot: SnapshotRecord;
  try {
    const fetched = await ports.fetcher.get(claim.url);
    if (fetched.status >= 400) throw new ArchiveRefused(`the page answered HTTP ${fetched.status}`);
    snapshot = await takeSnapshot(ctx, ports, claim, fetched);
  } catch (error) {
    await recordFailure(ctx, claim, describe(error), maxAttempts);
    return;
  }
  await recordTaken(ctx, ports, claim, snapshot);
}

/**
 * Archives the post's source at `url` from a copy of its page already in hand (the demo site ships
 * one, so that loading it needs no network). Returns the source's id, if the post cites the URL.
 */
export async function archiveFromCopy(
  ctx: DomainContext,
  ports: SourceArchivePorts,
  actor: AnyActor,
  input: { postId: string; url: string; fetched: FetchedResource },
): Promise<string | undefined> {
  assertCan(actor, 'update', 'post');
  const source = (await ctx.repos.sources.ofPost(input.postId)).find((s) => s.url === input.url);
  if (!source) return undefined;
  const claim = { sourceId: source.id, url: source.url, postId: source.postId, attempts: 1 };
  const snapshot = await takeSnapshot(ctx, ports, claim, input.fetched);
  await recordTaken(ctx, ports, claim, snapshot);
  return source.id;
}

async function recordTaken(
  ctx: DomainContext,
  ports: SourceArchivePorts,
  claim: ArchiveClaim,
  snapshot: SnapshotRecord,
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    if (!(await tx.repos.sources.findById(claim.sourceId))) {
      // The source left the post while it was being fetched: its snapshot has nobody to serve.
      afterCommit(tx, () => ports.snapshots.delete(snapshot.blobKey));
      return;
    }
    await tx.repos.sources.recordSnapshot(snapshot);
    const post = await tx.repos.posts.findById(claim.postId);
    if (post?.status === 'published') tx.events.contentChanged({ posts: [post.slug] });
  });
}

/** Reads the fetched page and stores its snapshot body; the record is not written yet. */
async function takeSnapshot(
  ctx: DomainContext,
  ports: SourceArchivePorts,
  claim: ArchiveClaim,
  fetched: FetchedResource,
): Promise<SnapshotRecord> {
  const reading = await ports.readPage(fetched);
  const takenAt = ctx.clock.now();
  const id = newId(takenAt);
  const blobKey = snapshotKey(id, takenAt);
  await ports.snapshots.put(blobKey, Buffer.from(reading.snapshotHtml, 'utf8'), 'text/html; charset=utf-8');
  return {
    id,
    sourceId: claim.sourceId,
    url: claim.url,
    takenAt: takenAt.toISOString(),
    httpStatus: fetched.status,
    finalUrl: fetched.url,
    contentType: fetched.contentType,
    title: reading.title,
    bodySha256: sha256(fetched),
    mainText: reading.mainText,
    blobKey,
  };
}

class ArchiveRefused extends Error {}

function snapshotKey(id: string, at: Date): string {
  const month = String(at.getUTCMonth() + 1).padStart(2, '0');
  return `snapshots/${at.getUTCFullYear()}/${month}/${id}.html`;
}

const sha256 = (fetched: FetchedResource) => createHash('sha256').update(fetched.body).digest('hex');

async function recordFailure(
  ctx: DomainContext,
  claim: ArchiveClaim,
  error: string,
  maxAttempts: number,
): Promise<void> {
  const now = ctx.clock.now().getTime();
  const notBefore =
    claim.attempts < maxAttempts
      ? new Date(now + 60_000 * 2 ** (claim.attempts - 1)).toISOString()
      : undefined;
  await inTransaction(ctx, (tx) => tx.repos.sources.recordArchiveFailure(claim.sourceId, error, notBefore));
}

function describe(error: unknown): string {
  if (error instanceof OutboundFetchError) return `${error.problem}: ${error.message}`.slice(0, 500);
  if (error instanceof ArchiveRefused) return error.message;
  console.error('source archiving:', error);
  return 'the page could not be archived';
}
