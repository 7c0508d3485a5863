// The blocks a writer can start from the `/` menu or the `+` button, each within the server's schema.
import type { Editor } from '@tiptap/core';
import type { Key } from '../i18n.js';
import { t } from '../i18n.js';
import type { IconName } from './icons.js';

/** What a block needs from the body editor beyond TipTap: the image dialogs. */
export interface BlockHost {
  pickImage: () => void;
  pickGalleryImage: () => void;
}

export interface BlockChoice {
  id: string;
  label: Key;
  /** Extra words the menu's filter finds it by (in the interface language, plus English). */
  keywords: Key;
  icon: IconName;
  run: (editor: Editor, host: BlockHost) => void;
}

export const blockChoices: BlockChoice[] = [
  {
    id: 'paragraph',
    label: 'blockParagraph',
    keywords: 'blockParagraphWords',
    icon: 'paragraph',
    run: (e) => e.chain().focus().setParagraph().run(),
  },
  {
    id: 'heading2',
    label: 'heading2',
    keywords: 'blockHeadingWords',
    icon: 'heading2',
    run: (e) => e.chain().focus().setHeading({ level: 2 }).run(),
  },
  {
    id: 'heading3',
    label: 'heading3',
    keywords: 'blockHeadingWords',
    icon: 'heading3',
    run: (e) => e.chain().focus().setHeading({ level: 3 }).run(),
  },
  {
    id: 'quote',
    label: 'quote',
    keywords: 'blockQuoteWords',
    icon: 'quote',
    run: (e) => e.chain().focus().setParagraph().toggleBlockquote().run(),
  },
  {
    id: 'pullQuote',
    label: 'pullQuote',
    keywords: 'blockPullQuoteWords',
    icon: 'pullQuote',
    run: (e) => e.chain().focus().setPullQuote().run(),
  },
  {
    id: 'image',
    label: 'insertImage',
    keywords: 'blockImageWords',
    icon: 'image',
    run: (_e, host) => host.pickImage(),
  },
  {
    id: 'gallery',
    label: 'gallery',
    keywords: 'blockGalleryWords',
    icon: 'gallery',
    run: (_e, host) => host.pickGalleryImage(),
  },
  {
    id: 'divider',
    label: 'horizontalRule',
    keywords: 'blockDividerWords',
    icon: 'divider',
    run: (e) => e.chain().focus().setHorizontalRule().run(),
  },
  {
    id: 'bulletList',
    label: 'bulletList',
    keywords: 'blockListWords',
    icon: 'bulletList',
    run: (e) => e.chain().focus().toggleBulletList().run(),
  },
  {
    id: 'orderedList',
    label: 'orderedList',
    keywords: 'blockListWords',
    icon: 'orderedList',
    run: (e) => e.chain().focus().toggleOrderedList().run(),
  },
  {
    id: 'table',
    label: 'table',
    keywords: 'blockTableWords',
    icon: 'table',
    run: (e) => e.chain().focus().insertTable(3, 3).run(),
  },
];

/** The choices whose name or keywords contain every word of the filter. */
export function filterBlocks(filter: string): BlockChoice[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  return blockChoices.filter((choice) => {
    const haystack = `${t(choice.label)} ${t(choice.keywords)} ${choice.id}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/**
 * The `/filter` typed at the start of the paragraph holding the cursor, when that paragraph holds
 * nothing else; null otherwise. Its range is what choosing a block removes.
 */
export function slashCommandAt(editor: Editor): { filter: string; from: number; to: number } | null {
  const { selection } = editor.state;
  if (!selection.empty) return null;
  const { $from } = selection;
  const parent = $from.parent;
  if (parent.type.name !== 'paragraph' || $from.depth !== 1) return null;
  const text = parent.textContent;
  if (!/^\/[^/]{0,30}$/.test(text) || $from.parentOffset !== text.length) return null;
  return { filter: text.slice(1), from: $from.start(), to: $from.end() };
}

/** The empty top-level paragraph holding the cursor (where the `+` button is shown), or null. */
export function emptyParagraphAt(editor: Editor): { pos: number } | null {
  const { $from, empty } = editor.state.selection;
  if (!empty || $from.depth !== 1 || $from.parent.type.name !== 'paragraph' || $from.parent.content.size)
    return null;
  return { pos: $from.before() };
}
