import { listCorrections, parseNoteCursor } from '../../domain/posts/post-notes.js';
import type { NoteCursor } from '../../domain/ports.js';
import { renderCorrectionsFeed } from '../../rendering/corrections-feed.js';
import { feedContentTypes } from '../../rendering/feeds.js';
import { correctionsPathIn } from '../../rendering/site-paths.js';
import type { FeedLink } from '../../rendering/theme.js';
import type { RenderedPage } from '../page-cache.js';
import { frameFor, loadChrome, type FrameSource, type SiteEnv } from './site-env.js';

/*
 * `/corrections/`: every correction published on the site, newest first, in each language the site
 * publishes (`/corrections/` in the default language, `/corrections/nb/` for another), paged by a
 * cursor in the path (`…/older/<cursor>/`), so each page is one index walk however many there are.
 * Cached like every page; a new correction drops these paths only (isCorrectionListed).
 */

const perPage = 20;
const feedSize = 20;

/** Where a request for the corrections list points: a language the site serves, and a page of it. */
export interface CorrectionsRequest {
  /** Absent: the site's default language. */
  language?: string;
  /** Absent: the first page. */
  cursor?: string;
}

/** The language asked for, when the site publishes in it (the default has no path of its own). */
function languageOf(source: FrameSource, asked: string | undefined): string | null {
  const { languages, defaultLanguage } = source.settings;
  if (asked === undefined) return defaultLanguage;
  return asked !== defaultLanguage && languages.includes(asked) ? asked : null;
}

function cursorOf(raw: string | undefined): NoteCursor | null | undefined {
  if (raw === undefined) return null;
  return parseNoteCursor(raw) ?? undefined;
}

const feedLinks = (title: string, base: string): FeedLink[] => [
  { title: `${title} (RSS)`, href: `${base}rss.xml`, type: 'application/rss+xml' },
  { title: `${title} (Atom)`, href: `${base}atom.xml`, type: 'application/atom+xml' },
];

export async function correctionsPage(
  env: SiteEnv,
  request: CorrectionsRequest,
): Promise<RenderedPage | null> {
  const source = await loadChrome(env);
  const language = languageOf(source, request.language);
  const before = cursorOf(request.cursor);
  if (language === null || before === undefined) return null;
  const { corrections, next } = await listCorrections(env.ctx, { language, before, limit: perPage });
  if (before !== null && corrections.length === 0) return null;
  const t = env.theme.strings(language);
  const { defaultLanguage, languages } = source.settings;
  const base = correctionsPathIn(language, defaultLanguage);
  const title = t.record.correctionsTitle;
  const frame = frameFor(env, source, language, {
    title,
    description: t.record.correctionsIntro,
    canonicalPath: request.cursor ? `${base}older/${request.cursor}/` : base,
    ogType: 'website',
    feeds: feedLinks(`${source.settings.title}: ${title}`, base),
    // Older pages are reached through the first; only the first is worth a search engine's time.
    isIndexable: request.cursor === undefined,
  });
  const policy = source.chrome.policies.find((p) => p.kind === 'corrections');
  const body = env.theme.pages.corrections(frame, {
    corrections,
    olderPath: next ? `${base}older/${next}/` : null,
    newestPath: before === null ? null : base,
    policyPath: policy?.path ?? null,
    otherLanguages: languages
      .filter((l) => l !== language)
      .map((l) => ({ language: l, path: correctionsPathIn(l, defaultLanguage) })),
  });
  return { status: 200, contentType: 'text/html; charset=utf-8', body };
}

export async function correctionsFeed(
  env: SiteEnv,
  request: { language?: string },
  format: 'rss' | 'atom',
): Promise<RenderedPage | null> {
  const source = await loadChrome(env);
  const language = languageOf(source, request.language);
  if (language === null) return null;
  const { corrections } = await listCorrections(env.ctx, { language, before: null, limit: feedSize });
  const t = env.theme.strings(language);
  const body = renderCorrectionsFeed(
    {
      title: `${source.settings.title}: ${t.record.correctionsTitle}`,
      description: t.record.correctionsIntro,
      language,
      siteUrl: env.siteUrl,
      pagePath: correctionsPathIn(language, source.settings.defaultLanguage),
      corrections,
      label: t.record.kinds.correction,
      now: env.ctx.clock.now().toISOString(),
    },
    format,
  );
  return { status: 200, contentType: feedContentTypes[format], body, maxAge: 300 };
}
