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
  | { type: 'figure'; attrs: FigureAttrs }
  | { type: 'pullQuote'; content?: InlineNode[] }
  | { type: 'gallery'; attrs: { images: FigureAttrs[] } }
  | { type: 'table'; content: TableRowNode[] }
  | { type: 'embed'; attrs: EmbedAttrs };
/** Something of another service (a video, a post, a chart, a map), kept as its address (see embeds.ts). */
export interface EmbedAttrs {
  url: string;
  caption: string;
}
export interface ParagraphNode {
  type: 'paragraph';
  content?: InlineNode[];
}
/** A table cell holds paragraphs only; the first row's header cells head columns, others head rows. */
export interface TableCellNode {
  type: 'tableCell' | 'tableHeader';
  content: ParagraphNode[];
}
export interface TableRowNode {
  type: 'tableRow';
  content: TableCellNode[];
}
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

const paragraphSchema = z.strictObject({ type: z.literal('paragraph'), content: inlines });
const tableSchema = z.strictObject({
  type: z.literal('table'),
  content: z
    .array(
      z.strictObject({
        type: z.literal('tableRow'),
        content: z
          .array(
            z.strictObject({
              type: z.enum(['tableCell', 'tableHeader']),
              content: z.array(paragraphSchema).max(20),
            }),
          )
          .min(1)
          .max(30),
      }),
    )
    .min(1)
    .max(500),
});

export const blockSchema: z.ZodType<BlockNode> = z.lazy(() =>
  z.discriminatedUnion('type', [
    paragraphSchema,
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
    z.strictObject({ type: z.literal('pullQuote'), content: inlines }),
    z.strictObject({
      type: z.literal('gallery'),
      attrs: z.strictObject({ images: z.array(figureAttrs).max(50) }),
    }),
    tableSchema,
    z.strictObject({
      type: z.literal('embed'),
      attrs: z.strictObject({
        url: z
          .string()
          .max(2048)
          .refine((v) => /^https?:\/\/[^\s]+$/i.test(v), 'must be an http(s) URL'),
        caption: z.string().max(2000).default(''),
      }),
    }),
  ]),
);

/** How deep nodes may nest (a quote in a list in a quote…) and how many a document may hold. */
export const maxDocumentDepth = 32;
export const maxDocumentNodes = 100_000;

/**
 * The document's shape problem, if it nests deeper or holds more nodes than the limits, found by a
 * walk with its own stack: nothing recursive (the schema, the renderer) ever sees such a document.
 */
export function documentSizeProblem(value: unknown): string | undefined {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value: item, depth } = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    const isNode = !Array.isArray(item);
    const level = isNode ? depth + 1 : depth;
    if (isNode && ++nodes > maxDocumentNodes) return `must hold at most ${maxDocumentNodes} nodes`;
    if (level > maxDocumentDepth) return `must not nest more than ${maxDocumentDepth} levels deep`;
    for (const child of Object.values(item))
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: level });
  }
  return undefined;
}

const documentShape = z.strictObject({
  type: z.literal('doc'),
  content: z.array(blockSchema).max(20_000),
});

export const editorDocumentSchema: z.ZodType<EditorDocument, unknown> = z
  .unknown()
  .superRefine((value, ctx) => {
    const problem = documentSizeProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .pipe(documentShape);

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

/** Every media id a document's figures and galleries point at (`media:<id>` sources). */
export function figureMediaIds(doc: EditorDocument): string[] {
  const ids: string[] = [];
  const add = (src: string) => {
    if (src.startsWith('media:')) ids.push(src.slice(6));
  };
  const visit = (blocks: BlockNode[]) => {
    for (const block of blocks) {
      if (block.type === 'figure') add(block.attrs.src);
      if (block.type === 'gallery') block.attrs.images.forEach((image) => add(image.src));
      if (block.type === 'blockquote') visit(block.content);
      if (block.type === 'bulletList' || block.type === 'orderedList')
        block.content.forEach((li) => visit(li.content));
    }
  };
  visit(doc.content);
  return ids;
}
