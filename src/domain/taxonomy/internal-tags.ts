/**
 * An internal tag, as in Ghost: named `#…` with a slug `hash-…` (Ghost's own pair for it). Staff
 * file posts under it (a theme's "top stories", sorting in the admin); readers never see it, on the
 * site, in feeds, the sitemap or search. Both marks are needed, so that neither a
 * tag renamed "#1" nor a WordPress tag "hash-browns" disappears from the site by accident.
 */
export function isInternalTag(tag: { name: string; slug: string }): boolean {
  return tag.name.startsWith('#') && tag.slug.startsWith('hash-');
}

/** The tags a reader may see. */
export function publicTagsOf<T extends { name: string; slug: string }>(tags: T[]): T[] {
  return tags.filter((tag) => !isInternalTag(tag));
}
