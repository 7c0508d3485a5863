/** The public site's own paths (the routes of src/http/site), which pages, feeds and themes link to. */
export const postPath = (post: { slug: string }) => `/${encodeURIComponent(post.slug)}/`;
export const tagPath = (tag: { slug: string }) => `/tag/${encodeURIComponent(tag.slug)}/`;
export const authorPath = (author: { slug: string }) => `/author/${encodeURIComponent(author.slug)}/`;
