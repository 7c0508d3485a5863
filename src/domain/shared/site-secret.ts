import { randomBytes } from 'node:crypto';
import type { DomainContext } from '../context.js';

/**
 * A secret of the site, kept in the settings table under `key` and made on first use (32 random
 * bytes). Every process of a site reads the same one, so what one process signs another accepts.
 */
export type SiteSecretKey = 'memberLinkSecret' | 'formTokenSecret';

const cache = new WeakMap<DomainContext, Map<SiteSecretKey, Promise<Buffer>>>();

export function siteSecret(ctx: DomainContext, key: SiteSecretKey): Promise<Buffer> {
  let secrets = cache.get(ctx);
  if (!secrets) cache.set(ctx, (secrets = new Map()));
  let secret = secrets.get(key);
  if (!secret) {
    secret = readOrMake(ctx, key);
    secrets.set(key, secret);
    secret.catch(() => secrets.delete(key));
  }
  return secret;
}

async function readOrMake(ctx: DomainContext, key: SiteSecretKey): Promise<Buffer> {
  let stored = (await ctx.repos.settings.getAll())[key];
  if (!stored) {
    await ctx.repos.settings.setIfAbsent(
      key,
      JSON.stringify(randomBytes(32).toString('base64url')),
      ctx.clock.now().toISOString(),
    );
    stored = (await ctx.repos.settings.getAll())[key]!;
  }
  return Buffer.from(JSON.parse(stored) as string, 'base64url');
}
