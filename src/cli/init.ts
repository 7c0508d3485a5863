import type { Config } from '../config/config.js';
import type { DomainContext } from '../domain/context.js';
import type { SourceArchivePorts } from '../domain/ports.js';
import { isSiteInitialized, markSiteInitialized } from '../domain/settings/site-state.js';
import { openSite } from '../main.js';

/** Sets up a new site in an empty database; refuses to touch a site that exists. */
export async function initializeSite(
  ctx: DomainContext,
  options: { isEmpty: boolean; progress?: (message: string) => void; archive?: SourceArchivePorts },
): Promise<void> {
  if (!options.isEmpty) {
    // The demo (and the image generator it uses) is loaded only when a demo site is made.
    const { demoSite, loadDemoSite } = await Promise.all([
      import('../demo/demo-site.js'),
      import('../demo/load-demo-site.js'),
    ]).then(([data, loader]) => ({ ...data, ...loader }));
    await loadDemoSite(ctx, demoSite, options.progress, options.archive);
  }
  await markSiteInitialized(ctx);
}

export async function runInit(config: Config, options: { isEmpty: boolean }): Promise<number> {
  const site = await openSite(config);
  try {
    if (await isSiteInitialized(site.ctx)) {
      console.error(
        `A site already exists in ${config.databaseUrl ? 'the PostgreSQL database' : config.dataDir}; nothing was changed.`,
      );
      return 1;
    }
    await initializeSite(site.ctx, {
      ...options,
      archive: site.sourceArchive,
      progress: (message) => console.log(message),
    });
    console.log(options.isEmpty ? 'Created an empty site.' : 'Created the demo site.');
    return 0;
  } finally {
    await site.close();
  }
}
