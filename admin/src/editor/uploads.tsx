// Images dropped or pasted into the body: each uploads with a progress bar, then becomes a figure at
// the place it was dropped, and the writer is asked for its alt text, caption and credit.
import type { Editor } from '@tiptap/core';
import { useRef, useState } from 'preact/hooks';
import { api, type Media } from '../api.js';
import type { ImageDetails } from '../components/media-defaults.js';
import { t } from '../i18n.js';
import { errorsOf } from '../ui.js';
import { rememberMedia } from './figure.js';

export interface Upload {
  key: number;
  name: string;
  progress: number;
  error?: string;
}

export function useImageUploads(editor: Editor | undefined) {
  const [list, setList] = useState<Upload[]>([]);
  const [queue, setQueue] = useState<Media[]>([]);
  const nextKey = useRef(0);
  const update = (key: number, change: Partial<Upload> | null) =>
    setList((all) =>
      change === null
        ? all.filter((u) => u.key !== key)
        : all.map((u) => (u.key === key ? { ...u, ...change } : u)),
    );

  const uploadOne = async (file: File, pos: number) => {
    const key = nextKey.current++;
    setList((all) => [...all, { key, name: file.name, progress: 0 }]);
    try {
      const { media } = await api.uploadWithProgress(file, (progress) => update(key, { progress }));
      rememberMedia(media);
      const attrs = {
        src: `media:${media.id}`,
        alt: media.alt,
        caption: media.caption,
        credit: media.credit,
      };
      editor
        ?.chain()
        .insertContentAt(Math.min(pos, editor.state.doc.content.size), { type: 'figure', attrs })
        .run();
      update(key, null);
      setQueue((q) => [...q, media]);
    } catch (error) {
      update(key, {
        error: errorsOf(error)
          .map((e) => e.message)
          .join('; '),
      });
    }
  };

  return {
    list,
    start: (files: File[], pos: number) => {
      for (const file of files) void uploadOne(file, pos);
    },
    describing: queue[0] ?? null,
    describe: (media: Media, details: ImageDetails) => {
      const src = `media:${media.id}`;
      if (editor) {
        const { tr } = editor.state;
        editor.state.doc.descendants((node, pos) => {
          if (node.type.name === 'figure' && node.attrs.src === src)
            tr.setNodeMarkup(pos, undefined, { ...node.attrs, ...details });
        });
        editor.view.dispatch(tr);
      }
      setQueue((q) => q.slice(1));
    },
    stopDescribing: () => setQueue((q) => q.slice(1)),
    dismiss: (key: number) => update(key, null),
  };
}

export function UploadList({ uploads, onDismiss }: { uploads: Upload[]; onDismiss: (key: number) => void }) {
  if (uploads.length === 0) return null;
  return (
    <ul class="uploads" aria-label={t('uploads')}>
      {uploads.map((u) => (
        <li key={u.key}>
          <span>
            {u.error
              ? t('uploadFailed', { name: u.name, error: u.error })
              : t('uploadingImage', { name: u.name })}
          </span>
          {u.error ? (
            <button type="button" class="button small-button" onClick={() => onDismiss(u.key)}>
              {t('close')}
            </button>
          ) : (
            <progress max={1} value={u.progress} aria-label={t('uploadProgressOf', { name: u.name })} />
          )}
        </li>
      ))}
    </ul>
  );
}
