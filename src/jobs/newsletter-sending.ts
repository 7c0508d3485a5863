import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { DomainContext } from '../domain/context.js';
import {
  drainAllSends,
  handBackClaims,
  releaseStaleClaims,
  renewLease,
  startRequestedSends,
  type SenderOptions,
} from '../domain/newsletters/sending.js';
import type { BulkMailer } from '../domain/ports.js';
import { systemActor } from '../domain/staff/permissions.js';
import type { JobHandle } from './periodic.js';

export interface NewsletterSendingOptions {
  mailer: BulkMailer;
  /** Other processes may share the database (PostgreSQL): only claims older than the lease are theirs to lose. */
  isShared: boolean;
  leaseMs?: number;
  intervalMs?: number;
  sender?: Partial<Omit<SenderOptions, 'mailer' | 'claimer'>>;
}

export interface NewsletterSendingJob extends JobHandle {
  idle(): Promise<void>;
  /** After stop(): waits for the messages out, then gives this process's claims and lease back. */
  handBack(): Promise<void>;
}

/** A claimer name unique to this process (pid alone repeats across machines and restarts). */
export const processClaimer = () => `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

/**
 * Sends newsletters. State is the `send_recipients` table, so a process killed at any instant loses
 * nothing: claims a dead process held go back to pending (those it had handed to an SMTP connection
 * marked possibly duplicated, since the email may have left before the crash), and every unfinished
 * send resumes. A live process renews its lease (one row) so that nobody takes its claims.
 */
export function startNewsletterSending(
  ctx: DomainContext,
  options: NewsletterSendingOptions,
  onError: (error: unknown) => void,
): NewsletterSendingJob {
  const leaseMs = options.leaseMs ?? 60_000;
  const claimer = processClaimer();
  const actor = systemActor('newsletter sending');
  const controller = new AbortController();
  const sender: SenderOptions = {
    ...options.sender,
    mailer: options.mailer,
    claimer,
    signal: controller.signal,
  };
  let isStopped = false;
  let isFirst = true;
  let running: Promise<void> = Promise.resolve();
  const now = () => ctx.clock.now().toISOString();
  const liveSince = () => new Date(ctx.clock.now().getTime() - leaseMs).toISOString();
  const tick = async () => {
    // SQLite has one process: at start, every claim left behind is a dead process's.
    await releaseStaleClaims(ctx, isFirst && !options.isShared ? null : liveSince());
    isFirst = false;
    await renewLease(ctx, claimer, now());
    await startRequestedSends(ctx, actor);
    await drainAllSends(ctx, sender);
  };
  let isRunning = false;
  const run = () => {
    if (isRunning || isStopped) return;
    isRunning = true;
    running = tick()
      .catch(onError)
      .finally(() => {
        isRunning = false;
      });
  };
  run();
  const timer = setInterval(run, options.intervalMs ?? 2000);
  timer.unref();
  // Keeps this process's claims alive while it works, so no other process takes them for stale.
  const renew = setInterval(
    () => void renewLease(ctx, claimer, now()).catch(onError),
    Math.max(250, leaseMs / 4),
  );
  renew.unref();
  return {
    stop() {
      isStopped = true;
      controller.abort();
      clearInterval(timer);
      clearInterval(renew);
    },
    idle: () => running,
    async handBack() {
      await running;
      await handBackClaims(ctx, claimer);
    },
  };
}
