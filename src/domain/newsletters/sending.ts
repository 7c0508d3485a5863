import type { DomainContext } from '../context.js';
import { memberLinkToken } from '../members/member-links.js';
import { hydratePosts } from '../posts/hydrate-posts.js';
import type {
  BulkMailer,
  ClaimedRecipient,
  RecipientOutcome,
  SendRecord,
  SendReport,
  SendTotals,
} from '../ports.js';
import { notFound, validationError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { assertCan, type AnyActor } from '../staff/permissions.js';
import { inTransaction } from '../transaction.js';
import { bulkMessageFor, correctionEmailFor, newsletterEmailFor } from './newsletter-email.js';
import { runLanes } from './send-lanes.js';

/** A send as the Admin API and the CLI show it. */
export interface SendView extends SendTotals {
  id: string;
  postId: string;
  newsletterId: string;
  /** A correction's send: the note it sends (null: the post). */
  noteId: string | null;
  status: SendRecord['status'];
  createdAt: string;
  startedAt: string;
  finishedAt: string | null;
}

const toView = (send: SendRecord, totals: SendTotals): SendView => ({
  id: send.id,
  postId: send.postId,
  newsletterId: send.newsletterId,
  noteId: send.noteId,
  status: send.status,
  ...totals,
  createdAt: send.createdAt,
  startedAt: send.startedAt,
  finishedAt: send.finishedAt,
});

export async function viewSends(ctx: DomainContext, sends: SendRecord[]): Promise<SendView[]> {
  const totals = await ctx.repos.newsletterSends.totals(sends.map((s) => s.id));
  return sends.map((s) => toView(s, totals.get(s.id)!));
}

export async function getSend(
  ctx: DomainContext,
  actor: AnyActor,
  id: string,
): Promise<{ send: SendView; report: SendReport }> {
  // Reports name members' addresses: only those who may send see them.
  assertCan(actor, 'publish', 'newsletter');
  const send = await ctx.repos.newsletterSends.findSend(id);
  if (!send) throw notFound('Send');
  const [view] = await viewSends(ctx, [send]);
  return { send: view!, report: await ctx.repos.newsletterSends.report(id, 1000) };
}

export async function listSends(ctx: DomainContext, actor: AnyActor, filter: { postId?: string }) {
  assertCan(actor, 'publish', 'newsletter');
  return viewSends(ctx, await ctx.repos.newsletterSends.listSends(filter));
}

/**
 * Starts sending a published post to a newsletter: the send is created (once per post and newsletter:
 * asking again answers with the same send) and its recipients listed (an INSERT … SELECT of the
 * active members subscribed now), in one transaction. The job does the sending.
 */
export async function startSend(
  ctx: DomainContext,
  input: { postId: string; newsletterId: string; actor: AnyActor; createdBy?: string | null },
): Promise<SendView> {
  assertCan(input.actor, 'publish', 'newsletter');
  return inTransaction(ctx, (tx) => createSendWithRecipients(tx, input));
}

/** `broadsheet newsletter send`: a send of the post with slug `postSlug` to the newsletter `newsletterSlug`. */
export async function startSendBySlugs(
  ctx: DomainContext,
  actor: AnyActor,
  slugs: { newsletter: string; post: string },
): Promise<SendView> {
  const newsletter = await ctx.repos.newsletterSends.findNewsletterBySlug(slugs.newsletter);
  if (!newsletter) throw notFound(`Newsletter ${slugs.newsletter}`);
  const post = await ctx.repos.posts.findOne({ slug: slugs.post });
  if (!post) throw notFound(`Post ${slugs.post}`);
  return startSend(ctx, { postId: post.id, newsletterId: newsletter.id, actor });
}

/**
 * Hands back to the queue the claims of processes whose lease ended before `liveSince` (every
 * claim, with null: a single-process database at start, where any claim is a dead process's).
 */
export async function releaseStaleClaims(ctx: DomainContext, liveSince: string | null): Promise<void> {
  await ctx.repos.newsletterSends.releaseStaleClaims(liveSince);
}

/** Keeps `claimer`'s claims alive: one row, renewed while the process works. */
export async function renewLease(ctx: DomainContext, claimer: string, now: string): Promise<void> {
  await ctx.repos.newsletterSends.renewLease(claimer, now);
}

/**
 * A send and its recipients, in the caller's transaction: the post's (the newsletter's members now),
 * or with `noteId` a correction's (those the post's send reached who are still subscribed).
 */
export async function createSendWithRecipients(
  ctx: DomainContext,
  input: { postId: string; newsletterId: string; noteId?: string; createdBy?: string | null },
): Promise<SendView> {
  const repo = ctx.repos.newsletterSends;
  const [post, newsletter] = await Promise.all([
    ctx.repos.posts.findById(input.postId),
    repo.findNewsletter(input.newsletterId),
  ]);
  if (!newsletter) throw notFound('Newsletter');
  if (!post) throw notFound('Post');
  if (post.status !== 'published')
    throw validationError([{ property: 'postId', message: 'the post must be published before it is sent' }]);
  const now = ctx.clock.now().toISOString();
  const { send } = await repo.createSend({
    id: newId(ctx.clock.now()),
    postId: post.id,
    newsletterId: newsletter.id,
    noteId: input.noteId ?? null,
    status: 'snapshot',
    createdBy: input.createdBy ?? null,
    createdAt: now,
    startedAt: now,
    finishedAt: null,
  });
  if (send.status === 'snapshot') await repo.snapshot(send.id, now);
  const [view] = await viewSends(ctx, [(await repo.findSend(send.id))!]);
  return view!;
}

/** Refuses a publish-and-send request the actor may not make, before anything is published. */
export async function checkSendRequest(
  ctx: DomainContext,
  actor: AnyActor,
  newsletterIds: string[],
): Promise<void> {
  if (newsletterIds.length === 0) return;
  assertCan(actor, 'publish', 'newsletter');
  for (const id of newsletterIds)
    if (!(await ctx.repos.newsletterSends.findNewsletter(id)))
      throw validationError([{ property: 'newsletterIds', message: `no newsletter ${id}` }]);
}

/**
 * Remembers to send a post to newsletters when it goes live (now or at its scheduled time); a post
 * already live starts its sends at once, in the same transaction.
 */
export async function requestSendsOnPublish(
  ctx: DomainContext,
  actor: AnyActor,
  input: { postId: string; newsletterIds: string[]; requestedBy: string | null },
): Promise<void> {
  if (input.newsletterIds.length === 0) return;
  await checkSendRequest(ctx, actor, input.newsletterIds);
  await inTransaction(ctx, async (tx) => {
    const { postId, newsletterIds, requestedBy } = input;
    await tx.repos.newsletterSends.addRequests(
      postId,
      newsletterIds,
      requestedBy,
      tx.clock.now().toISOString(),
    );
    if ((await tx.repos.posts.findById(postId))?.status === 'published')
      await startRequestedSends(tx, actor, { postId });
  });
}

/**
 * Starts the sends that published posts asked for (only one post's, given `postId`); each request
 * is dropped in the transaction that creates its send.
 */
export async function startRequestedSends(
  ctx: DomainContext,
  actor: AnyActor,
  filter: { postId?: string } = {},
): Promise<number> {
  const due = (await ctx.repos.newsletterSends.dueRequests()).filter(
    (r) => filter.postId === undefined || r.postId === filter.postId,
  );
  for (const r of due)
    await inTransaction(ctx, async (tx) => {
      await startSend(tx, {
        postId: r.postId,
        newsletterId: r.newsletterId,
        actor,
        createdBy: r.requestedBy,
      });
      await tx.repos.newsletterSends.deleteRequest(r.postId, r.newsletterId);
    });
  return due.length;
}

export interface SenderOptions {
  mailer: BulkMailer;
  /** Who claims rows: unique per process. */
  claimer: string;
  /** Recipients claimed at a time. */
  batchSize?: number;
  /** Attempts before a temporary failure becomes `failed`. */
  maxAttempts?: number;
  /** First retry delay; doubles with every attempt. */
  retryBaseMs?: number;
  /** Aborted at shutdown: the messages out are finished and recorded, nothing more is taken. */
  signal?: AbortSignal;
}

/** The content of one send, prepared once; per-recipient work is only the member's links. */
async function prepare(ctx: DomainContext, send: SendRecord) {
  const newsletter = await ctx.repos.newsletterSends.findNewsletter(send.newsletterId);
  const record = await ctx.repos.posts.findById(send.postId);
  if (!newsletter || !record) return undefined;
  const [post] = await hydratePosts(ctx, [record]);
  if (!send.noteId) return { newsletter, email: await newsletterEmailFor(ctx, newsletter, post!) };
  const note = await ctx.repos.notes.findById(send.noteId);
  return note ? { newsletter, email: await correctionEmailFor(ctx, newsletter, post!, note) } : undefined;
}

/**
 * Sends what is due of one send until nothing is left to claim now; then marks it done when every
 * recipient is sent, failed or skipped. Returns whether it is done.
 */
export async function drainSend(
  ctx: DomainContext,
  send: SendRecord,
  options: SenderOptions,
): Promise<boolean> {
  const repo = ctx.repos.newsletterSends;
  if (send.status === 'done') return true;
  if (send.status === 'snapshot') await repo.snapshot(send.id, ctx.clock.now().toISOString());
  const prepared = await prepare(ctx, send);
  if (!prepared) return false;
  const { newsletter, email } = prepared;
  const batchSize = options.batchSize ?? 200;
  const maxAttempts = options.maxAttempts ?? 5;
  const retryBaseMs = options.retryBaseMs ?? 30_000;
  const sendOne = async (r: ClaimedRecipient): Promise<RecipientOutcome> => {
    const [manage, unsubscribe] = await Promise.all([
      memberLinkToken(ctx, r.memberId, 'manage'),
      memberLinkToken(ctx, r.memberId, 'unsubscribe'),
    ]);
    const links = {
      manageUrl: `${ctx.siteUrl}/members/manage/?token=${encodeURIComponent(manage)}`,
      unsubscribeUrl: `${ctx.siteUrl}/unsubscribe/?token=${encodeURIComponent(unsubscribe)}`,
    };
    const result = await options.mailer.send(
      bulkMessageFor({
        ctx,
        newsletter,
        email,
        to: r.email,
        links,
        messageLocalPart: `${send.id}.${r.memberId}`,
      }),
    );
    if ('ok' in result) return { memberId: r.memberId, state: 'sent' };
    if ('permanent' in result) return { memberId: r.memberId, state: 'failed', error: result.permanent };
    if (r.attempts >= maxAttempts) return { memberId: r.memberId, state: 'failed', error: result.temporary };
    const delay = retryBaseMs * 2 ** (r.attempts - 1);
    return {
      memberId: r.memberId,
      state: 'retry',
      error: result.temporary,
      nextAttemptAt: new Date(ctx.clock.now().getTime() + delay).toISOString(),
    };
  };
  try {
    await runLanes({
      repo,
      sendId: send.id,
      claimer: options.claimer,
      lanes: options.mailer.connections,
      batchSize,
      now: () => ctx.clock.now().toISOString(),
      send: sendOne,
      signal: options.signal,
    });
  } catch (error) {
    // Our outcomes may be unwritten: give the claims back (what was out, marked) rather than hold them.
    await repo.releaseClaimsOf(options.claimer).catch(() => {});
    throw error;
  }
  return repo.finishIfDone(send.id, ctx.clock.now().toISOString());
}

/** One pass over every unfinished send. Returns how many are still unfinished. */
export async function drainAllSends(ctx: DomainContext, options: SenderOptions): Promise<number> {
  let unfinished = 0;
  for (const send of await ctx.repos.newsletterSends.unfinishedSends()) {
    if (options.signal?.aborted) return unfinished + 1;
    if (!(await drainSend(ctx, send, options))) unfinished++;
  }
  return unfinished;
}

/**
 * A process stopping gives back what it claimed: its claimed rows go back to pending (rows still
 * `sending` marked possibly duplicated, as after a crash) and its lease is forgotten, so another
 * process sends them at once instead of after the lease runs out.
 */
export async function handBackClaims(ctx: DomainContext, claimer: string): Promise<void> {
  await ctx.repos.newsletterSends.releaseClaimsOf(claimer);
  await ctx.repos.newsletterSends.forgetLease(claimer);
}
