import type { DomainContext } from '../context.js';
import { viewSends } from '../newsletters/sending.js';

/** A queue's depth stops counting here, so a scrape never reads a whole table. */
export const queueDepthCap = 10_000;

export interface QueueStat {
  queue: string;
  depth: number;
  /** Seconds since the oldest waiting entry was queued; null when the queue is empty. */
  oldestAgeSeconds: number | null;
}

export interface SendProgress {
  sendId: string;
  newsletterId: string;
  total: number;
  sent: number;
  failed: number;
  skipped: number;
  pending: number;
}

/** Every persisted job queue's backlog, for the operator's metrics (no actor: the transport checks the token). */
export async function jobQueueStats(ctx: DomainContext): Promise<QueueStat[]> {
  const now = ctx.clock.now().getTime();
  return (await ctx.repos.jobQueues.depths(queueDepthCap)).map((q) => ({
    queue: q.queue,
    depth: q.depth,
    oldestAgeSeconds: q.oldestAt ? Math.max(0, (now - Date.parse(q.oldestAt)) / 1000) : null,
  }));
}

/** How far each unfinished newsletter send has got (only sends under way: a handful of rows). */
export async function sendProgress(ctx: DomainContext): Promise<SendProgress[]> {
  const views = await viewSends(ctx, await ctx.repos.newsletterSends.unfinishedSends());
  return views.map((v) => ({
    sendId: v.id,
    newsletterId: v.newsletterId,
    total: v.total,
    sent: v.sent,
    failed: v.failed,
    skipped: v.skipped,
    pending: v.pending,
  }));
}
