import { z } from 'zod';

/**
 * The editor's document (TipTap/ProseMirror JSON). Only these nodes and marks exist; anything else is
 * refused at the door, so the HTML made from a document can only contain what the renderer writes.
 */
export type Mark =
  { type: 'bold' } | { type: 'italic' } | { type: 'code' } | { type: 'link'; attrs: { href: string } };
export type InlineNode = { type: 'text'; text: string; marks?: Mark[] } | { type: 'hardBreak' };
export interface FigureAttrs {
  src: string;
  alt: string;
  caption: string;
  credit: string;
}
export type BlockNode =
  | { type: 'paragraph'; content?: InlineNode[] }
  | { type: 'heading'; attrs: { level: 2 | 3 | 4 }; content?: InlineNode[] }
  | { type: 'blockquote'; content: BlockNode[] }
  | { type: 'bulletList' | 'orderedList'; content: ListItemNode[] }
  | { type: 'horizontalRule' }
  | { type: 'codeBlock'; content?: InlineNode[] }
  | { type: 'figure'; attrs: FigureAttrs };
export interface ListItemNode {
  type: 'listItem';
  content: BlockNode[];
}
export interface EditorDocument {
  type: 'doc';
  content: BlockNode[];
}

const maxText = 200_000;
// Strict objects in discriminated unions: an attribute the renderer does not know (`attrs.onclick`) is
// refused with its path, never dropped in silence.
const markSchema: z.ZodType<Mark> = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('bold') }),
  z.strictObject({ type: z.literal('italic') }),
  z.strictObject({ type: z.literal('code') }),
  z.strictObject({ type: z.literal('link'), attrs: z.strictObject({ href: z.string().max(2048) }) }),
]);
const inlineSchema: z.ZodType<InlineNode> = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('text'),
    text: z.string().max(maxText),
    marks: z.array(markSchema).max(8).optional(),
  }),
  z.strictObject({ type: z.literal('hardBreak') }),
]);
const inlines = z.array(inlineSchema).max(10_000).optional();
const figureAttrs = z.strictObject({
  src: z.string().max(2048),
  alt: z.string().max(1000).default(''),
  caption: z.string().max(2000).default(''),
  credit: z.string().max(500).default(''),
});

export const blockSchema: z.ZodType<BlockNode> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('paragraph'), content: inlines }),
    z.strictObject({
      type: z.literal('heading'),
      attrs: z.strictObject({ level: z.union([z.literal(2), z.literal(3), z.literal(4)]) }),
      content: inlines,
    }),
    z.strictObject({ type: z.literal('blockquote'), content: z.array(blockSchema).max(1000) }),
    z.strictObject({
      type: z.enum(['bulletList', 'orderedList']),
      content: z
        .array(z.strictObject({ type: z.literal('listItem'), content: z.array(blockSchema).max(100) }))
        .max(1000),
    }),
    z.strictObject({ type: z.literal('horizontalRule') }),
    z.strictObject({ type: z.literal('codeBlock'), content: inlines }),
    z.strictObject({ type: z.literal('figure'), attrs: figureAttrs }),
  ]),
);

export const editorDocumentSchema: z.ZodType<EditorDocument> = z.strictObject({
  type: z.literal('doc'),
  content: z.array(blockSchema).max(20_000),
});

export const emptyDocument = (): EditorDocument => ({ type: 'doc', content: [] });

/** Plain paragraphs from plain text (blank lines separate paragraphs). */
export function documentFromText(text: string): EditorDocument {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return {
    type: 'doc',
    content: paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })),
  };
}

/** Every media id a document's figures point at (`media:<id>` sources). */
export function figureMediaIds(doc: EditorDocument): string[] {
  const ids: string[] = [];
  const visit = (blocks: BlockNode[]) => {
    for (const block of blocks) {
      if (block.type === 'figure' && block.attrs.src.startsWith('media:')) ids.push(block.attrs.src.slice(6));
      if (block.type === 'blockquote') visit(block.content);
      if (block.type === 'bulletList' || block.type === 'orderedList')
        block.content.forEach((li) => visit(li.content));
    }
  };
  visit(doc.content);
  return ids;
}
