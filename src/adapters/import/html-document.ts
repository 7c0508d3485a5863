import type { ChildNode, Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import type {
  BlockNode,
  FigureAttrs,
  InlineNode,
  ListItemNode,
  Mark,
  ParagraphNode,
  TableCellNode,
  TableRowNode,
} from '../../domain/posts/editor-document.js';
import { sanitizeBodyHtml } from '../../rendering/sanitize.js';
import { splitCredit } from './image-credit.js';

/**
 * Imported HTML (a WordPress post, a Ghost post's html) as the editor's own blocks. The HTML goes
 * through the one sanitizer policy first; what is left is mapped onto the nodes the editor knows,
 * and everything else is flattened to its text, so the result is editable in the admin like any
 * post written there.
 */
export async function blocksFromHtml(html: string): Promise<BlockNode[]> {
  // The stored-HTML policy has no <h1> (the page's title is the one): an imported one becomes an <h2>.
  const clean = await sanitizeBodyHtml(html.replace(/<(\/?)h1(?=[\s>/])/gi, '<$1h2'));
  const writer = new BlockWriter();
  writeNodes(parseDocument(clean).children, writer, []);
  return withHeadingsInOrder(writer.finish());
}

/**
 * Headings that never skip a level below the page's title (an <h1>): an old site's post often starts
 * at <h3> or jumps from <h2> to <h4>, which screen readers announce as missing sections. Each
 * heading is at most one level below the one before it (the title counting as level 1).
 */
function withHeadingsInOrder(blocks: BlockNode[]): BlockNode[] {
  let previous = 1;
  const inOrder = (list: BlockNode[]): BlockNode[] =>
    list.map((block): BlockNode => {
      if (block.type === 'blockquote') return { ...block, content: inOrder(block.content) };
      if (block.type === 'bulletList' || block.type === 'orderedList')
        return {
          ...block,
          content: block.content.map((item) => ({ ...item, content: inOrder(item.content) })),
        };
      if (block.type !== 'heading') return block;
      const level = Math.min(block.attrs.level, previous + 1) as 2 | 3 | 4;
      previous = level;
      return level === block.attrs.level ? block : { ...block, attrs: { level } };
    });
  return inOrder(blocks);
}

const inlineMarks: Record<string, Mark['type']> = {
  strong: 'bold',
  b: 'bold',
  em: 'italic',
  i: 'italic',
  code: 'code',
};
const inlineOnly = new Set([
  'span',
  'u',
  's',
  'sub',
  'sup',
  'abbr',
  'cite',
  'q',
  'time',
  'small',
  'mark',
  'del',
  'ins',
]);
const maxCellsPerRow = 30;
const maxStructureDepth = 24;
const maxRows = 500;

/** Collects blocks, with the inline content met between them gathered into paragraphs. */
class BlockWriter {
  private readonly blocks: BlockNode[] = [];
  private inline: InlineNode[] = [];

  text(text: string, marks: Mark[]): void {
    if (text === '') return;
    const last = this.inline.at(-1);
    if (last?.type === 'text' && sameMarks(last.marks ?? [], marks)) last.text += text;
    else
      this.inline.push(marks.length > 0 ? { type: 'text', text, marks: [...marks] } : { type: 'text', text });
  }

  hardBreak(): void {
    this.inline.push({ type: 'hardBreak' });
  }

  block(block: BlockNode): void {
    this.endParagraph();
    this.blocks.push(block);
  }

  endParagraph(): void {
    const content = trimmedInline(this.inline);
    this.inline = [];
    if (content.length > 0) this.blocks.push({ type: 'paragraph', content });
  }

  finish(): BlockNode[] {
    this.endParagraph();
    return this.blocks;
  }
}

function writeNodes(nodes: ChildNode[], writer: BlockWriter, marks: Mark[]): void {
  for (const node of nodes) {
    if (node.type === 'text') writer.text(node.data.replace(/\s+/g, ' '), marks);
    else if (node.type === 'tag') writeElement(node, writer, marks);
  }
}

function writeElement(element: Element, writer: BlockWriter, marks: Mark[]): void {
  const name = element.name;
  // Past this depth nothing is structure any more: the rest is its text (read without recursion).
  if (depthOf(element) > maxStructureDepth) return writer.text(textOf(element).replace(/\s+/g, ' '), marks);
  const mark = inlineMarks[name];
  if (mark) return writeNodes(element.children, writer, withMark(marks, { type: mark } as Mark));
  if (name === 'a') return writeNodes(element.children, writer, linkMarks(element, marks));
  if (inlineOnly.has(name)) return writeNodes(element.children, writer, marks);
  if (name === 'br') return writer.hardBreak();
  const block = blockOf(element);
  if (block === 'paragraphs') {
    writer.endParagraph();
    writeNodes(element.children, writer, marks);
    writer.endParagraph();
  } else if (block === 'flatten') writeNodes(element.children, writer, marks);
  else for (const one of block) writer.block(one);
}

/** The blocks an element becomes; 'paragraphs' for a p, 'flatten' for a wrapper (div, section…). */
function blockOf(element: Element): BlockNode[] | 'paragraphs' | 'flatten' {
  switch (element.name) {
    case 'p':
      return 'paragraphs';
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      return headingBlocks(element);
    case 'blockquote':
      return quoteBlocks(element);
    case 'ul':
    case 'ol':
      return [listBlock(element)];
    case 'hr':
      return [{ type: 'horizontalRule' }];
    case 'pre':
      return [codeBlock(element)];
    case 'figure':
      return figureBlocks(element);
    case 'img':
      return imageFigure(element, { caption: '', credit: '' });
    case 'table':
      return tableBlocks(element);
    default:
      return 'flatten';
  }
}

function childBlocks(element: Element): BlockNode[] {
  const writer = new BlockWriter();
  writeNodes(element.children, writer, []);
  return writer.finish();
}

/** The inline content of what a writer made, paragraphs joined by a space; other blocks apart. */
function inlineOf(blocks: BlockNode[]): { inline: InlineNode[]; rest: BlockNode[] } {
  const joined = new BlockWriter();
  const rest: BlockNode[] = [];
  for (const block of blocks) {
    if (block.type !== 'paragraph') rest.push(block);
    else {
      joined.text(' ', []);
      for (const node of block.content ?? []) {
        if (node.type === 'text') joined.text(node.text, node.marks ?? []);
        else joined.hardBreak();
      }
    }
  }
  const [paragraph] = joined.finish();
  return { inline: paragraph?.type === 'paragraph' ? (paragraph.content ?? []) : [], rest };
}

function headingBlocks(element: Element): BlockNode[] {
  const rank = Number(element.name.slice(1));
  const level = rank <= 2 ? 2 : rank === 3 ? 3 : 4;
  const { inline, rest } = inlineOf(childBlocks(element));
  return inline.length > 0 ? [{ type: 'heading', attrs: { level }, content: inline }, ...rest] : rest;
}

function quoteBlocks(element: Element): BlockNode[] {
  const blocks = childBlocks(element);
  if (blocks.length === 0) return [];
  if ((element.attribs.class ?? '').split(/\s+/).includes('pull-quote')) {
    const { inline, rest } = inlineOf(blocks);
    return [{ type: 'pullQuote', content: inline }, ...rest];
  }
  return [{ type: 'blockquote', content: blocks }];
}

function listBlock(element: Element): BlockNode {
  const items: ListItemNode[] = element.children
    .filter((child): child is Element => child.type === 'tag' && child.name === 'li')
    .map((li) => {
      const content = childBlocks(li);
      return { type: 'listItem', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
    });
  return { type: element.name === 'ol' ? 'orderedList' : 'bulletList', content: items };
}

function codeBlock(element: Element): BlockNode {
  const text = textOf(element).replace(/^\n/, '').replace(/\s+$/, '');
  return text === '' ? { type: 'codeBlock' } : { type: 'codeBlock', content: [{ type: 'text', text }] };
}

function figureBlocks(element: Element): BlockNode[] {
  if ((element.attribs.class ?? '').split(/\s+/).includes('embed')) return embedBlocks(element);
  const table = descendants(element).find((e) => e.name === 'table');
  if (table) return tableBlocks(table);
  const images = descendants(element).filter((e) => e.name === 'img');
  if (images.length === 0) return childBlocks(element);
  if (images.length === 1) return imageFigure(images[0]!, captionParts(element));
  const pictures = images.flatMap((img) => figureAttrsOf(img, captionOfImage(img, element)));
  return pictures.length > 0 ? [{ type: 'gallery', attrs: { images: pictures.slice(0, 50) } }] : [];
}

/** `<figure class="embed"><a href="…">…</a><figcaption>…</figcaption></figure>`: an embed by its address. */
function embedBlocks(figure: Element): BlockNode[] {
  const link = descendants(figure).find((e) => e.name === 'a');
  const url = (link?.attribs.href ?? '').trim();
  if (!/^https?:\/\/\S+$/i.test(url) || url.length > 2048) return childBlocks(figure);
  const figcaption = figure.children.find((c): c is Element => c.type === 'tag' && c.name === 'figcaption');
  const caption = figcaption ? plainText(figcaption).slice(0, 2000) : '';
  return [{ type: 'embed', attrs: { url, caption } }];
}

interface CaptionParts {
  caption: string;
  credit: string;
}

/**
 * The figure's own figcaption (not one of a figure nested inside it) as caption and credit: a
 * `<span class="credit">` (Broadsheet's own and Ghost's markup) is the credit, else a trailing
 * "Photo: …" is moved out of the caption.
 */
function captionParts(figure: Element): CaptionParts {
  const figcaption = figure.children.find((c): c is Element => c.type === 'tag' && c.name === 'figcaption');
  if (!figcaption) return { caption: '', credit: '' };
  const credit = descendants(figcaption).find(
    (e) => e.name === 'span' && /(^|\s)credit(\s|$)/.test(e.attribs.class ?? ''),
  );
  if (!credit) return splitCredit(plainText(figcaption));
  const creditText = plainText(credit);
  DomUtils.removeElement(credit);
  return { caption: plainText(figcaption), credit: creditText };
}

/** In a gallery, an image's caption is the figcaption of the innermost figure around it. */
function captionOfImage(img: Element, gallery: Element): CaptionParts {
  for (let node = img.parent; node && node !== gallery; node = node.parent)
    if (node.type === 'tag' && node.name === 'figure') return captionParts(node);
  return { caption: '', credit: '' };
}

function imageFigure(img: Element, parts: CaptionParts): BlockNode[] {
  return figureAttrsOf(img, parts).map((attrs) => ({ type: 'figure', attrs }));
}

function figureAttrsOf(img: Element, { caption, credit }: CaptionParts): FigureAttrs[] {
  const src = (img.attribs.src ?? '').trim();
  if (src === '' || src.length > 2048 || !isSafeUrl(src)) return [];
  return [
    {
      src,
      alt: (img.attribs.alt ?? '').trim().slice(0, 1000),
      caption: caption.slice(0, 2000),
      credit: credit.slice(0, 500),
    },
  ];
}

function tableBlocks(table: Element): BlockNode[] {
  const rows: TableRowNode[] = descendants(table)
    .filter((e) => e.name === 'tr')
    .slice(0, maxRows)
    .map((tr): TableRowNode => ({ type: 'tableRow', content: cellsOf(tr) }))
    .filter((row) => row.content.length > 0);
  return rows.length > 0 ? [{ type: 'table', content: rows }] : [];
}

function cellsOf(tr: Element): TableCellNode[] {
  return tr.children
    .filter((c): c is Element => c.type === 'tag' && (c.name === 'td' || c.name === 'th'))
    .slice(0, maxCellsPerRow)
    .map((cell) => {
      const { inline } = inlineOf(childBlocks(cell));
      const paragraph: ParagraphNode =
        inline.length > 0 ? { type: 'paragraph', content: inline } : { type: 'paragraph' };
      return { type: cell.name === 'th' ? 'tableHeader' : 'tableCell', content: [paragraph] };
    });
}

function plainText(element: Element): string {
  return textOf(element).replace(/\s+/g, ' ').trim();
}

/**
 * Only http(s), mailto and scheme-less URLs are kept. The sanitizer has already judged the URL as a
 * browser reads it; this also refuses what only looks like a scheme after trimming (a leading
 * no-break space), so no later reader of the document can take it for one.
 */
function isSafeUrl(url: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  return scheme === undefined ? !/^[^/?#]*:/.test(url) : ['http', 'https', 'mailto'].includes(scheme);
}

function linkMarks(anchor: Element, marks: Mark[]): Mark[] {
  const href = (anchor.attribs.href ?? '').trim();
  if (href === '' || href.length > 2048 || !isSafeUrl(href)) return marks;
  return withMark(
    marks.filter((m) => m.type !== 'link'),
    { type: 'link', attrs: { href } },
  );
}

function withMark(marks: Mark[], mark: Mark): Mark[] {
  return marks.some((m) => m.type === mark.type) ? marks : [...marks, mark];
}

function sameMarks(a: Mark[], b: Mark[]): boolean {
  return a.length === b.length && a.every((mark, i) => JSON.stringify(mark) === JSON.stringify(b[i]));
}

/** Without leading and trailing spaces and breaks; empty texts dropped. */
function trimmedInline(nodes: InlineNode[]): InlineNode[] {
  const out = nodes.map((n) => (n.type === 'text' ? { ...n } : n));
  while (out.length > 0 && out[0]!.type === 'hardBreak') out.shift();
  while (out.length > 0 && out.at(-1)!.type === 'hardBreak') out.pop();
  const first = out[0];
  if (first?.type === 'text') first.text = first.text.trimStart();
  const last = out.at(-1);
  if (last?.type === 'text') last.text = last.text.trimEnd();
  return out.filter((n) => n.type !== 'text' || n.text !== '');
}

/** Every element under `root`, in document order, found without recursion. */
function descendants(root: Element): Element[] {
  const found: Element[] = [];
  const stack: ChildNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 'tag') continue;
    found.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return found;
}

/** The text under `root`, read without recursion. */
function textOf(root: Element): string {
  let text = '';
  const stack: ChildNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') text += node.data;
    else if (node.type === 'tag')
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return text;
}

function depthOf(element: Element): number {
  let depth = 0;
  for (let node = element.parent; node; node = node.parent) depth++;
  return depth;
}
