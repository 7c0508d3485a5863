import type { DomainContext } from '../context.js';

const initializedKey = 'initialized_at';

/** A site is initialized once `init` (or the first `start`) has set it up; later starts keep what is there. */
export async function isSiteInitialized(ctx: DomainContext): Promise<boolean> {
  const all = await ctx.repos.settings.getAll();
  return initializedKey in all;
}

export async function markSiteInitialized(ctx: DomainContext): Promise<void> {
  const now = ctx.clock.now().toISOString();
  await ctx.repos.settings.set({ [initializedKey]: JSON.stringify(now) }, now);
}
