// Tiny helpers for writing demo article bodies concisely.
import type { DemoBlock, DemoDoc, DemoInline } from './demo-site.types.js';

/** A paragraph part: plain string (becomes an unmarked text node) or an inline node. */
export type Part = string | DemoInline;

/** A list item: a string (one paragraph), a single block, or several blocks. */
export type ListItemInput = string | DemoBlock | DemoBlock[];

type ListItem = { type: 'listItem'; content: DemoBlock[] };

function inline(part: Part): DemoInline {
  return typeof part === 'string' ? { type: 'text', text: part } : part;
}

function listItem(item: ListItemInput): ListItem {
  if (typeof item === 'string') return { type: 'listItem', content: [p(item)] };
  return { type: 'listItem', content: Array.isArray(item) ? item : [item] };
}

export function doc(...blocks: DemoBlock[]): DemoDoc {
  return { type: 'doc', content: blocks };
}

export function p(...parts: Part[]): DemoBlock {
  const content = parts.filter((part) => part !== '').map(inline);
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
}

export function h2(text: string): DemoBlock {
  return { type: 'heading', attrs: { level: 2 }, content: [inline(text)] };
}

export function h3(text: string): DemoBlock {
  return { type: 'heading', attrs: { level: 3 }, content: [inline(text)] };
}

/** Blockquote; string arguments become paragraphs. */
export function quote(...blocks: (DemoBlock | string)[]): DemoBlock {
  return {
    type: 'blockquote',
    content: blocks.map((block) => (typeof block === 'string' ? p(block) : block)),
  };
}

export function ul(...items: ListItemInput[]): DemoBlock {
  return { type: 'bulletList', content: items.map(listItem) };
}

export function ol(...items: ListItemInput[]): DemoBlock {
  return { type: 'orderedList', content: items.map(listItem) };
}

export function hr(): DemoBlock {
  return { type: 'horizontalRule' };
}

/** Inline figure referencing a generated demo image by key. */
export function figure(imageKey: string, alt: string, caption: string, credit: string): DemoBlock {
  return { type: 'figure', attrs: { src: `demo:${imageKey}`, alt, caption, credit } };
}

export function b(text: string): DemoInline {
  return { type: 'text', text, marks: [{ type: 'bold' }] };
}

export function i(text: string): DemoInline {
  return { type: 'text', text, marks: [{ type: 'italic' }] };
}

export function a(text: string, href: string): DemoInline {
  return { type: 'text', text, marks: [{ type: 'link', attrs: { href } }] };
}

export function br(): DemoInline {
  return { type: 'hardBreak' };
}
