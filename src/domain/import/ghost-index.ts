import type {
  GhostExport,
  GhostMember,
  GhostNewsletter,
  GhostPost,
  GhostTag,
  GhostUser,
} from './ghost-export.js';
import { GhostReadError } from './ghost-export.js';

/*
 * A parsed Ghost export (any JSON value) into a GhostExport: the tables found in whichever envelope
 * the file has, each row's fields read as plain values, and the join tables resolved. A reference to
 * a row the export does not hold is left out and noticed, never followed.
 */

type Row = Record<string, unknown>;
type Tables = Record<string, unknown>;

const importedTables = new Set([
  'posts',
  'posts_meta',
  'posts_tags',
  'posts_authors',
  'tags',
  'users',
  'roles',
  'roles_users',
  'newsletters',
  'members',
  'members_newsletters',
  'members_subscribe_events',
  'settings',
]);

export const maxRowsPerTable = 1_000_000;

export function readGhostExport(raw: unknown): GhostExport {
  const { version, tables } = tablesOf(raw);
  const notices: string[] = [];
  const tags = byId(rows(tables, 'tags').map(tagOf));
  const users = byId(rows(tables, 'users').map(userOf));
  const newsletters = byId(rows(tables, 'newsletters').map(newsletterOf));
  if (newsletters.size === 0 && rows(tables, 'members').some((row) => isTrue(row.subscribed)))
    newsletters.set(legacyNewsletter.id, legacyNewsletter);
  const posts = postsOf(tables, { tags, users, notices });
  const members = membersOf(tables, newsletters, notices);
  const settings = new Map<string, string>();
  for (const row of rows(tables, 'settings')) {
    const key = text(row.key);
    if (key !== '')
      settings.set(key, typeof row.value === 'string' ? row.value : JSON.stringify(row.value ?? ''));
  }
  const otherTables: Record<string, number> = {};
  for (const [name, value] of Object.entries(tables))
    if (!importedTables.has(name) && Array.isArray(value) && value.length > 0)
      otherTables[name] = value.length;
  return { version, posts, tags, users, newsletters, members, settings, otherTables, notices };
}

/** `{db:[{meta,data}]}` (an export), `{meta,data}` (its inner part), `{data:{meta,data}}` (Ghost's own envelope). */
function tablesOf(raw: unknown): { version: string; tables: Tables } {
  let root = isRow(raw) && Array.isArray(raw.db) ? raw.db[0] : raw;
  if (isRow(root) && !isRow(root.meta) && isRow(root.data) && isRow(root.data.data)) root = root.data;
  if (!isRow(root) || !isRow(root.data) || !isRow(root.meta))
    throw new GhostReadError(
      'This is not a Ghost export: expected {"db":[{"meta":…,"data":…}]} (Ghost → Settings → Export)',
    );
  for (const [name, value] of Object.entries(root.data)) {
    if (!Array.isArray(value))
      throw new GhostReadError(`The export's table "${name.slice(0, 60)}" is not a list`);
    if (value.length > maxRowsPerTable)
      throw new GhostReadError(
        `The export's table "${name.slice(0, 60)}" has more than ${maxRowsPerTable} rows`,
      );
  }
  return { version: text(root.meta.version), tables: root.data };
}

function rows(tables: Tables, name: string): Row[] {
  const value = Object.hasOwn(tables, name) ? tables[name] : undefined;
  return Array.isArray(value) ? value.filter(isRow) : [];
}

function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function byId<T extends { id: string }>(list: T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of list) if (item.id !== '' && !map.has(item.id)) map.set(item.id, item);
  return map;
}

/** A string field; numbers (old exports' ids) as their digits; anything else ''. */
export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** ISO-8601 from an ISO string, Ghost's `2024-05-02 08:30:00` or an epoch in milliseconds (0.x). */
export function dateOf(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const parsed =
    typeof value === 'number'
      ? value
      : Date.parse(/^\d{4}-\d\d-\d\d \d/.test(value) ? `${value.replace(' ', 'T')}Z` : value);
  if (!Number.isFinite(parsed) || Math.abs(parsed) > 8.64e15) return null;
  return new Date(parsed).toISOString();
}

/** Before Ghost 5 a site had one list: its subscribed members become this newsletter's. */
const legacyNewsletter: GhostNewsletter = {
  id: 'ghost-4-subscribers',
  name: 'Newsletter',
  slug: 'newsletter',
  description: '',
  senderName: '',
  senderEmail: '',
  senderReplyTo: '',
  isActive: true,
  sortOrder: 0,
};

const isTrue = (value: unknown) => value === true || value === 1 || value === '1' || value === 'true';

function tagOf(row: Row): GhostTag {
  const name = text(row.name);
  return {
    id: text(row.id),
    name,
    slug: text(row.slug),
    description: text(row.description),
    isInternal: text(row.visibility) === 'internal' || name.startsWith('#'),
  };
}

function userOf(row: Row): GhostUser {
  const email = text(row.email);
  return {
    // 0.x users may have no id: their address names them.
    id: text(row.id) || email,
    name: text(row.name),
    slug: text(row.slug),
    email,
    bio: text(row.bio),
    website: text(row.website),
    location: text(row.location),
    profileImage: text(row.profile_image) || text(row.image) || null,
  };
}

function newsletterOf(row: Row): GhostNewsletter {
  const sortOrder = Number(row.sort_order);
  return {
    id: text(row.id),
    name: text(row.name),
    slug: text(row.slug),
    description: text(row.description),
    senderName: text(row.sender_name),
    senderEmail: text(row.sender_email),
    senderReplyTo: text(row.sender_reply_to),
    isActive: text(row.status) !== 'archived',
    sortOrder: Number.isInteger(sortOrder) && sortOrder >= 0 ? Math.min(sortOrder, 1_000_000) : 0,
  };
}

interface PostContext {
  tags: Map<string, GhostTag>;
  users: Map<string, GhostUser>;
  notices: string[];
}

function postsOf(tables: Tables, context: PostContext): GhostPost[] {
  const meta = new Map(rows(tables, 'posts_meta').map((row) => [text(row.post_id), row]));
  const tagIds = joined(rows(tables, 'posts_tags'), 'post_id', 'tag_id');
  const authorIds = joined(rows(tables, 'posts_authors'), 'post_id', 'author_id');
  const posts = byId(rows(tables, 'posts').map((row) => postOf(row, meta.get(text(row.id)) ?? {})));
  return [...posts.values()].map((post) => {
    const authors = authorIds.get(post.id) ?? post.authorIds;
    post.authorIds = known(authors, context.users, `post "${post.slug}" names author`, context.notices);
    post.tagIds = known(
      tagIds.get(post.id) ?? [],
      context.tags,
      `post "${post.slug}" names tag`,
      context.notices,
    );
    return post;
  });
}

/** A join table as lists in its `sort_order`: post id → tag ids. */
function joined(list: Row[], from: string, to: string): Map<string, string[]> {
  const sorted = [...list].sort((a, b) => (Number(a.sort_order) || 0) - (Number(b.sort_order) || 0));
  const map = new Map<string, string[]>();
  for (const row of sorted) {
    const key = text(row[from]);
    const value = text(row[to]);
    if (key === '' || value === '') continue;
    const values = map.get(key) ?? [];
    if (!values.includes(value)) values.push(value);
    map.set(key, values);
  }
  return map;
}

function known<T>(ids: string[], table: Map<string, T>, what: string, notices: string[]): string[] {
  const missing = ids.filter((id) => !table.has(id));
  for (const id of missing.slice(0, 20))
    notices.push(`${what.slice(0, 200)} ${id.slice(0, 40)}, which the export does not hold`);
  return ids.filter((id) => table.has(id));
}

function postOf(row: Row, meta: Row): GhostPost {
  const field = (name: string) => text(meta[name]) || text(row[name]);
  return {
    id: text(row.id),
    uuid: text(row.uuid) || text(row.id),
    type: text(row.type) === 'page' || isTrue(row.page) ? 'page' : 'post',
    title: text(row.title),
    slug: text(row.slug),
    status: text(row.status),
    visibility: text(row.visibility) || 'public',
    lexical: text(row.lexical) || null,
    mobiledoc: text(row.mobiledoc) || null,
    html: text(row.html) || null,
    markdown: text(row.markdown) || null,
    featureImage: text(row.feature_image) || text(row.image) || null,
    featureImageAlt: field('feature_image_alt'),
    featureImageCaption: field('feature_image_caption'),
    isFeatured: isTrue(row.featured),
    createdAt: dateOf(row.created_at),
    updatedAt: dateOf(row.updated_at),
    publishedAt: dateOf(row.published_at),
    customExcerpt: text(row.custom_excerpt),
    metaTitle: field('meta_title'),
    metaDescription: field('meta_description'),
    ogTitle: field('og_title'),
    ogDescription: field('og_description'),
    twitterTitle: field('twitter_title'),
    twitterDescription: field('twitter_description'),
    canonicalUrl: text(row.canonical_url),
    codeInjection: ['codeinjection_head', 'codeinjection_foot'].filter((name) => field(name).trim() !== ''),
    authorIds: text(row.author_id) ? [text(row.author_id)] : [],
    tagIds: [],
  };
}

function membersOf(
  tables: Tables,
  newsletters: Map<string, GhostNewsletter>,
  notices: string[],
): GhostMember[] {
  const subscriptions = joined(rows(tables, 'members_newsletters'), 'member_id', 'newsletter_id');
  const firstSubscribed = new Map<string, string>();
  for (const event of rows(tables, 'members_subscribe_events')) {
    const at = dateOf(event.created_at);
    const id = text(event.member_id);
    if (at && isTrue(event.subscribed) && (!firstSubscribed.has(id) || at < firstSubscribed.get(id)!))
      firstSubscribed.set(id, at);
  }
  const hasJoinTable = rows(tables, 'members_newsletters').length > 0;
  const defaults = [...newsletters.values()].filter((n) => n.isActive).map((n) => n.id);
  const members = new Map(rows(tables, 'members').map((row) => [text(row.id), row]));
  members.delete('');
  return [...members].map(([id, row]) => {
    // Before newsletters (Ghost < 5), `subscribed` meant "gets the site's emails".
    const legacy = !hasJoinTable && isTrue(row.subscribed) ? defaults : [];
    const ids = subscriptions.get(id) ?? legacy;
    return {
      id,
      email: text(row.email),
      name: text(row.name),
      status: text(row.status) || 'free',
      newsletterIds: known(ids, newsletters, `member ${id.slice(0, 40)} names newsletter`, notices),
      isEmailDisabled: isTrue(row.email_disabled),
      createdAt: dateOf(row.created_at),
      subscribedAt: firstSubscribed.get(id) ?? null,
    };
  });
}
