import type { DomainContext } from '../context.js';
import { isReservedPath, uniqueSlug } from '../shared/slug.js';
import { assertCan, type AnyActor } from '../staff/permissions.js';
import { postPath, tagPath, authorPath } from '../../rendering/site-paths.js';
import type { WordPressImportPorts } from './import-ports.js';
import { imagesToFetch, MediaResolver, wordPressImages } from './import-media.js';
import { importPeopleAndTerms, source, type PeopleAndTerms } from './import-people.js';
import { importItem, type ImportRun } from './import-posts.js';
import { OldUrls, writeRedirects } from './import-redirects.js';
import { inImportTransaction } from './import-transaction.js';
import { emptyReport, type ImportReport } from './import-report.js';
import { addAttachmentPages, addAttachmentParents, addDateArchives } from './wordpress-archives.js';
import { indexExport, itemKeyOf, postKindOf, type ExportIndex } from './wordpress-index.js';
import { slugOf } from './wordpress-meta.js';

export interface ImportWordPressInput {
  /** One export, or the several files WordPress splits a large site into. */
  files: string[];
  ports: WordPressImportPorts;
  /** Work out the plan (what would be created, updated, skipped) and write nothing. */
  isDryRun?: boolean;
  /** Told after each post or page, with how many of them the export holds. */
  onProgress?: (progress: { done: number; total: number }) => void;
  /** With media fetched by URL: told after each image fetched (or given up on), before any post is written. */
  onFetchProgress?: (progress: { done: number; total: number }) => void;
}

/**
 * `importWordPressExport`: WordPress exports (WXR 1.0–1.2) into the site, all in one transaction,
 * so a failed import leaves the site as it was. The files are read twice: first for people, terms,
 * attachments and every post's address (a broken or hostile file is refused here, before anything
 * is written), then post by post. A re-run finds what earlier runs made (by WordPress id, author
 * login, term slug, image hash) and updates it. Caches, search and "Check Also" follow through the
 * post operations' own after-commit work.
 */
export async function importWordPressExport(
  ctx: DomainContext,
  actor: AnyActor,
  input: ImportWordPressInput,
): Promise<ImportReport> {
  for (const resource of ['post', 'page'] as const) {
    assertCan(actor, 'create', resource);
    assertCan(actor, 'publish', resource);
  }
  assertCan(actor, 'create', 'tag');
  assertCan(actor, 'create', 'staff');
  assertCan(actor, 'create', 'redirect');
  const isDryRun = input.isDryRun === true;
  const index = await indexExport(input.ports, input.files);
  const report = emptyReport(input.files, isDryRun, ctx.clock.now());
  summarizeIndex(index, report);
  // Fetched before the transaction, so that no slow host holds it open.
  const { fetchMedia } = input.ports;
  if (fetchMedia)
    await fetchMedia.fetchAll(await imagesToFetch(ctx, input.ports, index), input.onFetchProgress);
  await inImportTransaction(ctx, isDryRun, (tx) => writeAll(tx, input, index, report));
  report.finishedAt = ctx.clock.now().toISOString();
  return report;
}

async function writeAll(
  tx: DomainContext,
  input: ImportWordPressInput,
  index: ExportIndex,
  report: ImportReport,
): Promise<void> {
  const people = await importPeopleAndTerms(tx, index, report);
  const existing = await tx.repos.importedItems.all(source, postKindOf(index));
  for (const [wpId, postId] of existing) if (!(await tx.repos.posts.findById(postId))) existing.delete(wpId);
  const slugs = await chooseSlugs(tx, index, existing);
  const urls = await oldUrlsOf(tx, index, people, slugs);
  const media = new MediaResolver(tx, wordPressImages(input.ports, index), report, {
    isDryRun: report.isDryRun,
  });
  const run: ImportRun = {
    ...{ tx, ports: input.ports, index, people, media, urls, report },
    ...{ slugs, existing, seen: new Set<string>(), imageUsers: new Map<string, string>() },
  };
  let done = 0;
  for (const file of input.files)
    for await (const record of input.ports.readExport(file))
      if (record.kind === 'item' && index.posts.has(itemKeyOf(record.item))) {
        await importItem(run, record.item);
        input.onProgress?.({ done: ++done, total: index.posts.size });
      }
  await addAttachmentPages(tx, urls, index, { posts: existing, imageUsers: run.imageUsers });
  await writeRedirects(tx, urls, report);
}

/** Each post's slug, chosen before any is written so links between posts can be rewritten. */
async function chooseSlugs(
  tx: DomainContext,
  index: ExportIndex,
  existing: Map<string, string>,
): Promise<Map<string, string>> {
  const slugs = new Map<string, string>();
  const chosen = new Set<string>();
  for (const post of index.posts.values()) {
    const earlier = existing.get(post.wpId);
    const record = earlier ? await tx.repos.posts.findById(earlier) : undefined;
    const slug =
      record?.slug ??
      (await uniqueSlug(
        slugOf(post.slug, post.title) || `${post.type}-${post.wpId}`,
        async (s) => chosen.has(s) || isReservedPath(s) || (await tx.repos.posts.isSlugTaken(s)),
      ));
    chosen.add(slug);
    slugs.set(post.wpId, slug);
  }
  return slugs;
}

async function oldUrlsOf(
  tx: DomainContext,
  index: ExportIndex,
  people: PeopleAndTerms,
  slugs: Map<string, string>,
): Promise<OldUrls> {
  const urls = new OldUrls(index);
  for (const post of index.posts.values())
    urls.addPost(post.wpId, post.type, post.link, postPath({ slug: slugs.get(post.wpId)! }));
  for (const [key, term] of index.terms) {
    const tag = await tx.repos.tags.findById(people.tags.get(key)!);
    if (!tag) continue;
    const slug =
      encodeURIComponent(term.slug).toLowerCase() === term.slug ? term.slug : safeDecode(term.slug);
    const paths =
      term.taxonomy === 'category'
        ? [...new Set([`/category/${categoryPath(index, key)}/`, `/category/${slug}/`])]
        : [`/tag/${slug}/`];
    urls.addArchive(paths, tagPath(tag));
  }
  for (const [login, staffId] of people.authors) {
    const staff = await tx.repos.staff.findById(staffId);
    if (staff) urls.addArchive([`/author/${login.toLowerCase()}/`], authorPath(staff));
  }
  addDateArchives(urls, index);
  addAttachmentParents(urls, index, slugs);
  return urls;
}

/** `parent/child`: a category's archive path in WordPress, through its parents. */
function categoryPath(index: ExportIndex, key: string): string {
  const parts: string[] = [];
  const seen = new Set<string>();
  for (let term = index.terms.get(key); term && !seen.has(term.slug);) {
    seen.add(term.slug);
    parts.unshift(safeDecode(term.slug));
    term = term.parentSlug ? index.terms.get(`category:${term.parentSlug}`) : undefined;
  }
  return parts.join('/');
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function summarizeIndex(index: ExportIndex, report: ImportReport): void {
  report.comments = index.commentCount;
  report.customTaxonomies = { names: [...index.customTaxonomies], terms: index.customTermCount };
  report.otherPostTypes = Object.fromEntries(index.otherTypes);
  report.readerNotices = [...index.notices];
}
