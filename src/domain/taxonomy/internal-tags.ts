/**
 * A tag whose name starts with `#` is internal, as in Ghost: staff file posts under it (for a theme's
 * "top stories", for sorting in the admin) and readers never see it, on the site, in feeds, the
 * sitemap, search or the Content API. Imported Ghost internal tags keep their `#` and stay internal.
 */
export function isInternalTag(tag: { name: string }): boolean {
  return tag.name.startsWith('#');
}

/** The tags a reader may see. */
export function publicTagsOf<T extends { name: string }>(tags: T[]): T[] {
  return tags.filter((tag) => !isInternalTag(tag));
}
