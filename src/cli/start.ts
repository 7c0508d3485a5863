import cluster, { type Worker } from 'node:cluster';
import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.js';
import { parseContentChange } from '../domain/content-events.js';
import { isSiteInitialized } from '../domain/settings/site-state.js';
import { buildApp } from '../http/app.js';
import { startImportJobs } from '../jobs/import-jobs.js';
import { startMediaVariants } from '../jobs/media-variants.js';
import { startLinkHealth } from '../jobs/link-health.js';
import { startMemberImports } from '../jobs/member-import.js';
import { startNewsletterSending } from '../jobs/newsletter-sending.js';
import { startRelatedPosts } from '../jobs/related-posts.js';
import { startScheduledPublishing } from '../jobs/scheduled-publishing.js';
import { startSearchRebuild } from '../jobs/search-rebuild.js';
import { startSessionSweep } from '../jobs/session-sweep.js';
import { startSourceArchiving } from '../jobs/source-archiving.js';
import { createImportJobPorts, createNewsletterMailer, openSite, type Site } from '../main.js';
import { initializeSite } from './init.js';
import { shutDown, type StoppableJob } from './shutdown.js';

const contentChanged = 'broadsheet:content-changed';

/** A start failure the user can fix; printed as its message, without a stack. */
export class StartError extends Error {}

function explainListenError(error: NodeJS.ErrnoException, config: Config): Error {
  if (error.code === 'EADDRINUSE')
    return new StartError(
      `Port ${config.port} on ${config.host} is already in use: stop the other server or set PORT.`,
    );
  if (error.code === 'EACCES')
    return new StartError(`Not allowed to listen on port ${config.port}: choose a PORT above 1023.`);
  if (error.code === 'EADDRNOTAVAIL')
    return new StartError(`This machine has no address ${config.host}: check HOST.`);
  return error;
}

/** Listens, turning the common failures into one sentence that says what to change. */
async function listenOrExplain(app: FastifyInstance, config: Config): Promise<void> {
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    throw explainListenError(error as NodeJS.ErrnoException, config);
  }
}

/** Creates the database, runs migrations and loads the demo on the first start. */
async function prepareSite(config: Config): Promise<Site> {
  const site = await openSite(config);
  if (!(await isSiteInitialized(site.ctx))) {
    console.log('No site yet: loading the demo site…');
    await initializeSite(site.ctx, {
      isEmpty: false,
      archive: site.sourceArchive,
      progress: (message) => console.log(message),
    });
  }
  return site;
}

/** Fails at once when the address cannot be used, before minutes could go into setting up a site. */
async function checkAddress(config: Config): Promise<void> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (error: NodeJS.ErrnoException) => reject(explainListenError(error, config)));
    probe.listen(config.port, config.host, () => probe.close(() => resolve()));
  });
}

export async function runStart(config: Config): Promise<number> {
  if (cluster.isPrimary) await checkAddress(config);
  if (config.workers > 1 && cluster.isPrimary) return runPrimary(config);
  return serve(config, await prepareSite(config));
}

/** Serves HTTP in this process until SIGINT/SIGTERM. */
async function serve(config: Config, site: Site): Promise<number> {
  if (cluster.isWorker) {
    // Sibling workers keep their own page caches; the primary relays each change to the others.
    site.events.addBroadcaster((change) => process.send?.({ type: contentChanged, change }));
    process.on('message', (message: { type?: string; change?: unknown }) => {
      if (message?.type === contentChanged) site.events.remoteChanged(parseContentChange(message.change));
    });
  }
  const { app, lifecycle } = await buildApp(site);
  const jobs: StoppableJob[] = [
    startScheduledPublishing(site.ctx, (error) =>
      app.log.error({ err: error }, 'scheduled publishing failed'),
    ),
    startSessionSweep(site.ctx, (error) => app.log.error({ err: error }, 'session sweep failed')),
    startMemberImports(site.ctx, (error) => app.log.error({ err: error }, 'member import failed')),
    startImportJobs(site.ctx, {
      ports: createImportJobPorts(config, site.ctx.privateFiles),
      isOnlyProcess: !site.storage.capabilities.isShared && config.workers <= 1,
      onError: (error) => app.log.error({ err: error }, 'import job failed'),
    }),
    startMediaVariants(
      site.ctx,
      { isShared: site.storage.capabilities.isShared || config.workers > 1 },
      (error) => app.log.error({ err: error }, 'image variants failed'),
    ),
    startSourceArchiving(site.ctx, site.sourceArchive, (error) =>
      app.log.error({ err: error }, 'source archiving failed'),
    ),
    startLinkHealth(site.ctx, site.sourceArchive, (error) =>
      app.log.error({ err: error }, 'link health failed'),
    ),
  ];
  const related = startRelatedPosts(site.ctx, (error) =>
    app.log.error({ err: error }, 'related posts failed'),
  );
  // A local change that lists posts may have queued a related job: run it soon.
  site.events.subscribe((change) => {
    if (change.everything || (change.posts?.length ?? 0) > 0) related.wake();
  });
  jobs.push(related);
  const newsletterMailer = createNewsletterMailer(config);
  if (newsletterMailer)
    jobs.push(
      startNewsletterSending(
        site.ctx,
        {
          mailer: newsletterMailer,
          isShared: site.storage.capabilities.isShared || config.workers > 1,
          leaseMs: config.newsletterLeaseSeconds * 1000,
        },
        (error) => app.log.error({ err: error }, 'newsletter sending failed'),
      ),
    );
  await listenOrExplain(app, config);
  if (!cluster.isWorker || cluster.worker?.id === 1)
    void startSearchRebuild(site.ctx, {
      info: (message) => app.log.info(message),
      error: (error) => app.log.error({ err: error }, 'search rebuild failed'),
    });
  if (!cluster.isWorker)
    console.log(
      `Broadsheet is listening on http://${config.host}:${config.port} for ${config.siteUrl} (${site.storage.capabilities.name}, data in ${config.dataDir})`,
    );
  let isShuttingDown = false;
  const shutdown = async (signal: string) => {
    if (isShuttingDown) {
      // A worker hears Ctrl-C and then its primary's SIGTERM: one shutdown. Alone, a second Ctrl-C
      // does not wait for the drain.
      if (cluster.isWorker) return;
      console.error(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    isShuttingDown = true;
    if (!cluster.isWorker) console.log(`${signal}: shutting down`);
    try {
      await shutDown({
        app,
        lifecycle,
        jobs,
        drainMs: config.drainSeconds * 1000,
        closeSite: async () => {
          await newsletterMailer?.close();
          await site.close();
        },
        log: (message) => app.log.warn(message),
      });
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
    if (!cluster.isWorker) console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  return new Promise<number>(() => {});
}

/**
 * Several HTTP workers on one port (the kernel spreads connections), for machines with cores to
 * spare. The primary prepares the database once, relays content changes between workers and
 * replaces a worker that dies.
 */
async function runPrimary(config: Config): Promise<number> {
  await (await prepareSite(config)).close();
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  let isStopping = false;
  const relay = (from: Worker) => (message: { type?: string }) => {
    if (message?.type !== contentChanged) return;
    for (const worker of Object.values(cluster.workers ?? {}))
      if (worker && worker !== from) worker.send(message);
  };
  const fork = () => {
    const worker = cluster.fork();
    worker.on('message', relay(worker));
  };
  for (let i = 0; i < config.workers; i++) fork();
  let listening = 0;
  cluster.on('exit', (worker, code) => {
    if (isStopping) return;
    if (listening < config.workers) {
      // A worker that dies before every worker listens (port taken, bad address) would die again.
      console.error(`A worker could not start (exit code ${code}); stopping.`);
      isStopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
      process.exit(1);
    }
    console.error(`worker ${worker.process.pid} exited (${code}); starting another`);
    fork();
  });
  cluster.on('listening', () => {
    if (++listening === config.workers)
      console.log(
        `Broadsheet is serving ${config.siteUrl} with ${config.workers} workers (data in ${config.dataDir})`,
      );
  });
  const shutdown = (signal: string) => {
    console.log(`${signal}: shutting down`);
    isStopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    cluster.disconnect(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  return new Promise<number>(() => {});
}
