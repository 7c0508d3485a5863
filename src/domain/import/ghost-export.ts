import type { BlockNode } from '../posts/editor-document.js';

/**
 * What a Ghost JSON export (Ghost 0.x to 5.x, Admin → Settings → Export) holds, read into plain
 * values: ids as strings, dates as ISO-8601 or null, references between tables resolved to lists of
 * ids. Nothing is trusted yet: texts are as exported, lengths unchecked.
 */
export interface GhostExport {
  version: string;
  posts: GhostPost[];
  tags: Map<string, GhostTag>;
  users: Map<string, GhostUser>;
  newsletters: Map<string, GhostNewsletter>;
  members: GhostMember[];
  /** Ghost's settings table, key → value as exported (navigation is a JSON string). */
  settings: Map<string, string>;
  /** Tables of the export that have no place in Broadsheet, with their row counts. */
  otherTables: Record<string, number>;
  /** Rows left out while reading (a reference to a tag the export does not hold…). */
  notices: string[];
}

export interface GhostPost {
  id: string;
  /** Unique across sites (ids of 0.x exports are 1, 2, 3…): what a re-run finds the post by. */
  uuid: string;
  type: 'post' | 'page';
  title: string;
  slug: string;
  /** published, draft, scheduled, sent (email only)… */
  status: string;
  /** public, members, paid, tiers. */
  visibility: string;
  lexical: string | null;
  mobiledoc: string | null;
  html: string | null;
  /** Ghost 0.x kept Markdown beside (or instead of) the html. */
  markdown: string | null;
  featureImage: string | null;
  featureImageAlt: string;
  featureImageCaption: string;
  isFeatured: boolean;
  createdAt: string | null;
  updatedAt: string | null;
  publishedAt: string | null;
  customExcerpt: string;
  metaTitle: string;
  metaDescription: string;
  ogTitle: string;
  ogDescription: string;
  twitterTitle: string;
  twitterDescription: string;
  canonicalUrl: string;
  /** Which of the post's code injection fields held anything (never imported). */
  codeInjection: string[];
  authorIds: string[];
  tagIds: string[];
}

export interface GhostTag {
  id: string;
  name: string;
  slug: string;
  description: string;
  /** Ghost's internal tags (`#name`, visibility internal): for sorting, never shown to readers. */
  isInternal: boolean;
}

export interface GhostUser {
  id: string;
  name: string;
  slug: string;
  email: string;
  bio: string;
  website: string;
  location: string;
  profileImage: string | null;
}

export interface GhostNewsletter {
  id: string;
  name: string;
  slug: string;
  description: string;
  senderName: string;
  senderEmail: string;
  senderReplyTo: string;
  isActive: boolean;
  sortOrder: number;
}

export interface GhostMember {
  id: string;
  email: string;
  name: string;
  /** free, paid or comped. */
  status: string;
  /** The newsletters the member receives (members_newsletters, or the old `subscribed` flag). */
  newsletterIds: string[];
  /** Ghost stops all email to an address that bounced or complained. */
  isEmailDisabled: boolean;
  createdAt: string | null;
  /** When the member first subscribed (members_subscribe_events), if the export says. */
  subscribedAt: string | null;
}

/** A post's content as the editor's blocks, with what could not be kept for the report. */
export interface GhostContent {
  blocks: BlockNode[];
  report: GhostContentReport;
}

export interface GhostContentReport {
  /** Cards with no editor block of their own, by card name (kept as their text, or left out). */
  unknownCards: string[];
  /** Embedded media kept as a link to it. */
  embeds: string[];
  /** Cards left out on purpose (signup forms, paywall markers, email-only content). */
  droppedCards: string[];
}

/** A post's stored content: Ghost keeps one of these (lexical since 5.x, mobiledoc before, html always). */
export interface GhostStoredContent {
  lexical: string | null;
  mobiledoc: string | null;
  html: string | null;
  markdown: string | null;
}

/** Why an export was refused, before anything was written. */
export class GhostReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GhostReadError';
  }
}
