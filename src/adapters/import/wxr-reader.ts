import { createReadStream } from 'node:fs';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { BareAmpersandRepair } from './bare-ampersands.js';
import {
  WxrReadError,
  type WxrAuthor,
  type WxrItem,
  type WxrItemTerm,
  type WxrMeta,
  type WxrRecord,
  type WxrSite,
  type WxrTerm,
} from '../../domain/import/wordpress-export.js';

/**
 * A streaming reader of WordPress exports. The XML is parsed by saxes, which reads no DTD and
 * expands no entity beyond XML's five and character references: a file with a DOCTYPE is refused
 * before anything is read from it. Elements are matched by namespace URI, never by prefix, so a
 * `wp:` prefix bound to another namespace yields nothing. Only one top-level element (an item, an
 * author, a term) is held in memory at a time, within the limits below.
 */
export interface WxrLimits {
  /** Characters of text one top-level element (an item with its content and meta) may hold. */
  maxElementChars: number;
  /** Elements one top-level element may contain. */
  maxElementNodes: number;
  maxDepth: number;
}

const defaultLimits: WxrLimits = {
  maxElementChars: 64 * 1024 * 1024,
  maxElementNodes: 200_000,
  maxDepth: 48,
};

const wpNamespace = /^https?:\/\/wordpress\.org\/export\/1\.[0-2]\/$/;
const excerptNamespace = /^https?:\/\/wordpress\.org\/export\/1\.[0-2]\/excerpt\/$/;
const contentNamespace = 'http://purl.org/rss/1.0/modules/content/';
const dcNamespace = 'http://purl.org/dc/elements/1.1/';

type Space = 'rss' | 'wp' | 'excerpt' | 'content' | 'dc' | 'other';

function spaceOf(uri: string): Space {
  if (uri === '') return 'rss';
  if (wpNamespace.test(uri)) return 'wp';
  if (excerptNamespace.test(uri)) return 'excerpt';
  if (uri === contentNamespace) return 'content';
  if (uri === dcNamespace) return 'dc';
  return 'other';
}

/** A captured element: its name by namespace, its plain attributes, its text and its children. */
interface Node {
  space: Space;
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: Node[];
}

export async function* readWxr(
  input: AsyncIterable<Buffer | string>,
  limits: Partial<WxrLimits> = {},
): AsyncGenerator<WxrRecord> {
  const reader = new WxrStreamReader({ ...defaultLimits, ...limits });
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of input) {
    reader.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    yield* reader.takeRecords();
  }
  reader.write(decoder.decode(), true);
  reader.close();
  yield* reader.takeRecords();
}

export function readWxrFile(path: string, limits: Partial<WxrLimits> = {}): AsyncGenerator<WxrRecord> {
  return readWxr(createReadStream(path, { highWaterMark: 256 * 1024 }), limits);
}

class WxrStreamReader {
  private readonly parser = new SaxesParser({ xmlns: true });
  private readonly repair = new BareAmpersandRepair();
  private readonly records: WxrRecord[] = [];
  private readonly open: Node[] = [];
  private depth = 0;
  private captured = { chars: 0, nodes: 0 };
  private site: Partial<WxrSite> = {};
  private isSiteSent = false;

  constructor(private readonly limits: WxrLimits) {
    this.parser.on('error', (error) => {
      throw new WxrReadError(
        `the file is not well-formed XML: ${stripPosition(error.message)}`,
        this.parser.line,
        this.parser.column,
      );
    });
    this.parser.on('xmldecl', ({ encoding }) => {
      if (encoding !== undefined && !/^utf-?8$/i.test(encoding))
        throw new WxrReadError(`the file says it is encoded as ${encoding}; only UTF-8 exports can be read`);
    });
    this.parser.on('doctype', () => {
      throw new WxrReadError(
        'the file declares a DTD, which no WordPress export has; it is not read',
        this.parser.line,
      );
    });
    this.parser.on('opentag', (tag) => this.opened(tag));
    this.parser.on('closetag', () => this.closed());
    this.parser.on('text', (text) => this.addText(text));
    this.parser.on('cdata', (text) => this.addText(text));
  }

  write(text: string, isLast = false): void {
    const repaired = this.repair.push(text, isLast);
    if (repaired !== '') this.parser.write(repaired);
  }

  close(): void {
    this.parser.close();
    this.sendSite();
    const count = this.repair.repaired;
    if (count > 0)
      this.records.push({
        kind: 'notice',
        notice: `${count} unescaped "&" ${count === 1 ? 'character was' : 'characters were'} read as "&" (WordPress writes some URLs into the export unescaped)`,
      });
  }

  takeRecords(): WxrRecord[] {
    return this.records.splice(0);
  }

  private opened(tag: SaxesTagNS): void {
    this.depth++;
    const space = spaceOf(tag.uri);
    if (this.depth === 1 && !(space === 'rss' && tag.local === 'rss'))
      throw notWxr(`its root element is <${tag.name}>, not <rss>`);
    if (this.depth === 2 && !(space === 'rss' && tag.local === 'channel'))
      throw notWxr(`<rss> holds <${tag.name}>, not <channel>`);
    if (this.depth < 3) return;
    this.capture({ space, name: tag.local, attributes: plainAttributes(tag), text: '', children: [] });
  }

  private capture(node: Node): void {
    const { limits, captured } = this;
    if (this.open.length === 0) captured.chars = captured.nodes = 0;
    if (++captured.nodes > limits.maxElementNodes)
      throw new WxrReadError(
        `one element holds more than ${limits.maxElementNodes} elements`,
        this.parser.line,
      );
    if (this.open.length >= limits.maxDepth)
      throw new WxrReadError(`elements are nested more than ${limits.maxDepth} deep`, this.parser.line);
    this.open.at(-1)?.children.push(node);
    this.open.push(node);
  }

  private addText(text: string): void {
    const node = this.open.at(-1);
    if (node === undefined) return;
    this.captured.chars += text.length;
    if (this.captured.chars > this.limits.maxElementChars)
      throw new WxrReadError(
        `one element holds more than ${this.limits.maxElementChars} characters`,
        this.parser.line,
      );
    node.text += text;
  }

  private closed(): void {
    this.depth--;
    const node = this.open.pop();
    if (node !== undefined && this.open.length === 0) this.topLevel(node);
  }

  private topLevel(node: Node): void {
    const record = recordOf(node);
    if (record === undefined) {
      this.siteField(node);
      return;
    }
    this.sendSite();
    this.records.push(record);
  }

  private siteField(node: Node): void {
    const value = node.text.trim();
    const key = `${node.space}:${node.name}`;
    const field = siteFields[key];
    if (field !== undefined && this.site[field] === undefined) this.site[field] = value;
  }

  private sendSite(): void {
    if (this.isSiteSent) return;
    const { site } = this;
    if (site.wxrVersion === undefined || !/^1\.[0-2]$/.test(site.wxrVersion))
      throw notWxr(
        site.wxrVersion === undefined
          ? 'it has no <wp:wxr_version>'
          : `its WXR version is "${site.wxrVersion.slice(0, 20)}"`,
      );
    this.isSiteSent = true;
    this.records.push({
      kind: 'site',
      site: {
        wxrVersion: site.wxrVersion,
        title: site.title ?? '',
        link: site.link ?? '',
        description: site.description ?? '',
        language: site.language ?? '',
        baseSiteUrl: site.baseSiteUrl ?? '',
        baseBlogUrl: site.baseBlogUrl ?? '',
      },
    });
  }
}

const siteFields: Record<string, keyof WxrSite> = {
  'wp:wxr_version': 'wxrVersion',
  'rss:title': 'title',
  'rss:link': 'link',
  'rss:description': 'description',
  'rss:language': 'language',
  'wp:base_site_url': 'baseSiteUrl',
  'wp:base_blog_url': 'baseBlogUrl',
};

function notWxr(why: string): WxrReadError {
  return new WxrReadError(`This does not appear to be a WordPress export (WXR) file: ${why}`);
}

function stripPosition(message: string): string {
  return message.replace(/^(?:[^:]*:)?\d+:\d+: /, '');
}

function plainAttributes(tag: SaxesTagNS): Record<string, string> {
  const attributes: Record<string, string> = Object.create(null);
  for (const attribute of Object.values(tag.attributes))
    if (attribute.uri === '') attributes[attribute.local] = attribute.value;
  return attributes;
}

function recordOf(node: Node): WxrRecord | undefined {
  if (node.space === 'rss' && node.name === 'item') return { kind: 'item', item: itemOf(node) };
  if (node.space !== 'wp') return undefined;
  if (node.name === 'author') return { kind: 'author', author: authorOf(node) };
  if (node.name === 'category' || node.name === 'tag' || node.name === 'term')
    return { kind: 'term', term: termOf(node, node.name) };
  return undefined;
}

/** The first child of that name; `raw` keeps whitespace (content, meta values), otherwise trimmed. */
function field(node: Node, space: Space, name: string, raw = false): string {
  const child = node.children.find((c) => c.space === space && c.name === name);
  if (child === undefined) return '';
  return raw ? child.text : child.text.trim();
}

function childrenNamed(node: Node, space: Space, name: string): Node[] {
  return node.children.filter((c) => c.space === space && c.name === name);
}

function metaOf(node: Node, name: string): WxrMeta[] {
  return childrenNamed(node, 'wp', name).map((meta) => ({
    key: field(meta, 'wp', 'meta_key'),
    value: field(meta, 'wp', 'meta_value', true),
  }));
}

function authorOf(node: Node): WxrAuthor {
  const wp = (name: string) => field(node, 'wp', name);
  return {
    id: wp('author_id'),
    login: wp('author_login'),
    email: wp('author_email'),
    displayName: wp('author_display_name'),
    firstName: wp('author_first_name'),
    lastName: wp('author_last_name'),
  };
}

/** Where each of the three term elements keeps its fields; a <wp:term> names its own taxonomy. */
const termElements = {
  category: {
    taxonomy: 'category',
    slug: 'category_nicename',
    parent: 'category_parent',
    name: 'cat_name',
    description: 'category_description',
  },
  tag: {
    taxonomy: 'post_tag',
    slug: 'tag_slug',
    parent: undefined,
    name: 'tag_name',
    description: 'tag_description',
  },
  term: {
    taxonomy: undefined,
    slug: 'term_slug',
    parent: 'term_parent',
    name: 'term_name',
    description: 'term_description',
  },
} as const;

function termOf(node: Node, element: keyof typeof termElements): WxrTerm {
  const names = termElements[element];
  const wp = (name: string | undefined) => (name === undefined ? '' : field(node, 'wp', name));
  return {
    taxonomy: names.taxonomy ?? wp('term_taxonomy'),
    id: wp('term_id'),
    slug: wp(names.slug),
    parentSlug: wp(names.parent),
    name: wp(names.name),
    description: wp(names.description),
    meta: metaOf(node, 'termmeta'),
  };
}

function itemTermsOf(node: Node): WxrItemTerm[] {
  return childrenNamed(node, 'rss', 'category').map((category) => ({
    domain: category.attributes.domain ?? '',
    slug: category.attributes.nicename ?? '',
    name: category.text.trim(),
  }));
}

function itemOf(node: Node): WxrItem {
  const wp = (name: string) => field(node, 'wp', name);
  return {
    title: field(node, 'rss', 'title'),
    link: field(node, 'rss', 'link'),
    pubDate: field(node, 'rss', 'pubDate'),
    creator: field(node, 'dc', 'creator'),
    guid: field(node, 'rss', 'guid'),
    description: field(node, 'rss', 'description'),
    content: field(node, 'content', 'encoded', true),
    excerpt: field(node, 'excerpt', 'encoded', true),
    postId: wp('post_id'),
    postDate: wp('post_date'),
    postDateGmt: wp('post_date_gmt'),
    postModified: wp('post_modified'),
    postModifiedGmt: wp('post_modified_gmt'),
    commentStatus: wp('comment_status'),
    slug: wp('post_name'),
    status: wp('status'),
    parentId: wp('post_parent'),
    menuOrder: wp('menu_order'),
    postType: wp('post_type'),
    password: wp('post_password'),
    isSticky: wp('is_sticky') === '1',
    attachmentUrl: wp('attachment_url'),
    terms: itemTermsOf(node),
    meta: metaOf(node, 'postmeta'),
    commentCount: childrenNamed(node, 'wp', 'comment').length,
  };
}
