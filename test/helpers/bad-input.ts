import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DomUtils, parseDocument } from 'htmlparser2';

const fixtures = new URL('../fixtures/badinput/', import.meta.url);

export interface PayloadCorpus {
  /** Every distinct payload, blns first, in file order. */
  payloads: string[];
  blnsCount: number;
  xssLineCount: number;
  xssFiles: string[];
}

/** The Big List of Naughty Strings plus every non-empty line of each XSS list, de-duplicated. */
export function loadPayloads(): PayloadCorpus {
  const blns = JSON.parse(readFileSync(new URL('blns/blns.json', fixtures), 'utf8')) as string[];
  const xssDir = new URL('xss/', fixtures);
  const xssFiles = readdirSync(xssDir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  const xssLines = xssFiles.flatMap((name) =>
    readFileSync(new URL(name, xssDir), 'utf8')
      .split(/\r?\n/)
      .filter((line) => line.trim() !== ''),
  );
  return {
    payloads: [...new Set([...blns, ...xssLines])],
    blnsCount: blns.length,
    xssLineCount: xssLines.length,
    xssFiles,
  };
}

export type HtmlDocument = ReturnType<typeof parseDocument>;
export type HtmlElement = ReturnType<typeof DomUtils.findAll>[number];

export interface HtmlPage {
  doc: HtmlDocument;
  elements: HtmlElement[];
}

export function parseHtml(markup: string): HtmlPage {
  const doc = parseDocument(markup);
  return { doc, elements: DomUtils.findAll(() => true, doc.children) };
}

/** Text content as a reader sees it (entities decoded); undefined for a missing element. */
export const textOf = (node: HtmlElement | HtmlDocument | undefined): string | undefined =>
  node && DomUtils.textContent(node);

export const hasClass = (el: HtmlElement, name: string): boolean =>
  (el.attribs.class ?? '').split(/\s+/).includes(name);

/** Elements by tag name (`*`: any) and optionally class, below `root`, in document order. */
export function select(
  root: HtmlPage | HtmlElement | undefined,
  tag: string,
  className?: string,
): HtmlElement[] {
  if (!root) return [];
  const within = 'doc' in root ? root.doc.children : root.children;
  return DomUtils.findAll(
    (el) => (tag === '*' || el.name === tag) && (className === undefined || hasClass(el, className)),
    within,
  );
}

/** Direct child elements of `el` with this tag name. */
export const childElements = (el: HtmlElement, tag: string): HtmlElement[] =>
  el.children.filter((node): node is HtmlElement => DomUtils.isTag(node) && node.name === tag);

/** `tag` and `tag@attribute` names present on a page: what a benign rendering of the same page uses. */
export function vocabulary(page: HtmlPage): Set<string> {
  const names = new Set<string>();
  for (const el of page.elements) {
    names.add(el.name);
    for (const attribute of Object.keys(el.attribs)) names.add(`${el.name}@${attribute}`);
  }
  return names;
}

/** The theme's own search box (in every page's header): a GET form to /search/ and nothing else. */
const isOwnSearchForm = (el: HtmlElement) =>
  el.name === 'form' &&
  el.attribs.action === '/search/' &&
  el.attribs.method === 'get' &&
  Object.keys(el.attribs).every((name) => ['action', 'method', 'class', 'role', 'aria-label'].includes(name));

const forbiddenElements = new Set([
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'base',
  'form',
  'style',
  'template',
  'portal',
]);
const urlAttributes = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'srcset',
  'poster',
  'data',
  'background',
  'cite',
  'xlink:href',
  'ping',
]);
const dangerousScheme = /^(javascript|vbscript|data):/;
// Browsers ignore whitespace and control characters inside a URL scheme ("java\tscript:").
const strip = (value: string) => value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase(); // eslint-disable-line no-control-regex

// The theme's own empty favicon (`<link rel="icon" href="data:,">`) is the one data: URL a page may carry.
const isEmptyFavicon = (el: HtmlElement, value: string) =>
  el.name === 'link' && el.attribs.rel === 'icon' && value === 'data:,';

function urlProblems(tag: string, name: string, value: string): string[] {
  const candidates = name === 'srcset' ? [value, ...value.split(',')] : [value];
  return candidates
    .filter(
      (candidate) =>
        dangerousScheme.test(candidate.trim().toLowerCase()) || dangerousScheme.test(strip(candidate)),
    )
    .map((candidate) => `<${tag} ${name}="${candidate}"> uses a script-capable URL scheme`);
}

function scriptProblems(el: HtmlElement): string[] {
  if (el.attribs.type !== 'application/ld+json')
    return [
      `<script${el.attribs.type ? ` type="${el.attribs.type}"` : ''}> element: ${textOf(el)!.slice(0, 80)}`,
    ];
  try {
    JSON.parse(textOf(el)!);
    return [];
  } catch (error) {
    return [`JSON-LD script is not valid JSON (${(error as Error).message})`];
  }
}

/**
 * Everything on a page that could run script or change where the page points: event handler
 * attributes, scripts other than valid JSON-LD, script-capable URLs, active elements, and (with a
 * benign page's vocabulary) any element or attribute the same page type never uses.
 */
export function htmlProblems(page: HtmlPage, allowed?: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const el of page.elements) {
    const tag = el.name;
    if (forbiddenElements.has(tag) && !isOwnSearchForm(el)) problems.push(`<${tag}> element`);
    if (tag === 'meta' && 'http-equiv' in el.attribs) problems.push('<meta http-equiv> element');
    if (tag === 'script') problems.push(...scriptProblems(el));
    if (allowed && !allowed.has(tag)) problems.push(`<${tag}> never appears on the benign page`);
    for (const [name, value] of Object.entries(el.attribs)) {
      if (/^on/i.test(name)) problems.push(`<${tag} ${name}="${value.slice(0, 60)}"> event handler`);
      if (urlAttributes.has(name.toLowerCase()) && !isEmptyFavicon(el, value))
        problems.push(...urlProblems(tag, name, value));
      if (allowed && !allowed.has(`${tag}@${name}`))
        problems.push(`<${tag} ${name}> never appears on the benign page`);
    }
  }
  return problems;
}

export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlNode[];
}

interface SaxParser {
  onerror: (error: Error) => void;
  onopentag: (tag: { name: string; attributes: Record<string, string> }) => void;
  onclosetag: () => void;
  ontext: (text: string) => void;
  oncdata: (text: string) => void;
  write(chunk: string): SaxParser;
  close(): SaxParser;
}
// sax (a strict, well-formedness-checking XML parser) is already installed as a dependency of the feed
// library's xml-js; it ships no types, so it is loaded through require with the few members used here.
const sax = createRequire(import.meta.url)('sax') as {
  parser(strict: true, options: { xmlns?: boolean; trim?: boolean; normalize?: boolean }): SaxParser;
};

// XML 1.0 `Char`: anything else (most C0 controls, U+FFFE/U+FFFF, lone surrogates) is a fatal error.
const notXmlChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

// sax lets through two things XML forbids: a raw `<` in an attribute value (`AttValue ::= '"' ([^<&"] |
// Reference)* '"'`) and `]]>` in character data (outside a CDATA section).
const unparsed = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>/g;
const tagPattern = /<[^>"']*(?:("[^"]*"|'[^']*')[^>"']*)*>/g;

function saxBlindSpots(xml: string): string | undefined {
  const markup = xml.replace(unparsed, '');
  for (const [tag] of markup.matchAll(tagPattern))
    if (/=\s*("[^"]*<[^"]*"|'[^']*<[^']*')/.test(tag))
      return `raw < in an attribute value: ${tag.slice(0, 80)}`;
  const text = markup.replace(tagPattern, '');
  const end = text.indexOf(']]>');
  if (end >= 0)
    return `]]> in character data: …${text.slice(Math.max(0, end - 40), end + 3).replace(/\s+/g, ' ')}`;
  return undefined;
}

/** Parses a whole XML document strictly; returns its root element or the first well-formedness error. */
export function parseXml(xml: string): { root: XmlNode } | { error: string } {
  const bad = notXmlChar.exec(xml);
  if (bad) return { error: `character U+${bad[0].codePointAt(0)!.toString(16)} is not allowed in XML` };
  const blindSpot = saxBlindSpots(xml);
  if (blindSpot) return { error: blindSpot };
  const top: XmlNode = { name: '#document', attributes: {}, text: '', children: [] };
  const stack = [top];
  let error: string | undefined;
  const parser = sax.parser(true, { trim: false, normalize: false });
  parser.onerror = (e) => {
    error ??= e.message.replace(/\s+/g, ' ');
    throw e;
  };
  parser.onopentag = ({ name, attributes }) => {
    const node: XmlNode = { name, attributes, text: '', children: [] };
    stack.at(-1)!.children.push(node);
    stack.push(node);
  };
  parser.onclosetag = () => void stack.pop();
  parser.ontext = parser.oncdata = (text) => {
    stack.at(-1)!.text += text;
  };
  try {
    parser.write(xml).close();
  } catch (e) {
    error ??= (e as Error).message;
  }
  if (error) return { error };
  if (top.children.length !== 1) return { error: `${top.children.length} root elements` };
  return { root: top.children[0]! };
}

/** Descendant elements by (qualified) name, in document order. */
export function xmlAll(node: XmlNode, name: string): XmlNode[] {
  return node.children.flatMap((child) => [...(child.name === name ? [child] : []), ...xmlAll(child, name)]);
}

export const xmlChild = (node: XmlNode | undefined, name: string): XmlNode | undefined =>
  node?.children.find((child) => child.name === name);

/** Attribute names that look like event handlers anywhere in an XML document. */
export function xmlHandlerAttributes(node: XmlNode): string[] {
  return [
    ...Object.keys(node.attributes)
      .filter((name) => /^on/i.test(name))
      .map((name) => `<${node.name} ${name}>`),
    ...node.children.flatMap(xmlHandlerAttributes),
  ];
}

/** Records a failure at a place (a page, feed or field). */
export type Fail = (where: string, message: string) => void;

/** Parses a feed or sitemap strictly; a document that is not well-formed or has handler attributes fails. */
export function checkXmlDocument(path: string, xml: string, fail: Fail): XmlNode | undefined {
  const parsed = parseXml(xml);
  if ('error' in parsed) return void fail(path, `not well-formed XML: ${parsed.error}`);
  for (const attribute of xmlHandlerAttributes(parsed.root)) fail(path, `${attribute} attribute`);
  return parsed.root;
}

/** HTML carried in a feed (content, JSON Feed content_html): nothing in it may run script. */
export function checkFeedHtml(where: string, markup: string | undefined, fail: Fail) {
  if (markup === undefined) return fail(where, 'no content');
  for (const problem of htmlProblems(parseHtml(markup))) fail(where, problem);
}

/** What a feed reader shows for an element: HTML (Atom `type="html"`, RSS description) is parsed first. */
export function readerText(where: string, node: XmlNode | undefined, isHtml: boolean, fail: Fail) {
  if (!node) return undefined;
  if (!isHtml) return node.text;
  const page = parseHtml(node.text);
  for (const problem of htmlProblems(page)) fail(where, problem);
  return textOf(page.doc);
}
/** An Atom text construct as a reader shows it. */
export const atomText = (where: string, node: XmlNode | undefined, fail: Fail) =>
  readerText(where, node, node?.attributes.type === 'html', fail);

/** Failures grouped by where they happened (page and field), so one bug reads as one line, not hundreds. */
export class FailureLog {
  private readonly byPlace = new Map<string, string[]>();

  add(place: string, detail: string): void {
    const list = this.byPlace.get(place) ?? [];
    list.push(detail);
    this.byPlace.set(place, list);
  }

  get count(): number {
    return [...this.byPlace.values()].reduce((sum, list) => sum + list.length, 0);
  }

  summary(examplesPerPlace = 3): string {
    const places = [...this.byPlace].map(
      ([place, details]) =>
        `${place}: ${details.length} failure(s), e.g.\n${details
          .slice(0, examplesPerPlace)
          .map((d) => `    ${d}`)
          .join('\n')}`,
    );
    return `${this.count} failures in ${places.length} places:\n${places.join('\n')}`;
  }
}

/** The `payload` strings of DOMPurify's sanitizer test cases (hostile and tricky HTML). */
export async function loadSanitizerPayloads(): Promise<string[]> {
  const module = (await import(new URL('sanitizer/dompurify-expect.mjs', fixtures).href)) as {
    default: { payload: string }[];
  };
  return [...new Set(module.default.map((c) => c.payload))];
}
