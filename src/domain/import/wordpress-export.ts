import type { BlockNode } from '../posts/editor-document.js';

/**
 * What a WordPress export (WXR 1.0–1.2) holds, as read from the file: plain strings exactly as
 * exported, nothing interpreted yet. The importer maps these onto posts, tags, authors and media.
 */
export interface WxrSite {
  wxrVersion: string;
  title: string;
  link: string;
  description: string;
  language: string;
  baseSiteUrl: string;
  baseBlogUrl: string;
}

export interface WxrAuthor {
  id: string;
  login: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
}

/** A category, a tag or a term of another taxonomy, as declared at the top of the file. */
export interface WxrTerm {
  taxonomy: string;
  id: string;
  slug: string;
  parentSlug: string;
  name: string;
  description: string;
  meta: WxrMeta[];
}

export interface WxrMeta {
  key: string;
  value: string;
}

/** A term an item is filed under: `<category domain="post_tag" nicename="x">X</category>`. */
export interface WxrItemTerm {
  /** category, post_tag, author (Co-Authors Plus), or a custom taxonomy; "tag" in WXR 1.0. */
  domain: string;
  slug: string;
  name: string;
}

export interface WxrItem {
  title: string;
  link: string;
  pubDate: string;
  creator: string;
  guid: string;
  description: string;
  content: string;
  excerpt: string;
  postId: string;
  postDate: string;
  postDateGmt: string;
  postModified: string;
  postModifiedGmt: string;
  commentStatus: string;
  slug: string;
  status: string;
  parentId: string;
  menuOrder: string;
  postType: string;
  password: string;
  isSticky: boolean;
  attachmentUrl: string;
  terms: WxrItemTerm[];
  meta: WxrMeta[];
  commentCount: number;
}

export type WxrRecord =
  | { kind: 'site'; site: WxrSite }
  | { kind: 'author'; author: WxrAuthor }
  | { kind: 'term'; term: WxrTerm }
  | { kind: 'item'; item: WxrItem }
  /** Something the reader repaired or left out, for the import's report. */
  | { kind: 'notice'; notice: string };

/** Why a file could not be read, with where (line and column) when the XML itself is broken. */
export class WxrReadError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(line === undefined ? message : `${message} (line ${line}, column ${column ?? 0})`);
    this.name = 'WxrReadError';
  }
}

/** An attachment of the export, as a gallery or caption needs it. */
export interface WpAttachment {
  url: string;
  alt: string;
  caption: string;
}

export interface WordPressContentContext {
  /** The export's attachment with that WordPress id, if it has one. */
  attachment(id: string): WpAttachment | undefined;
  /** The post's own attachments, for a `[gallery]` without ids. */
  postAttachments(): WpAttachment[];
}

/** What could not be kept as it was, for the import's report. */
export interface ContentReport {
  unknownBlocks: string[];
  unknownShortcodes: string[];
  /** Embedded media kept as a link to it. */
  embeds: string[];
  missingAttachments: string[];
  pageBreaks: number;
}

export interface WordPressContent {
  blocks: BlockNode[];
  /** The text before `<!--more-->`, when the post has one: its excerpt. */
  teaser: string;
  report: ContentReport;
}
