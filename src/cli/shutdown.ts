import type { FastifyInstance } from 'fastify';
import type { Lifecycle } from '../http/ops/health-routes.js';
import type { JobHandle } from '../jobs/periodic.js';

/** A background job as shutdown sees it: stopped first, then waited for, then its claims given back. */
export interface StoppableJob extends JobHandle {
  handBack?(): Promise<void>;
}

export interface ShutdownInput {
  app: FastifyInstance;
  lifecycle: Lifecycle;
  jobs: StoppableJob[];
  /** How long requests in flight may take to finish before their connections are closed. */
  drainMs: number;
  /** Closes what the site opened (the database last). */
  closeSite: () => Promise<void>;
  log: (message: string) => void;
}

function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([promise.then(() => true), late]).finally(() => clearTimeout(timer));
}

/**
 * The graceful stop: `/readyz` turns 503, the listener closes (new connections are refused), idle
 * keep-alive connections close, requests in flight finish (up to `drainMs`, then their connections
 * are cut), every job stops and gives back what it claimed, and the database closes last.
 */
export async function shutDown(input: ShutdownInput): Promise<void> {
  const { app, lifecycle, jobs, drainMs, log } = input;
  lifecycle.isDraining = true;
  for (const job of jobs) job.stop();
  const closing = app.close();
  if (!(await settlesWithin(closing, drainMs))) {
    log(`requests still running after ${drainMs} ms: closing their connections`);
    app.server.closeAllConnections();
    await closing;
  }
  await Promise.all(jobs.map((job) => (job.handBack ? job.handBack() : job.idle?.())));
  await input.closeSite();
}
