import { authorPath, postPath, tagPath } from '../../rendering/site-paths.js';
import { updateSiteSettings, type SiteSettings } from '../settings/site-settings.js';
import { DomainError } from '../shared/errors.js';
import { isValidSlug } from '../shared/slug.js';
import { cleanText, isSafeSitePath } from '../shared/validate.js';
import type { AnyActor } from '../staff/permissions.js';
import { isInternalTag } from '../taxonomy/internal-tags.js';
import type { GhostRun } from './ghost-posts.js';
import type { GhostRedirect } from './import-ports.js';
import type { ImportReport } from './import-report.js';
import type { ImportedRedirect } from './import-redirects.js';

/**
 * Ghost's addresses that Broadsheet's own do not already answer: a post, tag or author whose slug
 * changed, the tag and author feeds (`/tag/x/rss/`), AMP pages (`/slug/amp/`).
 */
export async function ghostAddresses(run: GhostRun): Promise<ImportedRedirect[]> {
  const { tx, exported } = run;
  const found: ImportedRedirect[] = [];
  const add = (fromPath: string, toUrl: string) => found.push({ fromPath, toUrl, statusCode: 301 });
  for (const post of exported.posts) {
    const id = run.existing.get(post.uuid);
    const record = id ? await tx.repos.posts.findById(id) : undefined;
    if (record?.status !== 'published' || !isValidSlug(post.slug)) continue;
    add(`/${post.slug}/`, postPath(record));
    add(`/${post.slug}/amp/`, postPath(record));
  }
  for (const [ghostId, tagId] of run.tags) {
    const tag = await tx.repos.tags.findById(tagId);
    const old = exported.tags.get(ghostId)?.slug ?? '';
    // Ghost has no page for an internal tag, and neither has Broadsheet.
    if (!tag || !isValidSlug(old) || isInternalTag(tag)) continue;
    add(`/tag/${old}/`, tagPath(tag));
    add(`/tag/${old}/rss/`, `${tagPath(tag)}rss.xml`);
  }
  for (const [ghostId, staffId] of run.authors) {
    const staff = await tx.repos.staff.findById(staffId);
    const old = exported.users.get(ghostId)?.slug ?? '';
    if (!staff || !isValidSlug(old)) continue;
    add(`/author/${old}/`, authorPath(staff));
    add(`/author/${old}/rss/`, `${authorPath(staff)}rss.xml`);
  }
  return found;
}

/**
 * Ghost's own redirects (redirects.yaml/json). Ghost reads `from` as a regular expression; one that
 * names a single path (`^/old/$`, `/old/`) is imported, a real pattern is skipped with its reason.
 */
export function ghostRedirects(redirects: GhostRedirect[], report: ImportReport): ImportedRedirect[] {
  const found: ImportedRedirect[] = [];
  for (const redirect of redirects) {
    const item = `redirect ${redirect.from.slice(0, 200)}`;
    const fromPath = literalPath(redirect.from);
    const toUrl = redirect.to.trim().replace(/^__GHOST_URL__/, '');
    if (fromPath === undefined) report.skips.push({ item, reason: 'a pattern, not one path: not imported' });
    else if (!isTarget(toUrl)) report.skips.push({ item, reason: 'its target is not a path or http(s) URL' });
    else {
      found.push({ fromPath, toUrl, statusCode: redirect.isPermanent ? 301 : 302 });
      continue;
    }
    report.redirects.skipped++;
  }
  return found;
}

function literalPath(from: string): string | undefined {
  const path = from
    .trim()
    .replace(/^\^/, '')
    .replace(/\$$/, '')
    .replace(/\/\?$/, '/')
    .replace(/\\([/.\-_~])/g, '$1');
  if (/[\\^$*+?()[\]{}|]/.test(path) || !path.startsWith('/')) return undefined;
  return /^\/[^\s?#]*$/.test(path) && isSafeSitePath(path) ? path : undefined;
}

function isTarget(url: string): boolean {
  return url.length <= 2048 && (url.startsWith('/') ? isSafeSitePath(url) : /^https?:\/\/[^\s]+$/i.test(url));
}

/** Ghost's title, description, logo and navigation as the site's settings; code injection never. */
export async function importGhostSettings(run: GhostRun, actor: AnyActor): Promise<void> {
  const { exported, report } = run;
  const ghost = report.ghost!;
  for (const key of ['codeinjection_head', 'codeinjection_foot'])
    if ((exported.settings.get(key) ?? '').trim() !== '') ghost.codeInjection.push(`settings: ${key}`);
  const change = await settingsChange(run);
  if (Object.keys(change).length === 0) return;
  try {
    await updateSiteSettings(run.tx, actor, change);
    ghost.settings.push(...Object.keys(change));
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'VALIDATION') throw error;
    const details = error.details?.map((d) => `${d.property} ${d.message}`).join('; ');
    report.skips.push({ item: 'settings', reason: `${error.message}${details ? `: ${details}` : ''}` });
  }
}

async function settingsChange(run: GhostRun): Promise<Partial<SiteSettings>> {
  const setting = (key: string) => run.exported.settings.get(key) ?? '';
  const change: Partial<SiteSettings> = {};
  const title = cleanText(setting('title')).slice(0, 150);
  if (title) change.title = title;
  const description = cleanText(setting('description')).slice(0, 500);
  if (description) change.description = description;
  const logo = setting('logo').replace(/__GHOST_URL__/g, '');
  if (logo) {
    const mediaId = await run.media.resolve(logo);
    if (mediaId && !mediaId.startsWith('dry-run:')) change.logoMediaId = mediaId;
    else if (!mediaId)
      run.report.notes.push({ item: 'settings', note: `logo ${logo.slice(0, 300)} not imported` });
  }
  const navigation = navigationOf(setting('navigation'), run.report);
  if (navigation.length > 0) change.navigation = navigation;
  return change;
}

function navigationOf(value: string, report: ImportReport): SiteSettings['navigation'] {
  let parsed: unknown;
  try {
    // A short JSON string inside the export, already free of prototype keys (the whole file was checked).
    parsed = value ? JSON.parse(value) : [];
  } catch {
    report.notes.push({ item: 'settings', note: 'navigation is not readable JSON: not imported' });
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const items: SiteSettings['navigation'] = [];
  for (const entry of parsed.slice(0, 30)) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { label, url } = entry as { label?: unknown; url?: unknown };
    const text = cleanText(typeof label === 'string' ? label : '').slice(0, 100);
    const target = (typeof url === 'string' ? url : '').trim().replace(/^__GHOST_URL__/, '') || '/';
    if (text && isTarget(target)) items.push({ label: text, url: target });
    else
      report.notes.push({
        item: 'settings',
        note: `navigation item "${text}" left out (${target.slice(0, 100)})`,
      });
  }
  return items;
}
