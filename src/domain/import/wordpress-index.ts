import { DomainError } from '../shared/errors.js';
import type { WxrAuthor, WxrItem, WxrSite, WxrTerm } from './wordpress-export.js';
import type { WordPressImportPorts } from './import-ports.js';
import { metaValue, serializedString, uploadsKeyOf } from './wordpress-meta.js';

/**
 * The first of an import's two passes over its files: everything but the posts' content, small
 * enough to hold for a large export (people, terms, attachments, and each post's id, type and
 * link), so that the second pass, which reads one post at a time, can resolve every reference.
 */

export interface IndexedAttachment {
  wpId: string;
  url: string;
  /** Its attachment page on the old site (`/2024/05/story/photo/`, `/?attachment_id=12`). */
  link: string;
  /** One key for every size of the image (see uploadsKeyOf). */
  uploadsKey: string | undefined;
  title: string;
  alt: string;
  caption: string;
  credit: string;
  parentId: string;
}

export interface IndexedPost {
  wpId: string;
  type: 'post' | 'page';
  link: string;
  slug: string;
  title: string;
  /** `2024-05-02 10:30:00` in the site's time zone, as WordPress files its date archives. */
  date: string;
  isPublished: boolean;
}

export interface ExportIndex {
  site: WxrSite | undefined;
  /** The old site's addresses (its link and base URLs), without a trailing slash. */
  siteUrls: Set<string>;
  authors: Map<string, WxrAuthor>;
  /** Categories and tags, by taxonomy and slug; other taxonomies are only counted. */
  terms: Map<string, WxrTerm>;
  customTermCount: number;
  customTaxonomies: Set<string>;
  attachments: Map<string, IndexedAttachment>;
  /** With media fetched by URL: every uploads URL the posts' content shows, by key (see uploadsKeyOf). */
  contentImages: Map<string, string[]>;
  posts: Map<string, IndexedPost>;
  /** Items of other types (menus, custom post types, blocks…), counted by type. */
  otherTypes: Map<string, number>;
  commentCount: number;
  notices: string[];
}

/**
 * What a post is recorded as: WordPress ids are only unique within one site, so the kind names the
 * site (its base URL without the scheme), and two sites imported into one never overwrite each other.
 */
export function postKindOf(index: ExportIndex): string {
  // The blog's own URL: on WordPress.com every site's base_site_url is https://wordpress.com/.
  const site = index.site?.baseBlogUrl || index.site?.link || index.site?.baseSiteUrl || '';
  return `post ${site
    .replace(/^https?:\/\//i, '')
    .replace(/\/+$/, '')
    .toLowerCase()}`.trim();
}

/** An item's WordPress id; exports without ids (some old ones) fall back to the guid, the link or the title. */
export function itemKeyOf(item: WxrItem): string {
  if (item.postId !== '') return item.postId;
  if (item.guid !== '') return `guid:${item.guid}`;
  return item.link !== '' ? `link:${item.link}` : `title:${item.title}`;
}

export const termKey = (taxonomy: string, slug: string) =>
  `${taxonomy === 'tag' ? 'post_tag' : taxonomy}:${slug}`;
const isImportedTaxonomy = (taxonomy: string) =>
  taxonomy === 'category' || taxonomy === 'post_tag' || taxonomy === 'tag';

export async function indexExport(ports: WordPressImportPorts, files: string[]): Promise<ExportIndex> {
  const index: ExportIndex = {
    site: undefined,
    siteUrls: new Set(),
    authors: new Map(),
    terms: new Map(),
    customTermCount: 0,
    customTaxonomies: new Set(),
    attachments: new Map(),
    contentImages: new Map(),
    posts: new Map(),
    otherTypes: new Map(),
    commentCount: 0,
    notices: [],
  };
  for (const file of files)
    for await (const record of ports.readExport(file)) {
      if (record.kind === 'site') addSite(index, record.site);
      else if (record.kind === 'author') addAuthor(index, record.author);
      else if (record.kind === 'term') addTerm(index, record.term);
      else if (record.kind === 'notice') index.notices.push(record.notice);
      else addItem(index, record.item, ports);
    }
  return index;
}

function addSite(index: ExportIndex, site: WxrSite): void {
  const blogOf = (s: WxrSite) => (s.baseBlogUrl || s.link).replace(/^https?:\/\//i, '').replace(/\/+$/, '');
  if (index.site && blogOf(index.site) !== blogOf(site))
    throw new DomainError(
      'VALIDATION',
      `These files come from two sites (${blogOf(index.site)} and ${blogOf(site)}): import each site on its own (several files in one run are the parts of one site's export)`,
    );
  index.site ??= site;
  for (const url of [site.link, site.baseSiteUrl, site.baseBlogUrl])
    if (/^https?:\/\//i.test(url)) index.siteUrls.add(url.replace(/\/+$/, ''));
}

function addAuthor(index: ExportIndex, author: WxrAuthor): void {
  if (author.login !== '' && !index.authors.has(author.login)) index.authors.set(author.login, author);
}

function addTerm(index: ExportIndex, term: WxrTerm): void {
  if (term.slug === '') return;
  if (!isImportedTaxonomy(term.taxonomy)) {
    index.customTermCount++;
    index.customTaxonomies.add(term.taxonomy);
    return;
  }
  const key = termKey(term.taxonomy, term.slug);
  if (!index.terms.has(key)) index.terms.set(key, term);
}

function addItem(index: ExportIndex, item: WxrItem, ports: WordPressImportPorts): void {
  index.commentCount += item.commentCount;
  if (item.creator !== '' && !index.authors.has(item.creator))
    index.authors.set(item.creator, authorFromCreator(item.creator));
  for (const term of item.terms) addItemTerm(index, term.domain, term.slug, term.name);
  for (const term of item.terms.filter((t) => t.domain === 'author' && t.slug !== '')) {
    const login = term.slug.replace(/^cap-/, '');
    if (!index.authors.has(login))
      index.authors.set(login, { ...authorFromCreator(login), displayName: term.name || login });
  }
  if (item.postType === 'attachment') index.attachments.set(item.postId, attachmentOf(item, ports));
  else if (item.postType === 'post' || item.postType === 'page') {
    if (ports.fetchMedia) addContentImages(index, item.content);
    index.posts.set(itemKeyOf(item), {
      wpId: itemKeyOf(item),
      type: item.postType,
      link: item.link,
      slug: item.slug,
      title: item.title,
      date: item.postDate,
      isPublished: item.status === 'publish',
    });
  } else index.otherTypes.set(item.postType, (index.otherTypes.get(item.postType) ?? 0) + 1);
}

const uploadsMarker = '/wp-content/uploads/';
const maxUrlsPerImage = 4;
const maxUrlLength = 2048;
const maxContentImages = 200_000;
const endsUrl = (c: string | undefined) => c === undefined || /[\s"'<>()\\]/.test(c);

/**
 * The uploads URLs a post's content shows (`src`, `srcset`, links), kept by key, a few per key.
 * Found by the marker and widened to the URL around it, so hostile content costs one pass.
 */
function addContentImages(index: ExportIndex, content: string): void {
  let at = content.indexOf(uploadsMarker);
  while (at >= 0) {
    let start = at;
    while (start > 0 && at - start < maxUrlLength && !endsUrl(content[start - 1])) start--;
    let end = at + uploadsMarker.length;
    while (end < content.length && end - at < maxUrlLength && !endsUrl(content[end])) end++;
    addContentImage(index, content.slice(start, end));
    at = content.indexOf(uploadsMarker, end);
  }
}

function addContentImage(index: ExportIndex, written: string): void {
  const url = written.startsWith('//') ? `https:${written}` : written;
  const key = /^https?:\/\//i.test(url) ? uploadsKeyOf(url) : undefined;
  if (key === undefined || (index.contentImages.size >= maxContentImages && !index.contentImages.has(key)))
    return;
  const urls = index.contentImages.get(key) ?? [];
  if (urls.length < maxUrlsPerImage && !urls.includes(url)) urls.push(url);
  index.contentImages.set(key, urls);
}

/** A category or tag met only on an item (WXR 1.0 and some exporters declare none at the top). */
function addItemTerm(index: ExportIndex, domain: string, slug: string, name: string): void {
  if (!isImportedTaxonomy(domain) || slug === '') return;
  const key = termKey(domain, slug);
  if (index.terms.has(key)) return;
  index.terms.set(key, {
    taxonomy: domain === 'tag' ? 'post_tag' : domain,
    id: '',
    slug,
    parentSlug: '',
    name: name || slug,
    description: '',
    meta: [],
  });
}

/** Co-Authors Plus files an item's authors as `<category domain="author" nicename="cap-login">`. */
export function coAuthorsOf(item: WxrItem): string[] {
  return item.terms
    .filter((t) => t.domain === 'author' && t.slug !== '')
    .map((t) => t.slug.replace(/^cap-/, ''));
}

function authorFromCreator(login: string): WxrAuthor {
  return { id: '', login, email: '', displayName: login, firstName: '', lastName: '' };
}

function attachmentOf(item: WxrItem, ports: WordPressImportPorts): IndexedAttachment {
  const url = item.attachmentUrl || item.guid;
  const attachedFile = metaValue(item.meta, '_wp_attached_file');
  const metadata = metaValue(item.meta, '_wp_attachment_metadata');
  const split = ports.splitCredit(stripTags(item.excerpt));
  const credit =
    metaValue(item.meta, '_media_credit') ||
    split.credit ||
    serializedString(metadata, 'credit') ||
    serializedString(metadata, 'copyright');
  return {
    wpId: item.postId,
    url,
    link: item.link,
    uploadsKey:
      uploadsKeyOf(url) ?? (attachedFile ? uploadsKeyOf(`/wp-content/uploads/${attachedFile}`) : undefined),
    title: item.title,
    alt: metaValue(item.meta, '_wp_attachment_image_alt'),
    caption: split.caption,
    credit,
    parentId: item.parentId,
  };
}

export function stripTags(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
