import type { DomainContext } from '../context.js';
import type { StaffRecord, TagRecord } from '../ports.js';
import { newId } from '../shared/ids.js';
import { isValidSlug, slugify, uniqueSlug } from '../shared/slug.js';
import { cleanText } from '../shared/validate.js';
import { emptyTrustFields } from '../staff/staff.js';
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
  return findOrMakeAuthor(
    tx,
    {
      source,
      key: author.login,
      slug: slugify(author.login) || slugify(author.displayName) || 'author',
      name:
        cleanText(stripTags(author.displayName || [author.firstName, author.lastName].join(' '))) ||
        author.login,
      email: author.email,
    },
    report,
  );
}

/** An author of an old site, as an import reads it. */
export interface ImportedAuthor {
  source: string;
  /** What the source names the author by (a login, a Ghost user id). */
  key: string;
  slug: string;
  name: string;
  email: string;
  bio?: string;
  website?: string;
  location?: string;
}

/**
 * The author's Broadsheet profile: the one an earlier run made, else one with the slug or address,
 * else a new one (staff without a password, so without a login until invited).
 */
export async function findOrMakeAuthor(
  tx: DomainContext,
  author: ImportedAuthor,
  report: ImportReport,
): Promise<string> {
  const { repos } = tx;
  const known = await repos.importedItems.find(author.source, 'author', author.key);
  const email = isEmail(author.email) ? author.email.trim().toLowerCase() : '';
  const existing =
    (known ? await repos.staff.findById(known) : undefined) ??
    (await repos.staff.findBySlug(author.slug)) ??
    (email ? await repos.staff.findByEmail(email) : undefined);
  const item = { source: author.source, kind: 'author', key: author.key };
  if (existing) {
    report.authors.updated++;
    await rememberFrom(tx, { ...item, targetId: existing.id });
    return existing.id;
  }
  const now = tx.clock.now().toISOString();
  const staffSlug = await uniqueSlug(author.slug, (s) => repos.staff.isSlugTaken(s));
  const record: StaffRecord = {
    id: newId(tx.clock.now()),
    slug: staffSlug,
    name: author.name.slice(0, 191) || staffSlug,
    // Staff need an address; an author whose address is missing or taken gets one that cannot receive mail.
    email:
      email && !(await repos.staff.findByEmail(email))
        ? email
        : `${staffSlug}@${author.source}-import.invalid`,
    role: 'author',
    status: 'active',
    bio: cleanText(author.bio ?? '').slice(0, 2000),
    location: cleanText(author.location ?? '').slice(0, 191),
    website: /^https?:\/\/\S+$/i.test(author.website ?? '') ? author.website!.slice(0, 2000) : '',
    photoMediaId: null,
    locale: 'en',
    ...emptyTrustFields,
    createdAt: now,
    updatedAt: now,
  };
  await repos.staff.insert(record);
  await rememberFrom(tx, { ...item, targetId: record.id });
  report.authors.created++;
  return record.id;
}

async function importTag(
  tx: DomainContext,
  key: string,
  term: { slug: string; name: string; description: string },
  report: ImportReport,
): Promise<string> {
  return findOrMakeTag(
    tx,
    {
      source,
      kind: 'term',
      key,
      slug: tagSlugOf(term.slug, term.name),
      name: term.name,
      description: term.description,
    },
    report,
  );
}

/** A tag of an old site, as an import reads it. */
export interface ImportedTag {
  source: string;
  kind: string;
  key: string;
  slug: string;
  name: string;
  description: string;
}

/** The tag an earlier run made, else the site's tag with that slug, else a new one. */
export async function findOrMakeTag(
  tx: DomainContext,
  tag: ImportedTag,
  report: ImportReport,
): Promise<string> {
  const { repos } = tx;
  const known = await repos.importedItems.find(tag.source, tag.kind, tag.key);
  const existing =
    (known ? await repos.tags.findById(known) : undefined) ?? (await repos.tags.findBySlug(tag.slug));
  const item = { source: tag.source, kind: tag.kind, key: tag.key };
  if (existing) {
    report.tags.updated++;
    await rememberFrom(tx, { ...item, targetId: existing.id });
    return existing.id;
  }
  const now = tx.clock.now().toISOString();
  const record: TagRecord = {
    id: newId(tx.clock.now()),
    slug: await uniqueSlug(tag.slug, (s) => repos.tags.isSlugTaken(s)),
    name: cleanText(stripTags(tag.name)).slice(0, 191) || tag.slug,
    kind: 'topic',
    description: cleanText(stripTags(tag.description)).slice(0, 2000),
    language: null,
    createdAt: now,
    updatedAt: now,
  };
  await repos.tags.insert(record);
  await rememberFrom(tx, { ...item, targetId: record.id });
  report.tags.created++;
  return record.id;
}

export function tagSlugOf(wordpressSlug: string, name: string): string {
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
