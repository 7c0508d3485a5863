const transliterations: Record<string, string> = {
  æ: 'ae',
  ø: 'o',
  å: 'a',
  ä: 'a',
  ö: 'o',
  ü: 'u',
  ß: 'ss',
  þ: 'th',
  ð: 'd',
  ł: 'l',
  đ: 'd',
  œ: 'oe',
};

/**
 * A URL slug from any title: Latin letters lose their accents (æøå become ae/o/a), other scripts
 * (Arabic, Cyrillic, CJK…) are kept as Unicode letters, emoji and punctuation become separators.
 */
export function slugify(input: string, maxLength = 80): string {
  const lowered = input.normalize('NFKC').toLowerCase();
  const transliterated = [...lowered].map((ch) => transliterations[ch] ?? ch).join('');
  const stripped = transliterated
    .normalize('NFKD')
    .replace(/\p{M}/gu, (mark, offset, whole: string) =>
      /[\p{Script=Latin}]/u.test(whole[offset - 1] ?? '') ? '' : mark,
    );
  const slug = stripped
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return truncateSlug(slug, maxLength);
}

function truncateSlug(slug: string, maxLength: number): string {
  const chars = [...slug];
  if (chars.length <= maxLength) return slug;
  return chars.slice(0, maxLength).join('').replace(/-+$/, '');
}

/** True when a slug is safe to use in a path segment as it is. */
export function isValidSlug(slug: string): boolean {
  return (
    /^[\p{Ll}\p{Lo}\p{Lm}\p{N}\p{M}]+(-[\p{Ll}\p{Lo}\p{Lm}\p{N}\p{M}]+)*$/u.test(slug) &&
    [...slug].length <= 191
  );
}

/** First free slug among base, base-2, base-3… as told by `isTaken`. */
export async function uniqueSlug(base: string, isTaken: (slug: string) => Promise<boolean>): Promise<string> {
  const root = base || 'untitled';
  if (!(await isTaken(root))) return root;
  for (let n = 2; ; n++) {
    const candidate = `${root}-${n}`;
    if (!(await isTaken(candidate))) return candidate;
  }
}

/** First path segments the site uses itself; a post or page slug may not take one. */
const reservedPaths = new Set([
  'admin',
  'archive',
  'assets',
  'author',
  'corrections',
  'feed',
  'ghost',
  'media',
  'members',
  'page',
  'rss',
  'search',
  'tag',
  'subscribe',
  'topics',
  'unsubscribe',
]);

export function isReservedPath(slug: string): boolean {
  return reservedPaths.has(slug);
}
