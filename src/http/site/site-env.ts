import type { DomainContext } from '../../domain/context.js';
import { getSiteSettings, type SiteSettings } from '../../domain/settings/site-settings.js';
import { siteLogo } from '../../domain/site/public-reads.js';
import { publishedPolicyPages } from '../../domain/settings/site-policies.js';
import { postPath } from '../../rendering/site-paths.js';
import type { PublicPath } from '../../rendering/picture.js';
import type { PageFrame, PageMeta, SiteChrome, Theme } from '../../rendering/theme.js';

/** What the public site's page builders share. */
export interface SiteEnv {
  ctx: DomainContext;
  /** What renders the pages (src/rendering/theme.ts); chosen by the app (src/http/app.ts). */
  theme: Theme;
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
  const logo = await siteLogo(env.ctx, settings);
  const policies = await publishedPolicyPages(env.ctx, settings.policies);
  return {
    settings,
    chrome: {
      title: settings.title,
      description: settings.description,
      siteUrl: env.siteUrl,
      navigation: settings.navigation,
      logo,
      stylesheetPath: env.stylesheetPath,
      publicPath: env.publicPath,
      timeZone: settings.timezone,
      languages: settings.languages,
      defaultLanguage: settings.defaultLanguage,
      policies: policies.map((p) => ({ kind: p.kind, path: postPath(p) })),
    },
  };
}

export function frameFor(env: SiteEnv, source: FrameSource, language: string, meta: PageMeta): PageFrame {
  return { chrome: source.chrome, language, t: env.theme.strings(language), meta };
}

/**
 * The language a page asked for in `language` is shown in: one of the languages the site serves
 * (its settings' `languages`), else the site's default language.
 */
export function servedLanguage(source: FrameSource, language: string | undefined): string {
  return language && source.settings.languages.includes(language)
    ? language
    : source.settings.defaultLanguage;
}
