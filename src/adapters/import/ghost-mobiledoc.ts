import type { GhostContentReport } from '../../domain/import/ghost-export.js';
import { escapeHtml } from '../../rendering/html.js';
import { cardHtml } from './ghost-cards.js';

/*
 * A Ghost mobiledoc document (0.3.x, Ghost 1–4) as HTML. Sections refer to cards, atoms and markups
 * by index; markers open markups and close the last N opened. Only the markups and section tags a
 * post can hold are written; an index that points nowhere is ignored.
 */

type Markup = [tag: string, attributes?: unknown[]];

const markupTags = new Set(['a', 'b', 'strong', 'em', 'i', 'code', 's', 'sub', 'sup', 'u']);
const sectionTags = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote']);

interface Mobiledoc {
  markups: unknown[];
  atoms: unknown[];
  cards: unknown[];
  sections: unknown[];
}

export function mobiledocToHtml(document: unknown, report: GhostContentReport): string {
  if (typeof document !== 'object' || document === null) return '';
  const doc = document as Record<string, unknown>;
  const list = (name: string) => (Array.isArray(doc[name]) ? (doc[name] as unknown[]) : []);
  const mobiledoc: Mobiledoc = {
    markups: list('markups'),
    atoms: list('atoms'),
    cards: list('cards'),
    sections: list('sections'),
  };
  return mobiledoc.sections.map((section) => sectionHtml(mobiledoc, section, report)).join('');
}

function sectionHtml(doc: Mobiledoc, section: unknown, report: GhostContentReport): string {
  if (!Array.isArray(section)) return '';
  const [kind, a, b] = section as [unknown, unknown, unknown];
  if (kind === 1) {
    const tag = String(a).toLowerCase();
    if (tag === 'aside' || tag === 'pull-quote')
      return `<blockquote class="pull-quote"><p>${markersHtml(doc, b)}</p></blockquote>`;
    const name = sectionTags.has(tag) ? tag : 'p';
    return name === 'blockquote'
      ? `<blockquote><p>${markersHtml(doc, b)}</p></blockquote>`
      : `<${name}>${markersHtml(doc, b)}</${name}>`;
  }
  if (kind === 2) return `<figure><img src="${escapeHtml(String(a ?? ''))}" alt=""></figure>`;
  if (kind === 3) {
    const tag = String(a).toLowerCase() === 'ol' ? 'ol' : 'ul';
    const items = Array.isArray(b) ? b : [];
    return `<${tag}>${items.map((item) => `<li>${markersHtml(doc, item)}</li>`).join('')}</${tag}>`;
  }
  if (kind === 10) {
    const card = typeof a === 'number' ? doc.cards[a] : undefined;
    if (!Array.isArray(card)) return '';
    const [name, payload] = card as [unknown, unknown];
    return cardHtml(String(name), isRecord(payload) ? payload : {}, report);
  }
  return '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function markersHtml(doc: Mobiledoc, markers: unknown): string {
  if (!Array.isArray(markers)) return '';
  const open: string[] = [];
  let html = '';
  for (const marker of markers) {
    if (!Array.isArray(marker)) continue;
    const [type, opens, closeCount, value] = marker as [unknown, unknown, unknown, unknown];
    for (const index of Array.isArray(opens) ? opens : []) {
      const markup = typeof index === 'number' ? markupOf(doc.markups[index]) : undefined;
      open.push(markup?.tag ?? '');
      if (markup) html += markup.open;
    }
    html += type === 1 ? atomHtml(doc, value) : escapeHtml(typeof value === 'string' ? value : '');
    const closing = typeof closeCount === 'number' ? Math.min(closeCount, open.length) : 0;
    for (let i = 0; i < closing; i++) {
      const tag = open.pop();
      if (tag) html += `</${tag}>`;
    }
  }
  while (open.length > 0) {
    const tag = open.pop();
    if (tag) html += `</${tag}>`;
  }
  return html;
}

function markupOf(value: unknown): { tag: string; open: string } | undefined {
  if (!Array.isArray(value)) return undefined;
  const [tag, attributes] = value as Markup;
  const name = String(tag).toLowerCase();
  if (!markupTags.has(name)) return undefined;
  const pairs = Array.isArray(attributes) ? attributes : [];
  const href = pairs.findIndex((v, i) => i % 2 === 0 && v === 'href');
  const hrefValue = href >= 0 ? String(pairs[href + 1] ?? '') : '';
  return { tag: name, open: name === 'a' ? `<a href="${escapeHtml(hrefValue)}">` : `<${name}>` };
}

function atomHtml(doc: Mobiledoc, index: unknown): string {
  const atom = typeof index === 'number' ? doc.atoms[index] : undefined;
  if (!Array.isArray(atom)) return '';
  const [name, text] = atom as [unknown, unknown];
  return name === 'soft-return' ? '<br>' : escapeHtml(typeof text === 'string' ? text : '');
}
