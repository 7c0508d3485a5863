import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../config/config.js';
import { isSiteInitialized } from '../domain/settings/site-state.js';
import { buildApp } from '../http/app.js';
import { startScheduledPublishing } from '../jobs/scheduled-publishing.js';
import { openSite, type Site } from '../main.js';
import { initializeSite } from './init.js';

const contentChanged = 'broadsheet:content-changed';

/** Creates the database, runs migrations and loads the demo on the first start. */
async function prepareSite(config: Config): Promise<Site> {
  const site = await openSite(config);
  if (!(await isSiteInitialized(site.ctx))) {
    console.log('No site yet: loading the demo site…');
    await initializeSite(site.ctx, { isEmpty: false });
  }
  return site;
}

export async function runStart(config: Config): Promise<number> {
  if (config.workers > 1 && cluster.isPrimary) return runPrimary(config);
  return serve(config, await prepareSite(config));
}

/** Serves HTTP in this process until SIGINT/SIGTERM. */
async function serve(config: Config, site: Site): Promise<number> {
  if (cluster.isWorker) {
    // Sibling workers keep their own page caches; the primary relays each change to the others.
    site.events.addBroadcaster(() => process.send?.({ type: contentChanged }));
    process.on('message', (message: { type?: string }) => {
      if (message?.type === contentChanged) site.events.remoteChanged();
    });
  }
  const { app } = await buildApp(site);
  const job = startScheduledPublishing(site.ctx, (error) =>
    app.log.error({ err: error }, 'scheduled publishing failed'),
  );
  await app.listen({ host: config.host, port: config.port });
  if (!cluster.isWorker)
    console.log(
      `Broadsheet is serving ${config.siteUrl} (${site.storage.capabilities.name}, data in ${config.dataDir})`,
    );
  const shutdown = async (signal: string) => {
    if (!cluster.isWorker) console.log(`${signal}: shutting down`);
    job.stop();
    await app.close();
    await site.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
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
  cluster.on('exit', (worker, code) => {
    if (isStopping) return;
    console.error(`worker ${worker.process.pid} exited (${code}); starting another`);
    fork();
  });
  let listening = 0;
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
