// The block menu: typing `/` at the start of an empty paragraph opens it, filtered by what follows
// the slash (the focus stays in the text; arrow keys and Enter choose, Escape closes); the `+` button
// beside an empty paragraph opens the same menu with the focus in it.
import type { Editor } from '@tiptap/core';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n.js';
import {
  emptyParagraphAt,
  filterBlocks,
  slashCommandAt,
  type BlockChoice,
  type BlockHost,
} from './blocks.js';
import { Icon } from './icons.js';

interface MenuState {
  mode: 'slash' | 'plus';
  filter: string;
  index: number;
}

const menuId = 'block-menu';
const optionId = (choice: BlockChoice) => `block-option-${choice.id}`;

/** Where, inside the editor's frame, a document position is drawn. */
function placeOf(editor: Editor, pos: number, frame: HTMLElement | null): { top: number; left: number } {
  if (!frame) return { top: 0, left: 0 };
  const box = frame.getBoundingClientRect();
  const at = editor.view.coordsAtPos(Math.min(pos, editor.state.doc.content.size));
  return { top: at.bottom - box.top, left: Math.max(0, Math.min(at.left - box.left, box.width - 256)) };
}

export interface BlockMenuControl {
  /** For the editor's handleKeyDown: true when the menu took the key. */
  onEditorKey: (event: KeyboardEvent) => boolean;
  /** Called on every editor transaction. */
  onTransaction: () => void;
}

export function useBlockMenu(
  editor: Editor | undefined,
  host: BlockHost,
  frame: { current: HTMLElement | null },
) {
  const [menu, setMenu] = useState<MenuState | null>(null);
  const menuRef = useRef<MenuState | null>(null);
  menuRef.current = menu;
  /** The paragraph position where Escape closed the slash menu: it stays closed there. */
  const dismissedAt = useRef<number | null>(null);
  const choices = filterBlocks(menu?.mode === 'slash' ? menu.filter : '');

  const choose = (choice: BlockChoice | undefined) => {
    if (!editor || !choice) return;
    // Focus now, not on the next frame as the focus command does, so the keys typed at once after
    // choosing land in the new block rather than in the closing list.
    editor.view.focus();
    const slash = slashCommandAt(editor);
    if (menuRef.current?.mode === 'slash' && slash)
      editor.chain().focus().deleteRange({ from: slash.from, to: slash.to }).run();
    else editor.commands.focus();
    setMenu(null);
    choice.run(editor, host);
  };

  const move = (by: number) =>
    setMenu((m) => (m ? { ...m, index: (m.index + by + choices.length) % Math.max(1, choices.length) } : m));

  const onKey = (event: KeyboardEvent): boolean => {
    const current = menuRef.current;
    if (!current) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') move(event.key === 'ArrowDown' ? 1 : -1);
    else if (event.key === 'Enter') choose(choices[current.index]);
    else if (event.key === 'Escape') {
      if (current.mode === 'slash') dismissedAt.current = slashCommandAt(editor!)?.from ?? null;
      setMenu(null);
      editor?.commands.focus();
    } else return false;
    event.preventDefault();
    return true;
  };

  const control: BlockMenuControl = {
    onEditorKey: (event) => (menuRef.current?.mode === 'slash' ? onKey(event) : false),
    onTransaction: () => {
      if (!editor) return;
      const slash = slashCommandAt(editor);
      if (!slash) dismissedAt.current = null;
      const current = menuRef.current;
      if (slash && dismissedAt.current !== slash.from) {
        if (current?.mode !== 'slash' || current.filter !== slash.filter)
          setMenu({ mode: 'slash', filter: slash.filter, index: 0 });
      } else if (current?.mode === 'slash') setMenu(null);
    },
  };

  // The text box points at the option the arrow keys are on while the slash menu is open; set in
  // the commit that shows or removes the menu, so it never names an option that is gone.
  const active = menu ? choices[menu.index] : undefined;
  useLayoutEffect(() => {
    const dom = editor?.view.dom;
    if (!dom) return;
    if (menu?.mode === 'slash' && active) {
      dom.setAttribute('aria-controls', menuId);
      dom.setAttribute('aria-activedescendant', optionId(active));
    } else {
      dom.removeAttribute('aria-controls');
      dom.removeAttribute('aria-activedescendant');
    }
  }, [menu, active?.id]);

  const empty = editor && editor.isEditable ? emptyParagraphAt(editor) : null;
  const view = (
    <>
      {empty && !menu ? (
        <PlusButton
          place={placeOf(editor!, empty.pos + 1, frame.current)}
          onOpen={() => setMenu({ mode: 'plus', filter: '', index: 0 })}
        />
      ) : null}
      {menu && editor ? (
        <BlockList
          state={menu}
          choices={choices}
          place={placeOf(editor, editor.state.selection.from, frame.current)}
          onChoose={choose}
          onKey={onKey}
          onClose={() => setMenu(null)}
        />
      ) : null}
    </>
  );
  return { control, view };
}

function PlusButton(props: { place: { top: number; left: number }; onOpen: () => void }) {
  return (
    <button
      type="button"
      class="block-plus"
      aria-label={t('addBlock')}
      title={t('addBlockHint')}
      aria-haspopup="listbox"
      aria-expanded="false"
      style={{ top: `${props.place.top - 30}px` }}
      onMouseDown={(e) => e.preventDefault()}
      onClick={props.onOpen}
    >
      <Icon name="plus" />
    </button>
  );
}

function BlockList(props: {
  state: MenuState;
  choices: BlockChoice[];
  place: { top: number; left: number };
  onChoose: (choice: BlockChoice) => void;
  onKey: (event: KeyboardEvent) => boolean;
  onClose: () => void;
}) {
  const list = useRef<HTMLUListElement>(null);
  const isPlus = props.state.mode === 'plus';
  const active = props.choices[props.state.index];
  useEffect(() => {
    if (isPlus) list.current?.focus();
  }, [isPlus]);
  return (
    <div class="block-menu" style={{ top: `${props.place.top + 4}px`, left: `${props.place.left}px` }}>
      {props.choices.length === 0 ? <p class="block-menu-empty">{t('noBlocksMatch')}</p> : null}
      <ul
        ref={list}
        id={menuId}
        role="listbox"
        aria-label={t('blocks')}
        tabIndex={isPlus ? 0 : -1}
        aria-activedescendant={isPlus && active ? optionId(active) : undefined}
        onKeyDown={(e) => isPlus && props.onKey(e)}
        onBlur={() => isPlus && props.onClose()}
      >
        {props.choices.map((choice, i) => (
          <li
            key={choice.id}
            id={optionId(choice)}
            role="option"
            aria-selected={i === props.state.index ? 'true' : 'false'}
            class={i === props.state.index ? 'active' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => props.onChoose(choice)}
          >
            <Icon name={choice.icon} />
            <span>{t(choice.label)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
