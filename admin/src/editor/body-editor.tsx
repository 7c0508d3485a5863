// The body editor: TipTap with only the node and mark types the server accepts, a toolbar, the `/`
// menu and `+` button for blocks, a link form, figures and galleries from the media library, images
// dropped or pasted straight in (uploaded with progress), and a word count.
import { Editor, Extension, type JSONContent } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EditorJson } from '../api.js';
import { FigureDetailsDialog } from '../components/figure-details.js';
import { MediaPicker } from '../components/media-picker.js';
import { t } from '../i18n.js';
import { useBlockMenu } from './block-menu.js';
import type { BlockHost } from './blocks.js';
import { toServerDocument } from './document.js';
import { Figure, type FigureAttrs } from './figure.js';
import { imageDrop, type ImageFilesHandler } from './image-drop.js';
import { newsNodes } from './news-nodes.js';
import { Toolbar } from './toolbar.js';
import { UploadList, useImageUploads } from './uploads.js';
import { WordCount } from './word-count.js';

export function createExtensions(
  onFiles: { current: ImageFilesHandler },
  onLinkKey: { current: () => void },
) {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3, 4] },
      strike: false,
      underline: false,
      // The server keeps only `href`; links open as ordinary links on the site.
      link: { openOnClick: false, autolink: true, HTMLAttributes: { target: null, rel: null } },
    }),
    Figure,
    ...newsNodes,
    imageDrop(onFiles),
    Extension.create({
      name: 'linkShortcut',
      addKeyboardShortcuts: () => ({
        'Mod-k': () => {
          onLinkKey.current();
          return true;
        },
      }),
    }),
  ];
}

type PickerMode = { kind: 'figure'; initial?: FigureAttrs } | { kind: 'gallery' } | null;

export function BodyEditor(props: {
  labelId: string;
  initial: EditorJson | null;
  onChange: (doc: EditorJson) => void;
  disabled?: boolean;
}) {
  const host = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Editor>();
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  const [, setTick] = useState(0);
  const [linkHref, setLinkHref] = useState<string | null>(null);
  const [picker, setPicker] = useState<PickerMode>(null);
  const editor = editorRef.current;
  const uploads = useImageUploads(editor);
  const onFiles = useRef<ImageFilesHandler>(uploads.start);
  onFiles.current = uploads.start;
  const openLink = () => {
    const current = editorRef.current;
    if (current) setLinkHref(String(current.getAttributes('link').href ?? ''));
  };
  const onLinkKey = useRef(openLink);
  const blockHost: BlockHost = {
    pickImage: () =>
      setPicker({
        kind: 'figure',
        initial: editor?.isActive('figure') ? (editor.getAttributes('figure') as FigureAttrs) : undefined,
      }),
    pickGalleryImage: () => setPicker({ kind: 'gallery' }),
  };
  const blockMenu = useBlockMenu(editor, blockHost, frame);
  const menuControl = useRef(blockMenu.control);
  menuControl.current = blockMenu.control;

  useEffect(() => {
    const created = new Editor({
      element: host.current!,
      extensions: createExtensions(onFiles, onLinkKey),
      content: props.initial && props.initial.content.length ? (props.initial as JSONContent) : undefined,
      editable: !props.disabled,
      // The CSP allows no inline <style>: the editor's few base rules are in styles.css.
      injectCSS: false,
      editorProps: {
        attributes: {
          id: 'body-editor',
          class: 'prose editor-body',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': props.labelId,
          'aria-describedby': 'body-editor-hint',
        },
        handleKeyDown: (_view, event) => menuControl.current.onEditorKey(event),
      },
      onUpdate: ({ editor: changed }) => onChange.current(toServerDocument(changed.getJSON())),
      onTransaction: () => {
        setTick((n) => n + 1);
        menuControl.current.onTransaction();
      },
    });
    editorRef.current = created;
    setTick((n) => n + 1);
    return () => created.destroy();
  }, []);

  const chain = () => editor!.chain().focus();
  const applyLink = (event: Event) => {
    event.preventDefault();
    const href = (linkHref ?? '').trim();
    if (href) chain().extendMarkRange('link').setLink({ href }).run();
    else chain().extendMarkRange('link').unsetLink().run();
    setLinkHref(null);
  };
  const figureInitial = picker?.kind === 'figure' ? picker.initial : undefined;

  return (
    <div class="body-editor" ref={frame}>
      {editor ? (
        <Toolbar
          editor={editor}
          controls="body-editor"
          disabled={props.disabled}
          actions={{ openLink, pickImage: blockHost.pickImage, pickGalleryImage: blockHost.pickGalleryImage }}
        />
      ) : null}
      {linkHref !== null ? (
        <form class="link-form" onSubmit={applyLink}>
          <label for="link-href">{t('linkAddress')}</label>
          <input
            id="link-href"
            type="url"
            value={linkHref}
            ref={(input) => input?.focus()}
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
      <UploadList uploads={uploads.list} onDismiss={uploads.dismiss} />
      <p id="body-editor-hint" class="visually-hidden">
        {t('bodyHint')}
      </p>
      <div ref={host} />
      {blockMenu.view}
      {editor ? <WordCount editor={editor} /> : null}
      <MediaPicker
        isOpen={picker !== null}
        idPrefix="body-image"
        title={
          picker?.kind === 'gallery' ? t('addToGallery') : figureInitial ? t('editImage') : t('insertImage')
        }
        withDetails
        initial={
          figureInitial ? { ...figureInitial, mediaId: figureInitial.src.replace(/^media:/, '') } : undefined
        }
        onClose={() => setPicker(null)}
        onChoose={({ media, alt, caption, credit }) => {
          const attrs = { src: `media:${media.id}`, alt, caption, credit };
          if (picker?.kind === 'gallery') {
            const images = editor!.isActive('gallery')
              ? (editor!.getAttributes('gallery').images as FigureAttrs[])
              : null;
            if (images)
              chain()
                .updateAttributes('gallery', { images: [...images, attrs] })
                .run();
            else chain().insertGallery([attrs]).run();
          } else if (figureInitial) chain().updateAttributes('figure', attrs).run();
          else chain().insertFigure(attrs).run();
          setPicker(null);
        }}
      />
      <FigureDetailsDialog
        media={uploads.describing}
        idPrefix="dropped-image"
        onSave={uploads.describe}
        onClose={uploads.stopDescribing}
      />
    </div>
  );
}
