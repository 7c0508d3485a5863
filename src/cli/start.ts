import type { Config } from '../config/config.js';
import { isSiteInitialized } from '../domain/settings/site-state.js';
import { buildApp } from '../http/app.js';
import { startScheduledPublishing } from '../jobs/scheduled-publishing.js';
import { openSite } from '../main.js';
import { initializeSite } from './init.js';

export async function runStart(config: Config): Promise<number> {
  const site = await openSite(config);
  if (!(await isSiteInitialized(site.ctx))) {
    console.log('No site yet: loading the demo site…');
    await initializeSite(site.ctx, { isEmpty: false });
  }
  const { app } = await buildApp(site);
  const job = startScheduledPublishing(site.ctx, (error) =>
    app.log.error({ err: error }, 'scheduled publishing failed'),
  );
  await app.listen({ host: config.host, port: config.port });
  console.log(
    `Broadsheet is serving ${config.siteUrl} (${site.storage.capabilities.name}, data in ${config.dataDir})`,
  );
  const shutdown = async (signal: string) => {
    console.log(`${signal}: shutting down`);
    job.stop();
    await app.close();
    await site.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  return new Promise<number>(() => {});
}
