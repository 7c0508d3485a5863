// The body editor: TipTap with only the node and mark types the server accepts, a toolbar (arrow keys
// move between its buttons), a link form and figures from the media library.
import { Editor, type JSONContent } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EditorJson } from '../api.js';
import { MediaPicker } from '../components/media-picker.js';
import { t } from '../i18n.js';
import { toServerDocument } from './document.js';
import { Figure, type FigureAttrs } from './figure.js';

export function createExtensions() {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3, 4] },
      strike: false,
      underline: false,
      // The server keeps only `href`; links open as ordinary links on the site.
      link: { openOnClick: false, autolink: true, HTMLAttributes: { target: null, rel: null } },
    }),
    Figure,
  ];
}

interface ToolButton {
  label: string;
  text: string;
  isActive?: () => boolean;
  run: () => void;
}

export function BodyEditor(props: {
  labelId: string;
  initial: EditorJson | null;
  onChange: (doc: EditorJson) => void;
  disabled?: boolean;
}) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Editor>();
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  const [, setTick] = useState(0);
  const [linkHref, setLinkHref] = useState<string | null>(null);
  const [picker, setPicker] = useState<{ isOpen: boolean; initial?: FigureAttrs }>({ isOpen: false });

  useEffect(() => {
    const editor = new Editor({
      element: host.current!,
      extensions: createExtensions(),
      content: props.initial && props.initial.content.length ? (props.initial as JSONContent) : undefined,
      editable: !props.disabled,
      // The CSP allows no inline <style>: the editor's few base rules are in styles.css.
      injectCSS: false,
      editorProps: {
        attributes: {
          class: 'prose editor-body',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': props.labelId,
        },
      },
      onUpdate: ({ editor }) => onChange.current(toServerDocument(editor.getJSON())),
      onTransaction: () => setTick((n) => n + 1),
    });
    editorRef.current = editor;
    setTick((n) => n + 1);
    return () => editor.destroy();
  }, []);

  const editor = editorRef.current;
  const chain = () => editor!.chain().focus();
  const figureSelected = editor?.isActive('figure') ?? false;

  const buttons: ToolButton[] = editor
    ? [
        {
          label: t('heading2'),
          text: 'H2',
          isActive: () => editor.isActive('heading', { level: 2 }),
          run: () => chain().toggleHeading({ level: 2 }).run(),
        },
        {
          label: t('heading3'),
          text: 'H3',
          isActive: () => editor.isActive('heading', { level: 3 }),
          run: () => chain().toggleHeading({ level: 3 }).run(),
        },
        {
          label: t('bold'),
          text: 'B',
          isActive: () => editor.isActive('bold'),
          run: () => chain().toggleBold().run(),
        },
        {
          label: t('italic'),
          text: 'I',
          isActive: () => editor.isActive('italic'),
          run: () => chain().toggleItalic().run(),
        },
        {
          label: t('link'),
          text: '🔗',
          isActive: () => editor.isActive('link'),
          run: () => setLinkHref(String(editor.getAttributes('link').href ?? '')),
        },
        {
          label: t('bulletList'),
          text: '•',
          isActive: () => editor.isActive('bulletList'),
          run: () => chain().toggleBulletList().run(),
        },
        {
          label: t('orderedList'),
          text: '1.',
          isActive: () => editor.isActive('orderedList'),
          run: () => chain().toggleOrderedList().run(),
        },
        {
          label: t('quote'),
          text: '❝',
          isActive: () => editor.isActive('blockquote'),
          run: () => chain().toggleBlockquote().run(),
        },
        { label: t('horizontalRule'), text: '―', run: () => chain().setHorizontalRule().run() },
        {
          label: figureSelected ? t('editImage') : t('insertImage'),
          text: '🖼',
          run: () =>
            setPicker({
              isOpen: true,
              initial: figureSelected ? (editor.getAttributes('figure') as FigureAttrs) : undefined,
            }),
        },
        { label: t('undo'), text: '↶', run: () => chain().undo().run() },
        { label: t('redo'), text: '↷', run: () => chain().redo().run() },
      ]
    : [];

  // A toolbar is one tab stop; arrow keys, Home and End move between its buttons.
  const onToolbarKey = (event: KeyboardEvent) => {
    const items = [...(event.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('button')];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      event.key === 'ArrowRight'
        ? index + 1
        : event.key === 'ArrowLeft'
          ? index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? items.length - 1
              : null;
    if (next === null || index === -1) return;
    event.preventDefault();
    items[(next + items.length) % items.length]?.focus();
  };
  const [focusIndex, setFocusIndex] = useState(0);

  const applyLink = (event: Event) => {
    event.preventDefault();
    const href = (linkHref ?? '').trim();
    if (href) chain().extendMarkRange('link').setLink({ href }).run();
    else chain().extendMarkRange('link').unsetLink().run();
    setLinkHref(null);
  };

  return (
    <div class="body-editor">
      <div
        role="toolbar"
        aria-label={t('formatting')}
        aria-controls="body-editor"
        class="toolbar"
        onKeyDown={onToolbarKey}
      >
        {buttons.map((b, i) => (
          <button
            key={b.label}
            type="button"
            class="tool"
            title={b.label}
            tabIndex={i === focusIndex ? 0 : -1}
            disabled={props.disabled}
            aria-pressed={b.isActive ? (b.isActive() ? 'true' : 'false') : undefined}
            onFocus={() => setFocusIndex(i)}
            // Keeps the focus and the selection in the text while clicking a tool.
            onMouseDown={(e) => e.preventDefault()}
            onClick={b.run}
          >
            <span aria-hidden="true">{b.text}</span>
            <span class="visually-hidden">{b.label}</span>
          </button>
        ))}
      </div>
      {linkHref !== null ? (
        <form class="link-form" onSubmit={applyLink}>
          <label for="link-href">{t('linkAddress')}</label>
          <input
            id="link-href"
            type="url"
            value={linkHref}
            onInput={(e) => setLinkHref(e.currentTarget.value)}
          />
          <button type="submit" class="button">
            {t('apply')}
          </button>
          <button type="button" class="button" onClick={() => setLinkHref(null)}>
            {t('cancel')}
          </button>
        </form>
      ) : null}
      <div id="body-editor" ref={host} />
      <MediaPicker
        isOpen={picker.isOpen}
        title={picker.initial ? t('editImage') : t('insertImage')}
        withDetails
        initial={
          picker.initial
            ? { ...picker.initial, mediaId: picker.initial.src.replace(/^media:/, '') }
            : undefined
        }
        onClose={() => setPicker({ isOpen: false })}
        onChoose={({ media, alt, caption, credit }) => {
          const attrs = { src: `media:${media.id}`, alt, caption, credit };
          if (picker.initial) chain().updateAttributes('figure', attrs).run();
          else chain().insertFigure(attrs).run();
          setPicker({ isOpen: false });
        }}
      />
    </div>
  );
}
