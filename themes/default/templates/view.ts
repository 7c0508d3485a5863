/** The frame every page is rendered in, as the site hands it over (src/rendering/theme.ts). */
export type { FeedLink, PageFrame, PageMeta, SiteChrome } from '../../../src/rendering/theme.js';
