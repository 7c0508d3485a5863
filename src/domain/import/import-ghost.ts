import type { DomainContext } from '../context.js';
import { getSiteSettings } from '../settings/site-settings.js';
import { isReservedPath, uniqueSlug } from '../shared/slug.js';
import { assertCan, type AnyActor } from '../staff/permissions.js';
import type { GhostExport } from './ghost-export.js';
import { readGhostExport } from './ghost-index.js';
import { importMembers, importNewsletters } from './ghost-members.js';
import { ghostSource, importGhostPost, type GhostRun } from './ghost-posts.js';
import { importGhostAuthors, importGhostTags, placeAuthorPhotos } from './ghost-people.js';
import { ghostAddresses, ghostRedirects, importGhostSettings } from './ghost-site.js';
import { MediaResolver, type ImageOrigin } from './import-media.js';
import type { GhostImportPorts, GhostRedirect } from './import-ports.js';
import { writeRedirectEntries } from './import-redirects.js';
import { emptyReport, type ImportReport } from './import-report.js';
import { inImportTransaction } from './import-transaction.js';
import { relativePathOf, slugOf } from './wordpress-meta.js';

export interface ImportGhostInput {
  /** A Ghost JSON export (Ghost → Settings → Export). */
  file: string;
  /** Ghost's redirects.yaml or redirects.json, if given. */
  redirectsFile?: string;
  ports: GhostImportPorts;
  /** Work out the plan (what would be created, updated, skipped) and write nothing. */
  isDryRun?: boolean;
  /** Told after each post or page, with how many of them the export holds. */
  onProgress?: (progress: { done: number; total: number }) => void;
}

/**
 * `importGhostExport`: a Ghost JSON export into the site, all in one transaction, so a failed import
 * (or a killed process) leaves the site as it was and a re-run does the whole work. The file is read
 * and checked whole before anything is written: a hostile or broken file is refused here. A re-run
 * finds what earlier runs made (by Ghost post uuid, tag and author slug, newsletter slug, member
 * address, image path and hash) and updates it. Members are never emailed.
 */
export async function importGhostExport(
  ctx: DomainContext,
  actor: AnyActor,
  input: ImportGhostInput,
): Promise<ImportReport> {
  assertRights(actor);
  const isDryRun = input.isDryRun === true;
  const exported = readGhostExport(await input.ports.readExport(input.file));
  const redirects = input.redirectsFile ? await input.ports.readRedirects(input.redirectsFile) : [];
  const files = input.redirectsFile ? [input.file, input.redirectsFile] : [input.file];
  const report = emptyReport(files, isDryRun, ctx.clock.now(), 'ghost');
  report.readerNotices = [...exported.notices];
  report.ghost!.otherTables = exported.otherTables;
  await inImportTransaction(ctx, isDryRun, (tx) =>
    writeAll(tx, actor, { input, exported, redirects, report }),
  );
  report.finishedAt = ctx.clock.now().toISOString();
  return report;
}

function assertRights(actor: AnyActor): void {
  for (const resource of ['post', 'page'] as const) {
    assertCan(actor, 'create', resource);
    assertCan(actor, 'publish', resource);
  }
  for (const resource of ['tag', 'staff', 'redirect', 'newsletter', 'member'] as const)
    assertCan(actor, 'create', resource);
  assertCan(actor, 'update', 'settings');
}

interface ImportWork {
  input: ImportGhostInput;
  exported: GhostExport;
  redirects: GhostRedirect[];
  report: ImportReport;
}

async function writeAll(tx: DomainContext, actor: AnyActor, work: ImportWork): Promise<void> {
  const { input, exported, report } = work;
  const existing = await tx.repos.importedItems.all(ghostSource, 'post');
  for (const [uuid, postId] of existing) if (!(await tx.repos.posts.findById(postId))) existing.delete(uuid);
  const run: GhostRun = {
    ...{ tx, ports: input.ports, exported, report, existing },
    media: new MediaResolver(tx, ghostImages(input.ports), report, { isDryRun: report.isDryRun }),
    authors: await importGhostAuthors(tx, exported, report),
    tags: await importGhostTags(tx, exported, report),
    slugs: await chooseSlugs(tx, exported, existing),
    language: await languageOf(tx, exported),
  };
  await placeAuthorPhotos(run);
  let done = 0;
  for (const post of exported.posts) {
    await importGhostPost(run, post);
    input.onProgress?.({ done: ++done, total: exported.posts.length });
  }
  await importGhostSettings(run, actor);
  const newsletters = await importNewsletters(run, actor);
  await importMembers(run, newsletters);
  const redirects = [...(await ghostAddresses(run)), ...ghostRedirects(work.redirects, report)];
  await writeRedirectEntries(tx, redirects, report);
}

/** Ghost image URLs (`/content/images/size/w600/2024/05/x.jpg`, 0.x `/images/x.jpg`) by one key. */
export function ghostImageKey(url: string): string | undefined {
  const match =
    /\/content\/images\/(?:size\/[^/]+\/)?(?:format\/[^/]+\/)?([^?#"'\s]+)/i.exec(url) ??
    /^\/images\/([^?#"'\s]+)/i.exec(url);
  return match ? relativePathOf(match[1]!) : undefined;
}

function ghostImages(ports: GhostImportPorts): ImageOrigin {
  const images = ports.images;
  return {
    source: ghostSource,
    keyOf: ghostImageKey,
    textsFor: () => undefined,
    ...(images && { read: (key: string) => images.read(key) }),
  };
}

/** Each post's slug, chosen before any is written: Ghost's own where it is free, so its URLs keep working. */
async function chooseSlugs(
  tx: DomainContext,
  exported: GhostExport,
  existing: Map<string, string>,
): Promise<Map<string, string>> {
  const slugs = new Map<string, string>();
  const chosen = new Set<string>();
  for (const post of exported.posts) {
    const earlier = existing.get(post.uuid);
    const record = earlier ? await tx.repos.posts.findById(earlier) : undefined;
    const slug =
      record?.slug ??
      (await uniqueSlug(
        slugOf(post.slug, post.title) || `${post.type}-${post.id.slice(0, 24)}`,
        async (s) => chosen.has(s) || isReservedPath(s) || (await tx.repos.posts.isSlugTaken(s)),
      ));
    chosen.add(slug);
    slugs.set(post.uuid, slug);
  }
  return slugs;
}

async function languageOf(tx: DomainContext, exported: GhostExport): Promise<string> {
  const locale = exported.settings.get('locale') || exported.settings.get('lang') || '';
  const primary = /^([a-z]{2,3})\b/i.exec(locale.trim())?.[1]?.toLowerCase();
  return primary ?? (await getSiteSettings(tx)).defaultLanguage;
}
