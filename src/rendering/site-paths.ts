/** The public site's own paths (the routes of src/http/site), which pages, feeds and themes link to. */
export const postPath = (post: { slug: string }) => `/${encodeURIComponent(post.slug)}/`;
export const tagPath = (tag: { slug: string }) => `/tag/${encodeURIComponent(tag.slug)}/`;
export const authorPath = (author: { slug: string }) => `/author/${encodeURIComponent(author.slug)}/`;
/** A cited source's archived copy (src/http/site/archive-routes.ts). */
export const snapshotPath = (snapshot: { id: string }) => `/archive/${encodeURIComponent(snapshot.id)}/`;
/** Every correction published on the site, newest first; another language's list under it. */
export const correctionsPath = '/corrections/';
export const correctionsPathIn = (language: string, defaultLanguage: string) =>
  language === defaultLanguage ? correctionsPath : `${correctionsPath}${encodeURIComponent(language)}/`;
/** The fragment of a note on its post's page (`/slug/#note-…`). */
export const noteAnchor = (note: { id: string }) => `note-${note.id}`;
