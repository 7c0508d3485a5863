import type { Config } from '../config/config.js';
import type { DomainContext } from '../domain/context.js';
import { isSiteInitialized, markSiteInitialized } from '../domain/settings/site-state.js';
import { openSite } from '../main.js';

/** Sets up a new site in an empty database; refuses to touch a site that exists. */
export async function initializeSite(ctx: DomainContext, options: { isEmpty: boolean }): Promise<void> {
  if (!options.isEmpty) {
    // The demo (and the image generator it uses) is loaded only when a demo site is made.
    const { loadDemoSite } = await import('../demo/load-demo-site.js');
    await loadDemoSite(ctx);
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
    await initializeSite(site.ctx, options);
    console.log(options.isEmpty ? 'Created an empty site.' : 'Created the demo site.');
    return 0;
  } finally {
    await site.close();
  }
}
