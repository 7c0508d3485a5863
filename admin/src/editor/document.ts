// The editor's JSON made exactly what the server accepts (src/domain/posts/editor-document.ts):
// known node and mark types only, and only the attributes the server reads.
import type { EditorJson } from '../api.js';

type Json = Record<string, unknown>;

const inlineTypes = new Set(['text', 'hardBreak']);

function cleanMarks(marks: unknown): Json[] | undefined {
  if (!Array.isArray(marks)) return undefined;
  const kept: Json[] = [];
  for (const mark of marks as Json[]) {
    if (mark.type === 'bold' || mark.type === 'italic' || mark.type === 'code')
      kept.push({ type: mark.type });
    else if (mark.type === 'link') {
      const href = String((mark.attrs as Json | undefined)?.href ?? '');
      if (href) kept.push({ type: 'link', attrs: { href } });
    }
  }
  return kept.length ? kept : undefined;
}

function cleanInlines(content: unknown): Json[] | undefined {
  if (!Array.isArray(content)) return undefined;
  const kept: Json[] = [];
  for (const node of content as Json[]) {
    if (!inlineTypes.has(String(node.type))) continue;
    if (node.type === 'hardBreak') kept.push({ type: 'hardBreak' });
    else if (typeof node.text === 'string' && node.text) {
      const marks = cleanMarks(node.marks);
      kept.push(marks ? { type: 'text', text: node.text, marks } : { type: 'text', text: node.text });
    }
  }
  return kept.length ? kept : undefined;
}

const withContent = (node: Json, content: Json[] | undefined): Json =>
  content ? { ...node, content } : node;

const figureAttrsOf = (attrs: Json): Json => ({
  src: String(attrs.src ?? ''),
  alt: String(attrs.alt ?? ''),
  caption: String(attrs.caption ?? ''),
  credit: String(attrs.credit ?? ''),
});

const childrenOf = (node: Json, type: (t: unknown) => boolean): Json[] =>
  ((node.content ?? []) as Json[]).filter((child) => type(child.type));

/** Rows of cells of paragraphs; cell spans and widths stay in the editor. */
function cleanTable(node: Json): Json | null {
  const rows = childrenOf(node, (t) => t === 'tableRow')
    .map((row) => ({
      type: 'tableRow',
      content: childrenOf(row, (t) => t === 'tableCell' || t === 'tableHeader').map((cell) => ({
        type: cell.type,
        content: childrenOf(cell, (t) => t === 'paragraph').map((p) =>
          withContent({ type: 'paragraph' }, cleanInlines(p.content)),
        ),
      })),
    }))
    .filter((row) => row.content.length);
  return rows.length ? { type: 'table', content: rows } : null;
}

function cleanBlocks(content: unknown): Json[] {
  if (!Array.isArray(content)) return [];
  const kept: Json[] = [];
  for (const node of content as Json[]) {
    const attrs = (node.attrs ?? {}) as Json;
    switch (node.type) {
      case 'paragraph':
      case 'codeBlock':
        kept.push(withContent({ type: node.type }, cleanInlines(node.content)));
        break;
      case 'heading': {
        const level = Math.min(4, Math.max(2, Number(attrs.level) || 2));
        kept.push(withContent({ type: 'heading', attrs: { level } }, cleanInlines(node.content)));
        break;
      }
      case 'blockquote':
        kept.push({ type: 'blockquote', content: cleanBlocks(node.content) });
        break;
      case 'bulletList':
      case 'orderedList':
        kept.push({
          type: node.type,
          content: ((node.content ?? []) as Json[])
            .filter((item) => item.type === 'listItem')
            .map((item) => ({ type: 'listItem', content: cleanBlocks(item.content) })),
        });
        break;
      case 'horizontalRule':
        kept.push({ type: 'horizontalRule' });
        break;
      case 'figure':
        kept.push({ type: 'figure', attrs: figureAttrsOf(attrs) });
        break;
      case 'pullQuote':
        kept.push(withContent({ type: 'pullQuote' }, cleanInlines(node.content)));
        break;
      case 'gallery': {
        const images = Array.isArray(attrs.images) ? (attrs.images as Json[]) : [];
        if (images.length) kept.push({ type: 'gallery', attrs: { images: images.map(figureAttrsOf) } });
        break;
      }
      case 'embed': {
        const url = typeof attrs.url === 'string' ? attrs.url : '';
        const caption = typeof attrs.caption === 'string' ? attrs.caption : '';
        if (/^https?:\/\/\S+$/i.test(url)) kept.push({ type: 'embed', attrs: { url, caption } });
        break;
      }
      case 'table': {
        const table = cleanTable(node);
        if (table) kept.push(table);
        break;
      }
      default:
      // Anything else (there should be nothing else) is left out rather than refused by the server.
    }
  }
  return kept;
}

export function toServerDocument(json: unknown): EditorJson {
  const content = cleanBlocks((json as Json | null)?.content);
  // An editor holding one empty paragraph is an empty document.
  const isEmpty = content.length === 1 && content[0]!.type === 'paragraph' && !content[0]!.content;
  return { type: 'doc', content: isEmpty ? [] : content };
}
