import type { DomainContext } from '../context.js';
import { OutboundFetchError, type FetchedResource } from '../fetch-ports.js';
import type { HealthCandidate, LinkCheckRecord, SourceArchivePorts } from '../ports.js';
import { newId } from '../shared/ids.js';
import { assertCan, type AnyActor } from '../staff/permissions.js';
import { inTransaction } from '../transaction.js';
import { createHostPacer, forEachBounded } from './polite-fetching.js';
import { isMaterialChange } from './text-change.js';

export interface HealthRunOptions {
  /** Sources read per step (one keyset page). */
  batch?: number;
  concurrency?: number;
  hostSpacingMs?: number;
  /** A pass over every source starts at most this often. */
  passIntervalMs?: number;
  leaseMs?: number;
  signal?: AbortSignal;
}

const defaults = {
  batch: 25,
  concurrency: 4,
  hostSpacingMs: 2000,
  passIntervalMs: 7 * 24 * 3600_000,
  // Longer than the slowest step: 25 fetches of at most 20 s to one host, one after another.
  leaseMs: 30 * 60_000,
};

interface CheckResult {
  check: LinkCheckRecord;
  validators: { etag: string | null; lastModified: string | null };
  wasGone: boolean;
}

/**
 * Rechecks the archived sources of published posts (src/jobs/README.md, "link-health"): a pass walks
 * them in id order a page at a time (keyset: each step costs the same however many there are),
 * each step under the one lease of `source_health_state`, its results and the cursor's move in one
 * transaction. A killed step is done again once the lease lapses. Returns how many were checked.
 */
export async function checkLinkHealth(
  ctx: DomainContext,
  ports: SourceArchivePorts,
  actor: AnyActor,
  options: HealthRunOptions = {},
): Promise<number> {
  assertCan(actor, 'update', 'post');
  const settings = { ...defaults, ...options };
  const pace = createHostPacer(settings.hostSpacingMs);
  let checked = 0;
  while (!options.signal?.aborted) {
    const now = ctx.clock.now();
    const leaseUntil = new Date(now.getTime() + settings.leaseMs).toISOString();
    const lease = await inTransaction(ctx, (tx) =>
      tx.repos.sources.takeHealthLease(now.toISOString(), leaseUntil),
    );
    if (!lease) break;
    let { cursor, passStartedAt } = lease;
    if (cursor === null) {
      const isRested = passStartedAt && now.getTime() - Date.parse(passStartedAt) < settings.passIntervalMs;
      if (isRested) {
        await inTransaction(ctx, (tx) => tx.repos.sources.moveHealthCursor(null, passStartedAt));
        break;
      }
      passStartedAt = now.toISOString();
    }
    const candidates = await ctx.repos.sources.healthCandidates(cursor, settings.batch);
    const results: CheckResult[] = [];
    await forEachBounded(candidates, settings.concurrency, async (candidate) => {
      await pace(candidate.url);
      results.push(await checkOne(ctx, ports, candidate));
    });
    cursor = candidates.at(-1)?.sourceId ?? null;
    await recordStep(ctx, results, cursor, passStartedAt);
    checked += results.length;
    if (cursor === null) break;
  }
  return checked;
}

async function recordStep(
  ctx: DomainContext,
  results: CheckResult[],
  cursor: string | null,
  passStartedAt: string | null,
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const shown = new Set<string>();
    for (const result of results) {
      const source = await tx.repos.sources.findById(result.check.sourceId);
      if (!source) continue;
      await tx.repos.sources.recordCheck(result.check, result.validators);
      if (result.wasGone !== (result.check.state === 'gone')) shown.add(source.postId);
    }
    await tx.repos.sources.moveHealthCursor(cursor, passStartedAt);
    const posts = await Promise.all([...shown].map((id) => tx.repos.posts.findById(id)));
    const slugs = posts.filter((p) => p?.status === 'published').map((p) => p!.slug);
    if (slugs.length > 0) tx.events.contentChanged({ posts: slugs });
  });
}

async function checkOne(
  ctx: DomainContext,
  ports: SourceArchivePorts,
  candidate: HealthCandidate,
): Promise<CheckResult> {
  const base = {
    id: newId(ctx.clock.now()),
    sourceId: candidate.sourceId,
    checkedAt: ctx.clock.now().toISOString(),
  };
  const kept = { etag: candidate.etag, lastModified: candidate.lastModified };
  const wasGone = candidate.linkStatus === 'gone';
  let fetched: FetchedResource;
  try {
    fetched = await ports.fetcher.get(candidate.url, {
      ...(candidate.etag ? { ifNoneMatch: candidate.etag } : {}),
      ...(candidate.lastModified ? { ifModifiedSince: candidate.lastModified } : {}),
    });
  } catch (error) {
    const detail =
      error instanceof OutboundFetchError ? `${error.problem}: ${error.message}` : 'the check failed';
    const check = {
      ...base,
      state: 'unreachable' as const,
      httpStatus: null,
      finalUrl: '',
      detail: detail.slice(0, 500),
    };
    return { check, validators: kept, wasGone };
  }
  const state = stateOf(ports, candidate, fetched);
  const validators =
    fetched.status === 200
      ? { etag: fetched.etag ?? null, lastModified: fetched.lastModified ?? null }
      : kept;
  const check = { ...base, state, httpStatus: fetched.status, finalUrl: fetched.url, detail: '' };
  return { check, validators, wasGone };
}

function stateOf(
  ports: SourceArchivePorts,
  candidate: HealthCandidate,
  fetched: FetchedResource,
): LinkCheckRecord['state'] {
  if (fetched.status === 404 || fetched.status === 410) return 'gone';
  if (fetched.status >= 400 || fetched.status < 200) return 'unreachable';
  if (!isSameUrl(fetched.url, candidate.url)) return 'redirected';
  // Not modified since the last full answer, which was judged then: a changed page stays changed.
  if (fetched.status === 304) return candidate.linkStatus === 'changed' ? 'changed' : 'ok';
  if (
    candidate.snapshotMainText !== null &&
    isMaterialChange(candidate.snapshotMainText, ports.readMainText(fetched))
  )
    return 'changed';
  return 'ok';
}

function isSameUrl(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return a === b;
  }
}

/**
 * Records a check made outside the job (the demo's history) as the job records one, and lets the
 * pass rest from now, so the job does not recheck it at once.
 */
export async function recordLinkCheck(
  ctx: DomainContext,
  actor: AnyActor,
  input: { sourceId: string; state: LinkCheckRecord['state']; httpStatus: number | null; finalUrl: string },
): Promise<void> {
  assertCan(actor, 'update', 'post');
  const now = ctx.clock.now();
  await inTransaction(ctx, async (tx) => {
    const check = { id: newId(now), checkedAt: now.toISOString(), detail: '', ...input };
    await tx.repos.sources.recordCheck(check, { etag: null, lastModified: null });
    await tx.repos.sources.moveHealthCursor(null, now.toISOString());
  });
}
