import type { DomainContext } from '../../domain/context.js';
import { getSiteSettings, type SiteSettings } from '../../domain/settings/site-settings.js';
import type { PublicPath } from '../../rendering/picture.js';
import { stringsFor } from '../../../themes/default/i18n.js';
import type { PageFrame, PageMeta, SiteChrome } from '../../../themes/default/templates/view.js';
import { toPicture } from '../../domain/media/picture.js';

/** What the public site's page builders share. */
export interface SiteEnv {
  ctx: DomainContext;
  siteUrl: string;
  stylesheetPath: string;
  publicPath: PublicPath;
  /** Changes whenever content changes; what is memoized for one generation is reloaded after. */
  generation: () => number;
  memo: Map<string, { generation: number; value: Promise<unknown> }>;
}

/** Loads a value once per content generation (site settings, promotions: read by every page). */
export function memoized<T>(env: SiteEnv, key: string, load: () => Promise<T>): Promise<T> {
  const generation = env.generation();
  const hit = env.memo.get(key);
  if (hit && hit.generation === generation) return hit.value as Promise<T>;
  const value = load();
  env.memo.set(key, { generation, value });
  value.catch(() => env.memo.delete(key));
  return value;
}

export interface FrameSource {
  settings: SiteSettings;
  chrome: SiteChrome;
}

export function loadChrome(env: SiteEnv): Promise<FrameSource> {
  return memoized(env, 'chrome', () => readChrome(env));
}

async function readChrome(env: SiteEnv): Promise<FrameSource> {
  const settings = await getSiteSettings(env.ctx);
  const logo = settings.logoMediaId ? await env.ctx.repos.media.findById(settings.logoMediaId) : undefined;
  return {
    settings,
    chrome: {
      title: settings.title,
      description: settings.description,
      siteUrl: env.siteUrl,
      navigation: settings.navigation,
      logo: logo ? toPicture(logo) : null,
      stylesheetPath: env.stylesheetPath,
      publicPath: env.publicPath,
      timeZone: settings.timezone,
    },
  };
}

export function frameFor(source: FrameSource, language: string, meta: PageMeta): PageFrame {
  return { chrome: source.chrome, language, t: stringsFor(language), meta };
}
