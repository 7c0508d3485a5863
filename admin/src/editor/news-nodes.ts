// The news blocks beyond TipTap's starter kit, each exactly as the server's document schema has it
// (src/domain/posts/editor-document.ts): a pull quote, a gallery of library images, a table whose
// cells hold paragraphs and an embed (another service's video, post, chart or map, by its address).
import { mergeAttributes, Node } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import {
  addColumnAfter,
  addRowAfter,
  deleteColumn,
  deleteRow,
  deleteTable,
  goToNextCell,
  tableEditing,
} from '@tiptap/pm/tables';
import type { FigureAttrs } from './figure.js';
import { mediaUrl } from './figure.js';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    pullQuote: { setPullQuote: () => ReturnType };
    gallery: { insertGallery: (images: FigureAttrs[]) => ReturnType };
    table: { insertTable: (rows: number, columns: number) => ReturnType };
  }
}

export const PullQuote = Node.create({
  name: 'pullQuote',
  group: 'block',
  content: 'inline*',
  defining: true,
  parseHTML: () => [{ tag: 'blockquote.pull-quote', priority: 60 }],
  renderHTML: ({ HTMLAttributes }) => [
    'blockquote',
    mergeAttributes(HTMLAttributes, { class: 'pull-quote' }),
    0,
  ],
  addCommands() {
    return {
      setPullQuote:
        () =>
        ({ commands }) =>
          commands.setNode(this.name),
    };
  },
});

const imagesOf = (value: unknown): FigureAttrs[] => (Array.isArray(value) ? (value as FigureAttrs[]) : []);

export const Gallery = Node.create({
  name: 'gallery',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes: () => ({
    images: {
      default: [],
      parseHTML: (element: HTMLElement) => {
        try {
          return imagesOf(JSON.parse(element.getAttribute('data-images') ?? '[]'));
        } catch {
          return [];
        }
      },
      renderHTML: (attributes: Record<string, unknown>) => ({
        'data-images': JSON.stringify(imagesOf(attributes.images)),
      }),
    },
  }),
  parseHTML: () => [{ tag: 'figure[data-images]' }],
  renderHTML: ({ HTMLAttributes }) => [
    'figure',
    mergeAttributes(HTMLAttributes, { class: 'editor-gallery' }),
  ],
  addCommands() {
    return {
      insertGallery:
        (images) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { images } }),
    };
  },
  addNodeView() {
    return ({ node }) => {
      const dom = document.createElement('figure');
      dom.className = 'editor-gallery';
      const show = (images: FigureAttrs[]) => {
        dom.replaceChildren(
          ...images.map((image) => {
            const item = document.createElement('figure');
            const img = document.createElement('img');
            img.alt = image.alt;
            void mediaUrl(image.src).then((url) => {
              if (url) img.src = url;
            });
            const caption = document.createElement('figcaption');
            caption.textContent = [image.caption, image.credit && `(${image.credit})`]
              .filter(Boolean)
              .join(' ');
            item.append(img, caption);
            return item;
          }),
        );
      };
      show(imagesOf(node.attrs.images));
      return {
        dom,
        update: (updated) => {
          if (updated.type !== node.type) return false;
          show(imagesOf(updated.attrs.images));
          return true;
        },
      };
    };
  },
});

const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * An embed, shown in the editor as readers see it: a preview naming the address (nothing of the
 * service is loaded here either). It moves and is deleted as one block.
 */
export const Embed = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes: () => ({
    url: {
      default: '',
      parseHTML: (element: HTMLElement) => element.getAttribute('data-embed-url') ?? '',
      renderHTML: (attributes: Record<string, unknown>) => ({ 'data-embed-url': textOf(attributes.url) }),
    },
    caption: {
      default: '',
      parseHTML: (element: HTMLElement) => element.getAttribute('data-caption') ?? '',
      renderHTML: (attributes: Record<string, unknown>) => ({ 'data-caption': textOf(attributes.caption) }),
    },
  }),
  parseHTML: () => [{ tag: 'figure[data-embed-url]' }],
  renderHTML: ({ HTMLAttributes }) => ['figure', mergeAttributes(HTMLAttributes, { class: 'editor-embed' })],
  addNodeView() {
    return ({ node }) => {
      const dom = document.createElement('figure');
      dom.className = 'editor-embed';
      const show = (attrs: Record<string, unknown>) => {
        const address = document.createElement('span');
        address.className = 'editor-embed-address';
        address.textContent = textOf(attrs.url);
        const caption = document.createElement('figcaption');
        caption.textContent = textOf(attrs.caption);
        dom.replaceChildren(address, ...(textOf(attrs.caption) ? [caption] : []));
      };
      show(node.attrs);
      return {
        dom,
        update: (updated) => {
          if (updated.type !== node.type) return false;
          show(updated.attrs);
          return true;
        },
      };
    };
  },
});

// prosemirror-tables finds the parts of a table by these roles in the node specs.
const tableRoles: Record<string, string> = {
  table: 'table',
  tableRow: 'row',
  tableCell: 'cell',
  tableHeader: 'header_cell',
};

// prosemirror-tables reads these three attributes on every cell.
const cellAttributes = () => ({
  colspan: { default: 1, parseHTML: () => 1, renderHTML: () => ({}) },
  rowspan: { default: 1, parseHTML: () => 1, renderHTML: () => ({}) },
  colwidth: { default: null, parseHTML: () => null, renderHTML: () => ({}) },
});

export const TableCell = Node.create({
  name: 'tableCell',
  content: 'paragraph+',
  isolating: true,
  addAttributes: cellAttributes,
  parseHTML: () => [{ tag: 'td' }],
  renderHTML: ({ HTMLAttributes }) => ['td', HTMLAttributes, 0],
});

export const TableHeader = Node.create({
  name: 'tableHeader',
  content: 'paragraph+',
  isolating: true,
  addAttributes: cellAttributes,
  parseHTML: () => [{ tag: 'th' }],
  renderHTML: ({ HTMLAttributes }) => ['th', HTMLAttributes, 0],
});

export const TableRow = Node.create({
  name: 'tableRow',
  content: '(tableCell | tableHeader)+',
  parseHTML: () => [{ tag: 'tr' }],
  renderHTML: ({ HTMLAttributes }) => ['tr', HTMLAttributes, 0],
});

export const Table = Node.create({
  name: 'table',
  group: 'block',
  content: 'tableRow+',
  isolating: true,
  parseHTML: () => [{ tag: 'table' }],
  renderHTML: ({ HTMLAttributes }) => [
    'table',
    mergeAttributes(HTMLAttributes, { class: 'editor-table' }),
    ['tbody', 0],
  ],
  addCommands() {
    return {
      insertTable:
        (rows, columns) =>
        ({ chain }) => {
          const cell = (type: string) => ({ type, content: [{ type: 'paragraph' }] });
          const row = (type: string) => ({
            type: 'tableRow',
            content: Array.from({ length: columns }, () => cell(type)),
          });
          return chain()
            .insertContent({
              type: this.name,
              content: [row('tableHeader'), ...Array.from({ length: rows - 1 }, () => row('tableCell'))],
            })
            .command(({ tr }) => {
              // The cursor goes into the first cell of the table just inserted (the last one before it).
              let start = -1;
              tr.doc.nodesBetween(0, tr.selection.from, (node, pos) => {
                if (node.type.name === this.name) start = pos;
              });
              if (start >= 0) tr.setSelection(TextSelection.create(tr.doc, start + 4));
              return true;
            })
            .run();
        },
    };
  },
  addKeyboardShortcuts() {
    return {
      Tab: () => goToNextCell(1)(this.editor.state, this.editor.view.dispatch),
      'Shift-Tab': () => goToNextCell(-1)(this.editor.state, this.editor.view.dispatch),
    };
  },
  addProseMirrorPlugins: () => [tableEditing()],
  extendNodeSchema: (extension) =>
    tableRoles[extension.name] ? { tableRole: tableRoles[extension.name] } : {},
});

/** The table commands the toolbar offers while the cursor is in a table. */
export const tableCommands = { addRowAfter, addColumnAfter, deleteRow, deleteColumn, deleteTable };

export const newsNodes = [PullQuote, Gallery, Embed, Table, TableRow, TableHeader, TableCell];
