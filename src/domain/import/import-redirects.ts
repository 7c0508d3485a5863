import type { DomainContext } from '../context.js';
import { newId } from '../shared/ids.js';
import { isSafeSitePath } from '../shared/validate.js';
import type { ImportReport } from './import-report.js';
import type { ExportIndex } from './wordpress-index.js';

/**
 * The old site's addresses and where they live now: each post's permalink, `?p=`/`?page_id=`,
 * category, tag and author archives and their feeds, date archives and attachment pages. Stored as 301 redirects (answered where the
 * new site has no page of its own) and used to rewrite the links inside imported posts.
 */
export class OldUrls {
  /** Old path (percent-decoded, with its `?p=N` query when it has one) → new path. */
  private readonly paths = new Map<string, string>();
  private readonly basePath: string;

  constructor(private readonly index: ExportIndex) {
    this.basePath = basePathOf(index.site?.link ?? '');
  }

  addPost(wpId: string, type: 'post' | 'page', link: string, newPath: string): void {
    const old = this.pathOf(link);
    if (old !== undefined) this.paths.set(old, newPath);
    if (!/^\d+$/.test(wpId)) return;
    this.paths.set(`${this.basePath}/?p=${wpId}`, newPath);
    if (type === 'page') this.paths.set(`${this.basePath}/?page_id=${wpId}`, newPath);
  }

  /** An archive and its feed: `/category/a/b/` → `/tag/b/`, `/category/a/b/feed/` → `/tag/b/rss.xml`. */
  addArchive(oldPaths: string[], newPath: string): void {
    for (const path of oldPaths) {
      const old = `${this.basePath}${path}`;
      this.paths.set(old, newPath);
      this.paths.set(`${old}feed/`, `${newPath}rss.xml`);
    }
  }

  /** A path under the old site's base (`/2024/05/`, `/?m=202405`) and where it lives now. */
  addPath(oldPath: string, newPath: string): void {
    this.paths.set(`${this.basePath}${oldPath}`, newPath);
  }

  /** An old URL (a post's, an attachment page's) and where it lives now; false when it is not the old site's. */
  addUrl(url: string, newPath: string): boolean {
    const old = this.pathOf(url);
    if (old === undefined) return false;
    this.paths.set(old, newPath);
    return true;
  }

  /** Whether an absolute URL is on the old site (its own addresses, with or without `www.`). */
  isOldSiteUrl(url: string): boolean {
    return /^https?:\/\//i.test(url.trim()) && this.pathOf(url) !== undefined;
  }

  /** The old site's base path (`/news` for a site at `https://example.com/news`; empty at the root). */
  get base(): string {
    return this.basePath;
  }

  /** Where an old URL (absolute on the old site, or a path) lives now, if it is one of the old site's. */
  newPathOf(url: string): string | undefined {
    const path = this.pathOf(url);
    if (path === undefined) return undefined;
    return this.paths.get(path) ?? this.paths.get(path.endsWith('/') ? path : `${path}/`);
  }

  entries(): [string, string][] {
    return [...this.paths];
  }

  /** The old site's path of a URL (decoded, with a `p`, `page_id`, `attachment_id` or `m` query kept); undefined for other sites. */
  private pathOf(url: string): string | undefined {
    const trimmed = url.trim();
    const onSite = [...this.index.siteUrls].find(
      (site) => sameOrigin(trimmed, site) || trimmed.startsWith(`${site}/`) || trimmed === site,
    );
    if (onSite === undefined && !trimmed.startsWith('/')) return undefined;
    let parsed: URL;
    try {
      parsed = new URL(trimmed, 'http://old.invalid');
    } catch {
      return undefined;
    }
    const query = /^\?(p|page_id|attachment_id|m)=(\d+)/.exec(parsed.search);
    let path = parsed.pathname;
    try {
      path = decodeURIComponent(path);
    } catch {
      // keep it as written
    }
    return query ? `${path}?${query[1]}=${query[2]}` : path;
  }
}

function sameOrigin(url: string, site: string): boolean {
  const strip = (u: string) => u.replace(/^https?:\/\/(www\.)?/i, '//');
  return strip(url).startsWith(`${strip(site)}/`);
}

function basePathOf(link: string): string {
  try {
    return new URL(link).pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

const protectedPrefixes = ['/admin', '/media/', '/assets/', '/ghost/'];

/** Stores every old URL as a 301 to its new path: made once, updated when the target moved. */
export async function writeRedirects(tx: DomainContext, urls: OldUrls, report: ImportReport): Promise<void> {
  const entries = urls.entries().map(([fromPath, toUrl]) => ({ fromPath, toUrl, statusCode: 301 as const }));
  await writeRedirectEntries(tx, entries, report);
}

export interface ImportedRedirect {
  fromPath: string;
  toUrl: string;
  statusCode: 301 | 302;
}

/** Stores redirects from an old site: made once, updated when the target moved, never over Broadsheet's own paths. */
export async function writeRedirectEntries(
  tx: DomainContext,
  entries: ImportedRedirect[],
  report: ImportReport,
): Promise<void> {
  const now = tx.clock.now().toISOString();
  for (const { fromPath, toUrl, statusCode } of entries) {
    const path = fromPath.split('?')[0]!;
    if (fromPath === toUrl || !isSafeSitePath(fromPath) || fromPath.length > 1024) continue;
    if (isProtectedPath(path)) continue;
    const existing = await tx.repos.redirects.findByPath(fromPath);
    if (existing?.toUrl === toUrl && existing.statusCode === statusCode) report.redirects.skipped++;
    else if (existing) {
      await tx.repos.redirects.update(existing.id, { toUrl, statusCode, updatedAt: now });
      report.redirects.updated++;
    } else {
      const id = newId(tx.clock.now());
      await tx.repos.redirects.insert({ id, fromPath, toUrl, statusCode, createdAt: now, updatedAt: now });
      report.redirects.created++;
    }
  }
}

export function isProtectedPath(path: string): boolean {
  return protectedPrefixes.some((p) => path === p || path.startsWith(p.replace(/\/?$/, '/')));
}

/** Links inside a post's HTML to the old site's posts and archives, pointed at their new paths. */
export function rewriteLinks(html: string, urls: OldUrls): string {
  return html.replace(
    /(<a\b[^>]*?\bhref\s*=\s*)(["'])([^"']*)\2/gi,
    (whole, start: string, quote: string, href: string) => {
      const decoded = href.replace(/&amp;/g, '&').replace(/&#0?38;/g, '&');
      const target = urls.newPathOf(decoded);
      return target === undefined ? whole : `${start}${quote}${target}${quote}`;
    },
  );
}
