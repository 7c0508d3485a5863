import type { DomainContext } from '../context.js';
import type { StaffRecord, TagRecord } from '../ports.js';
import { newId } from '../shared/ids.js';
import { isValidSlug, slugify, uniqueSlug } from '../shared/slug.js';
import { cleanText } from '../shared/validate.js';
import type { WxrAuthor } from './wordpress-export.js';
import type { ImportedItem } from './import-ports.js';
import type { ImportReport } from './import-report.js';
import { stripTags, termKey, type ExportIndex } from './wordpress-index.js';

export const source = 'wordpress';

/** The export's people and terms as Broadsheet ids: author login → staff id, term key → tag id. */
export interface PeopleAndTerms {
  authors: Map<string, string>;
  tags: Map<string, string>;
  /** A category's parent category, by term key. */
  parents: Map<string, string>;
}

/**
 * Authors become author profiles (staff without a password, so without a login until invited);
 * categories and tags become tags. Each is found again on a re-run by what was recorded for it,
 * else by its slug (or an author's email), and only made when neither finds it.
 */
export async function importPeopleAndTerms(
  tx: DomainContext,
  index: ExportIndex,
  report: ImportReport,
): Promise<PeopleAndTerms> {
  const authors = new Map<string, string>();
  const authorIds = new Set<string>();
  for (const author of index.authors.values()) {
    const id = await importAuthor(tx, author, report);
    mergedInRun(report, 'authors', authorIds.has(id), `author "${author.login}"`);
    authorIds.add(id);
    authors.set(author.login, id);
  }
  const tags = new Map<string, string>();
  const tagIds = new Set<string>();
  const parents = new Map<string, string>();
  for (const [key, term] of index.terms) {
    const id = await importTag(tx, key, term, report);
    mergedInRun(report, 'tags', tagIds.has(id), `${term.taxonomy} "${term.slug}"`);
    tagIds.add(id);
    tags.set(key, id);
    if (term.taxonomy === 'category' && term.parentSlug !== '')
      parents.set(key, termKey('category', term.parentSlug));
  }
  return { authors, tags, parents };
}

/**
 * Two names for one thing in one export (a category and a tag with one slug, a login spelled two
 * ways): one Broadsheet tag or author, counted once, and said in the report.
 */
function mergedInRun(report: ImportReport, what: 'authors' | 'tags', isMerged: boolean, item: string): void {
  if (!isMerged) return;
  report[what].updated--;
  report.notes.push({
    item,
    note: `the same ${what === 'tags' ? 'tag' : 'author'} as another of the export (one slug)`,
  });
}

async function importAuthor(tx: DomainContext, author: WxrAuthor, report: ImportReport): Promise<string> {
  const { repos } = tx;
  const known = await repos.importedItems.find(source, 'author', author.login);
  const slug = slugify(author.login) || slugify(author.displayName) || 'author';
  const email = isEmail(author.email) ? author.email.trim().toLowerCase() : '';
  const existing =
    (known ? await repos.staff.findById(known) : undefined) ??
    (await repos.staff.findBySlug(slug)) ??
    (email ? await repos.staff.findByEmail(email) : undefined);
  if (existing) {
    report.authors.updated++;
    await remember(tx, 'author', author.login, existing.id);
    return existing.id;
  }
  const now = tx.clock.now().toISOString();
  const name =
    cleanText(stripTags(author.displayName || [author.firstName, author.lastName].join(' '))).slice(0, 191) ||
    author.login.slice(0, 191);
  const staffSlug = await uniqueSlug(slug, (s) => repos.staff.isSlugTaken(s));
  const record: StaffRecord = {
    id: newId(tx.clock.now()),
    slug: staffSlug,
    name,
    // Staff need an address; an author whose address is missing or taken gets one that cannot receive mail.
    email: email && !(await repos.staff.findByEmail(email)) ? email : `${staffSlug}@wordpress-import.invalid`,
    role: 'author',
    status: 'active',
    bio: '',
    location: '',
    website: '',
    photoMediaId: null,
    locale: 'en',
    createdAt: now,
    updatedAt: now,
  };
  await repos.staff.insert(record);
  await remember(tx, 'author', author.login, record.id);
  report.authors.created++;
  return record.id;
}

async function importTag(
  tx: DomainContext,
  key: string,
  term: { slug: string; name: string; description: string },
  report: ImportReport,
): Promise<string> {
  const { repos } = tx;
  const known = await repos.importedItems.find(source, 'term', key);
  const slug = tagSlugOf(term.slug, term.name);
  const existing =
    (known ? await repos.tags.findById(known) : undefined) ?? (await repos.tags.findBySlug(slug));
  if (existing) {
    report.tags.updated++;
    await remember(tx, 'term', key, existing.id);
    return existing.id;
  }
  const now = tx.clock.now().toISOString();
  const record: TagRecord = {
    id: newId(tx.clock.now()),
    slug: await uniqueSlug(slug, (s) => repos.tags.isSlugTaken(s)),
    name: cleanText(stripTags(term.name)).slice(0, 191) || slug,
    kind: 'topic',
    description: cleanText(stripTags(term.description)).slice(0, 2000),
    language: null,
    createdAt: now,
    updatedAt: now,
  };
  await repos.tags.insert(record);
  await remember(tx, 'term', key, record.id);
  report.tags.created++;
  return record.id;
}

function tagSlugOf(wordpressSlug: string, name: string): string {
  let decoded = wordpressSlug;
  try {
    decoded = decodeURIComponent(wordpressSlug);
  } catch {
    // keep it as written
  }
  const lowered = decoded.toLowerCase();
  return isValidSlug(lowered) ? lowered : slugify(decoded) || slugify(name) || 'tag';
}

function isEmail(value: string): boolean {
  return /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[a-z]{2,}$/i.test(value.trim()) && value.length <= 254;
}

export async function remember(tx: DomainContext, kind: string, key: string, targetId: string) {
  await rememberFrom(tx, { source, kind, key, targetId });
}

/** Records what an import made of one thing it read, for the next run to find. */
export async function rememberFrom(tx: DomainContext, item: ImportedItem) {
  await tx.repos.importedItems.put(item, tx.clock.now().toISOString());
}
