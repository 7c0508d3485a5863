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
        kept.push({
          type: 'figure',
          attrs: {
            src: String(attrs.src ?? ''),
            alt: String(attrs.alt ?? ''),
            caption: String(attrs.caption ?? ''),
            credit: String(attrs.credit ?? ''),
          },
        });
        break;
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
