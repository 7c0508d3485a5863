import type { AuthorSummary, Picture, PostView, TagSummary } from '../domain/posts/post.types.js';
import type { PromotionView } from '../domain/promos/promotions.js';
import type { SnippetPart } from '../domain/search/search-port.js';
import type { SafeHtml } from './html.js';
import type { PolicyKind } from '../domain/settings/site-policies.js';
import type { ListedCorrection } from '../domain/ports.js';
import type { PublicPath } from './picture.js';
import type { ThemeStrings } from './theme-strings.js';

/**
 * The seam between the public site and a theme: what the site (src/http/site) asks a theme for, by
 * name, and the models it hands over. The site reads the content, picks the language and writes the
 * head metadata; the theme turns that into HTML. `themes/default/index.ts` implements it; the site
 * gets its theme through SiteEnv and imports nothing from themes/.
 */
export interface Theme {
  /**
   * The folder of the theme's static files (CSS, SVG, fonts), relative to the project root: served
   * under /assets/ with fingerprinted names (themeAssetPath gives a page the name to link).
   */
  assetsDir: string;
  /** The theme's strings in `language` (a language it has no strings for gets its fallback). */
  strings(language: string): ThemeStrings;
  pages: ThemePages;
  members: ThemeMemberPages;
}

/** Every page of the public site; each returns a whole HTML document. */
export interface ThemePages {
  home(frame: PageFrame, model: HomePageModel): string;
  post(frame: PageFrame, model: PostPageModel): string;
  /** A tag's or an author's list of posts. */
  archive(frame: PageFrame, model: ArchivePageModel): string;
  topics(frame: PageFrame, tags: TagSummary[]): string;
  /** `/corrections/`: every published correction in the page's language, newest first. */
  corrections(frame: PageFrame, model: CorrectionsPageModel): string;
  search(frame: PageFrame, model: SearchPageModel): string;
  /** The 404 page (with `offerSearch`) and the error page. */
  message(frame: PageFrame, heading: string, text: string, options?: { offerSearch?: boolean }): string;
}

/** The members' pages (signup, confirming, managing, unsubscribing) and the pieces they show. */
export interface ThemeMemberPages {
  /** A short page: a heading, a paragraph, and what else the page needs (`extra`). */
  message(frame: PageFrame, heading: string, text: string, extra?: SafeHtml | ''): string;
  subscribe(frame: PageFrame, signup: SignupBox, problem?: string): string;
  manage(frame: PageFrame, model: ManagePageModel): string;
  /** The signup box alone (empty when no newsletter is offered). */
  signupBox(frame: PageFrame, signup: SignupBox | undefined): SafeHtml | '';
  /** A form with one button that POSTs a members' link token. */
  tokenForm(options: TokenFormOptions): SafeHtml;
}

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
  /** The languages the site publishes in (settings), and the one its unprefixed lists are in. */
  languages: string[];
  defaultLanguage: string;
  /** The publisher's published policy pages, for the footer (settings: `policies`). */
  policies: { kind: PolicyKind; path: string }[];
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
  /** The authors' fediverse handles (`fediverse:creator`), `@name@server`. */
  fediverseCreators?: string[];
}

/** One page's frame: the site, the page's language and the theme's strings in it, the head metadata. */
export interface PageFrame {
  chrome: SiteChrome;
  language: string;
  t: ThemeStrings;
  meta: PageMeta;
}

export interface PostPageModel {
  post: PostView;
  related: PostView[];
  translations: PostView[];
  promotions: Map<string, PromotionView[]>;
  /** Active newsletters and a form token: the signup box shows when there is a newsletter. */
  signup?: SignupBox;
}

export interface HomePageModel {
  lead: PostView | undefined;
  posts: PostView[];
  page: number;
  /** Whether an older page follows (archives are not counted: see docs/ARCHITECTURE.md). */
  hasOlder: boolean;
  promotions: Map<string, PromotionView[]>;
  signup?: SignupBox;
}

export interface ArchivePageModel {
  heading: string;
  kindLabel: string;
  description: string;
  basePath: string;
  posts: PostView[];
  page: number;
  /** Whether an older page follows (archives are not counted: see docs/ARCHITECTURE.md). */
  hasOlder: boolean;
  author?: AuthorSummary;
  tag?: TagSummary;
}

export interface CorrectionsPageModel {
  corrections: ListedCorrection[];
  /** The path of the page after this one (older corrections), when there is one. */
  olderPath: string | null;
  /** The first page (the newest corrections), when this is an older one. */
  newestPath: string | null;
  /** The site's corrections policy page, when the publisher has chosen one. */
  policyPath: string | null;
  /** The same list in the site's other languages. */
  otherLanguages: { language: string; path: string }[];
}

export interface SearchResultView {
  post: PostView;
  snippet: SnippetPart[];
}

export interface SearchPageModel {
  q: string;
  results: SearchResultView[];
  total: number;
  isTotalCapped: boolean;
  page: number;
  pages: number;
  /** The site's languages (settings), each named in its own language. */
  languages: { code: string; name: string }[];
  language: string | undefined;
  tag: { slug: string; name: string } | undefined;
  suggestions: { queries: string[]; tags: { slug: string; name: string }[] };
  /** The URL of another page of these results, or of these results with other filters. */
  href: (change: { page?: number; q?: string; tag?: string | null }) => string;
}

/** A newsletter as the signup box offers it. */
export interface NewsletterChoice {
  id: string;
  name: string;
}

/** What a signup box offers, with the signed form token it posts (src/http/site/form-token.ts). */
export interface SignupBox {
  newsletters: NewsletterChoice[];
  formToken: string;
}

export interface ManagePageModel {
  token: string;
  formToken: string;
  email: string;
  newsletters: NewsletterChoice[];
  chosenIds: string[];
  isSubscribed: boolean;
  notice?: string;
}

export interface TokenFormOptions {
  action: string;
  token: string;
  formToken: string;
  label: string;
  extra?: SafeHtml;
}
