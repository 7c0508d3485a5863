import type { PostStatus } from '../posts/post.types.js';
import { slugify } from '../shared/slug.js';
import type { WxrItem, WxrMeta } from './wordpress-export.js';

/*
 * What a WordPress item's fields and postmeta mean for Broadsheet: pure functions, no I/O.
 */

export function metaValue(meta: WxrMeta[], key: string): string {
  return meta.find((m) => m.key === key)?.value.trim() ?? '';
}

/** A WordPress date (`2013-01-10 20:15:40`, in UTC for the `_gmt` fields) as ISO-8601; null when unset. */
export function wordpressDate(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (!match || match[1] === '0000') return null;
  const [, y, mo, d, h, mi, s] = match;
  const date = new Date(Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** When the item was published: the GMT date, else its local date read as UTC. */
export function publishedDateOf(item: WxrItem): string | null {
  return wordpressDate(item.postDateGmt) ?? wordpressDate(item.postDate);
}

export function modifiedDateOf(item: WxrItem): string | null {
  return wordpressDate(item.postModifiedGmt) ?? wordpressDate(item.postModified);
}

/** How an item's status lands: a Broadsheet status, with the reason when it is not kept as it was. */
export type StatusMapping = { status: PostStatus; note?: string } | { skip: string };

export function statusOf(item: WxrItem, publishedAt: string | null, now: Date): StatusMapping {
  if (item.password !== '') return { status: 'draft', note: 'password-protected: kept as a draft' };
  switch (item.status) {
    case 'publish':
      return { status: 'published' };
    case 'future':
      return publishedAt && Date.parse(publishedAt) > now.getTime()
        ? { status: 'scheduled' }
        : { status: 'draft', note: 'scheduled for a time that has passed: kept as a draft' };
    case 'draft':
    case 'pending':
    case 'private':
      return { status: 'draft', note: `${item.status}: kept as a draft` };
    case 'trash':
    case 'auto-draft':
    case 'inherit':
      return { skip: `status "${item.status}" is not imported` };
    default:
      return { status: 'draft', note: `unknown status "${item.status.slice(0, 40)}": kept as a draft` };
  }
}

export interface SeoFields {
  metaTitle: string | null;
  metaDescription: string | null;
  canonicalUrl: string | null;
}

const seoKeys = {
  title: ['_yoast_wpseo_title', 'rank_math_title', '_aioseo_title', '_aioseop_title'],
  description: [
    '_yoast_wpseo_metadesc',
    'rank_math_description',
    '_aioseo_description',
    '_aioseop_description',
  ],
  canonical: ['_yoast_wpseo_canonical', 'rank_math_canonical_url'],
};

const firstOf = (meta: WxrMeta[], keys: string[]) =>
  keys.map((key) => metaValue(meta, key)).find((v) => v !== '') ?? '';

/**
 * SEO title and description from Yoast, RankMath or All in One SEO. Their `%%title%%`-style
 * variables only mean something in WordPress: a value made of nothing else is left out.
 */
export function seoOf(meta: WxrMeta[]): SeoFields {
  const plain = (value: string, max: number) => {
    const text = value.replace(/%%[a-z_]+%%|%[a-z_]+%|#[a-z_]+/gi, '').trim();
    return text === '' || /^[\s|–—:-]*$/.test(text) ? null : value.slice(0, max);
  };
  const canonical = firstOf(meta, seoKeys.canonical);
  return {
    metaTitle: plain(firstOf(meta, seoKeys.title), 300),
    metaDescription: plain(firstOf(meta, seoKeys.description), 500),
    canonicalUrl: /^https?:\/\/[^\s]+$/i.test(canonical) ? canonical.slice(0, 2000) : null,
  };
}

/** The primary category's WordPress term id (Yoast, RankMath), if the post names one. */
export function primaryCategoryId(meta: WxrMeta[]): string {
  return firstOf(meta, ['_yoast_wpseo_primary_category', 'rank_math_primary_category']);
}

/** A WordPress slug (percent-encoded for non-ASCII) as a Broadsheet slug. */
export function slugOf(wordpressSlug: string, title: string): string {
  let decoded = wordpressSlug;
  try {
    decoded = decodeURIComponent(wordpressSlug);
  } catch {
    // not valid percent-encoding: slugify what is there
  }
  return slugify(decoded, 120) || slugify(title, 80);
}

/** `en-US` → `en`: the primary language subtag, which search stemming and hreflang go by. */
export function languageOf(language: string): string {
  const primary = /^([a-z]{2,3})\b/i.exec(language.trim())?.[1];
  return primary ? primary.toLowerCase() : 'en';
}

/**
 * Where a URL points inside `wp-content/uploads`, as one key for every size of one image:
 * `2024/05/photo-300x200.jpg?ver=2` and `2024/05/photo-scaled.jpg` are both `2024/05/photo.jpg`.
 */
export function uploadsKeyOf(url: string): string | undefined {
  const path = uploadsPathOf(url);
  if (path === undefined) return undefined;
  return path.replace(/(?:-\d{1,5}x\d{1,5}|-scaled|-rotated|-e\d{10,13})+(?=\.[a-z0-9]+$)/i, '');
}

/** The file's path under `wp-content/uploads` (no query, percent-decoded), if the URL is one. */
export function uploadsPathOf(url: string): string | undefined {
  const match = /\/wp-content\/uploads\/([^?#"'\s]+)/i.exec(url);
  return match ? relativePathOf(match[1]!) : undefined;
}

/**
 * A path taken from an export's URL as a relative path inside an images folder: percent-decoded,
 * empty and `.` parts dropped; undefined for `..`, backslashes or NUL (nothing outside the folder).
 */
export function relativePathOf(raw: string): string | undefined {
  let path = raw;
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep it as written
  }
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..' || p.includes('\\') || p.includes('\0'))) return undefined;
  return parts.length > 0 ? parts.join('/') : undefined;
}

/** A string field of PHP's serialize() output (`s:6:"credit";s:9:"Kari Berg";`), without unserializing. */
export function serializedString(serialized: string, field: string): string {
  const pattern = new RegExp(`s:\\d+:"${field}";s:\\d+:"([^"]*)"`);
  return pattern.exec(serialized)?.[1]?.trim() ?? '';
}
