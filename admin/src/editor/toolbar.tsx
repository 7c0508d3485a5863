// The body editor's toolbar: labelled icon buttons whose tooltips name their keyboard shortcut; one tab
// stop, arrow keys, Home and End move between the buttons. Table tools appear inside a table.
import type { Editor } from '@tiptap/core';
import { useState } from 'preact/hooks';
import { t, type Key } from '../i18n.js';
import { Icon, type IconName } from './icons.js';
import { tableCommands } from './news-nodes.js';

interface ToolButton {
  label: string;
  icon: IconName;
  /** In TipTap's notation: `Mod-b`, `Mod-Alt-2`. */
  shortcut?: string;
  isActive?: () => boolean;
  run: () => void;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** `Mod-Shift-z` → `Ctrl+Shift+Z` (or `⌘+Shift+Z` on a Mac), for tooltips. */
export function shortcutText(shortcut: string): string {
  return shortcut
    .split('-')
    .map((part) => (part === 'Mod' ? (isMac ? '⌘' : 'Ctrl') : part.length === 1 ? part.toUpperCase() : part))
    .join('+');
}

/** The same shortcut for aria-keyshortcuts: `Control+Shift+Z`. */
const ariaShortcut = (shortcut: string) =>
  shortcut
    .split('-')
    .map((part) =>
      part === 'Mod' ? (isMac ? 'Meta' : 'Control') : part.length === 1 ? part.toUpperCase() : part,
    )
    .join('+');

export interface ToolbarActions {
  openLink: () => void;
  pickImage: () => void;
  pickGalleryImage: () => void;
}

function tableTools(editor: Editor): ToolButton[] {
  const run = (command: (typeof tableCommands)[keyof typeof tableCommands]) => () => {
    command(editor.state, editor.view.dispatch);
    editor.commands.focus();
  };
  const tool = (label: Key, icon: IconName, command: Parameters<typeof run>[0]): ToolButton => ({
    label: t(label),
    icon,
    run: run(command),
  });
  return [
    tool('addRow', 'rowAdd', tableCommands.addRowAfter),
    tool('addColumn', 'columnAdd', tableCommands.addColumnAfter),
    tool('deleteRow', 'rowRemove', tableCommands.deleteRow),
    tool('deleteColumn', 'columnRemove', tableCommands.deleteColumn),
    tool('deleteTable', 'tableRemove', tableCommands.deleteTable),
  ];
}

function toolsFor(editor: Editor, actions: ToolbarActions): ToolButton[] {
  const chain = () => editor.chain().focus();
  const active = (name: string, attrs?: Record<string, unknown>) => () => editor.isActive(name, attrs);
  return [
    {
      label: t('heading2'),
      icon: 'heading2',
      shortcut: 'Mod-Alt-2',
      isActive: active('heading', { level: 2 }),
      run: () => chain().toggleHeading({ level: 2 }).run(),
    },
    {
      label: t('heading3'),
      icon: 'heading3',
      shortcut: 'Mod-Alt-3',
      isActive: active('heading', { level: 3 }),
      run: () => chain().toggleHeading({ level: 3 }).run(),
    },
    {
      label: t('bold'),
      icon: 'bold',
      shortcut: 'Mod-b',
      isActive: active('bold'),
      run: () => chain().toggleBold().run(),
    },
    {
      label: t('italic'),
      icon: 'italic',
      shortcut: 'Mod-i',
      isActive: active('italic'),
      run: () => chain().toggleItalic().run(),
    },
    { label: t('link'), icon: 'link', shortcut: 'Mod-k', isActive: active('link'), run: actions.openLink },
    {
      label: t('bulletList'),
      icon: 'bulletList',
      shortcut: 'Mod-Shift-8',
      isActive: active('bulletList'),
      run: () => chain().toggleBulletList().run(),
    },
    {
      label: t('orderedList'),
      icon: 'orderedList',
      shortcut: 'Mod-Shift-7',
      isActive: active('orderedList'),
      run: () => chain().toggleOrderedList().run(),
    },
    {
      label: t('quote'),
      icon: 'quote',
      shortcut: 'Mod-Shift-b',
      isActive: active('blockquote'),
      run: () => chain().toggleBlockquote().run(),
    },
    {
      label: t('pullQuote'),
      icon: 'pullQuote',
      isActive: active('pullQuote'),
      run: () => (editor.isActive('pullQuote') ? chain().setParagraph().run() : chain().setPullQuote().run()),
    },
    { label: t('horizontalRule'), icon: 'divider', run: () => chain().setHorizontalRule().run() },
    {
      label: editor.isActive('figure') ? t('editImage') : t('insertImage'),
      icon: 'image',
      run: actions.pickImage,
    },
    {
      label: editor.isActive('gallery') ? t('addToGallery') : t('gallery'),
      icon: 'gallery',
      run: actions.pickGalleryImage,
    },
    { label: t('table'), icon: 'table', run: () => chain().insertTable(3, 3).run() },
    ...(editor.isActive('table') ? tableTools(editor) : []),
    { label: t('undo'), icon: 'undo', shortcut: 'Mod-z', run: () => chain().undo().run() },
    { label: t('redo'), icon: 'redo', shortcut: 'Mod-Shift-z', run: () => chain().redo().run() },
  ];
}

const moves: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (i) => i + 1,
  ArrowLeft: (i) => i - 1,
  Home: () => 0,
  End: (_i, count) => count - 1,
};

export function Toolbar(props: {
  editor: Editor;
  controls: string;
  disabled?: boolean;
  actions: ToolbarActions;
}) {
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = toolsFor(props.editor, props.actions);
  const onKey = (event: KeyboardEvent) => {
    const items = [...(event.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('button')];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    const move = moves[event.key];
    if (!move || index === -1) return;
    event.preventDefault();
    items[(move(index, items.length) + items.length) % items.length]?.focus();
  };
  return (
    <div
      role="toolbar"
      aria-label={t('formatting')}
      aria-controls={props.controls}
      class="toolbar"
      onKeyDown={onKey}
    >
      {buttons.map((b, i) => (
        <button
          key={b.label}
          type="button"
          class="tool"
          title={b.shortcut ? `${b.label} (${shortcutText(b.shortcut)})` : b.label}
          aria-keyshortcuts={b.shortcut ? ariaShortcut(b.shortcut) : undefined}
          tabIndex={i === Math.min(focusIndex, buttons.length - 1) ? 0 : -1}
          disabled={props.disabled}
          aria-pressed={b.isActive ? (b.isActive() ? 'true' : 'false') : undefined}
          onFocus={() => setFocusIndex(i)}
          // Keeps the focus and the selection in the text while clicking a tool.
          onMouseDown={(e) => e.preventDefault()}
          onClick={b.run}
        >
          <Icon name={b.icon} />
          <span class="visually-hidden">{b.label}</span>
        </button>
      ))}
    </div>
  );
}
