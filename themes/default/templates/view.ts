import type { Picture } from '../../../src/domain/posts/post.types.js';
import type { PublicPath } from '../../../src/rendering/picture.js';
import type { ThemeStrings } from '../i18n.js';

/** What every page of the theme needs to know about the site. */
export interface SiteChrome {
  title: string;
  description: string;
  siteUrl: string;
  navigation: { label: string; url: string }[];
  logo: Picture | null;
  stylesheetPath: string;
  publicPath: PublicPath;
  /** IANA time zone dates are shown in, e.g. Europe/Oslo. */
  timeZone: string;
}

export interface FeedLink {
  title: string;
  href: string;
  type: 'application/rss+xml' | 'application/atom+xml' | 'application/feed+json';
}

/** Head metadata of one page: title, canonical URL, social cards, structured data. */
export interface PageMeta {
  title: string;
  description: string;
  canonicalPath: string;
  canonicalUrl?: string | null;
  ogType: 'website' | 'article' | 'profile';
  image?: { url: string; width: number; height: number; alt: string } | null;
  jsonLd?: unknown;
  alternates?: { language: string; path: string }[];
  feeds?: FeedLink[];
  isIndexable?: boolean;
  publishedAt?: string | null;
  modifiedAt?: string | null;
  twitterTitle?: string | null;
  twitterDescription?: string | null;
  ogTitle?: string | null;
  ogDescription?: string | null;
}

export interface PageFrame {
  chrome: SiteChrome;
  language: string;
  t: ThemeStrings;
  meta: PageMeta;
}
