// Images dropped or pasted straight into the body: the files are handed to the body editor, which
// uploads them (POST /admin/api/media) and places each as a figure where it was dropped.
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';

export type ImageFilesHandler = (files: File[], pos: number) => void;

const imagesIn = (list: FileList | null | undefined): File[] =>
  [...(list ?? [])].filter((file) => file.type.startsWith('image/'));

/** The handler is read through a ref at each drop (TipTap copies options, so a ref cannot be one). */
export const imageDrop = (onFiles: { current: ImageFilesHandler }) =>
  Extension.create({
    name: 'imageDrop',
    addProseMirrorPlugins() {
      return [
        new Plugin({
          key: new PluginKey('imageDrop'),
          props: {
            handleDrop: (view, event, _slice, moved) => {
              const files = imagesIn(event.dataTransfer?.files);
              if (moved || files.length === 0) return false;
              event.preventDefault();
              const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
              onFiles.current(files, at?.pos ?? view.state.selection.from);
              return true;
            },
            handlePaste: (view, event) => {
              const files = imagesIn(event.clipboardData?.files);
              if (files.length === 0) return false;
              event.preventDefault();
              onFiles.current(files, view.state.selection.from);
              return true;
            },
          },
        }),
      ];
    },
  });
