// A modal dialog to pick an image from the media library, or upload one, and give it alt text,
// caption and credit. Used by the body editor (figures), the feature image, settings and promotions.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { api, type Media, type Meta } from '../api.js';
import { rememberMedia } from '../editor/figure.js';
import { t } from '../i18n.js';
import { rememberDetails } from './media-defaults.js';
import { ErrorSummary, errorsOf, Loading, Pager, TextField, useLoad, type Errors } from '../ui.js';

export interface PickedImage {
  media: Media;
  alt: string;
  caption: string;
  credit: string;
}

export function MediaPicker(props: {
  isOpen: boolean;
  title: string;
  /** Makes the dialog's ids its own (two pickers on one screen must not share ids). */
  idPrefix?: string;
  /** Ask for alt text, caption and credit before choosing (figures and feature images). */
  withDetails?: boolean;
  initial?: { mediaId?: string; alt?: string; caption?: string; credit?: string };
  onChoose: (picked: PickedImage) => void;
  onClose: () => void;
}) {
  const generatedId = useId();
  const prefix = props.idPrefix ?? `picker-${generatedId.replace(/[^A-Za-z0-9_-]/g, '')}`;
  const dialog = useRef<HTMLDialogElement>(null);
  const [page, setPage] = useState(1);
  const [chosen, setChosen] = useState<Media>();
  const [alt, setAlt] = useState('');
  const [caption, setCaption] = useState('');
  const [credit, setCredit] = useState('');
  const [errors, setErrors] = useState<Errors>([]);
  const list = useLoad(
    () =>
      props.isOpen
        ? api.get<{ media: Media[]; meta: Meta }>('/media', { page, limit: 24 })
        : Promise.resolve(undefined),
    [props.isOpen, page],
  );

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (props.isOpen && !element.open) {
      setChosen(undefined);
      setAlt(props.initial?.alt ?? '');
      setCaption(props.initial?.caption ?? '');
      setCredit(props.initial?.credit ?? '');
      setErrors([]);
      element.showModal();
    } else if (!props.isOpen && element.open) element.close();
  }, [props.isOpen]);

  useEffect(() => {
    for (const media of list.data?.media ?? []) rememberMedia(media);
    const initialId = props.initial?.mediaId;
    if (initialId && !chosen) {
      const found = list.data?.media.find((m) => m.id === initialId);
      if (found) setChosen(found);
    }
  }, [list.data]);

  const choose = (media: Media) => {
    setChosen(media);
    if (!alt) setAlt(media.alt);
    if (!caption) setCaption(media.caption);
    if (!credit) setCredit(media.credit);
    if (!props.withDetails)
      props.onChoose({ media, alt: media.alt, caption: media.caption, credit: media.credit });
  };

  const upload = async (files: FileList | null) => {
    if (!files?.length) return;
    setErrors([]);
    try {
      const { media } = await api.upload(files[0]!);
      rememberMedia(media);
      await list.reload();
      choose(media);
    } catch (error) {
      setErrors(errorsOf(error));
    }
  };

  return (
    <dialog ref={dialog} class="picker" aria-labelledby={`${prefix}-title`} onClose={props.onClose}>
      <div class="picker-head">
        <h2 id={`${prefix}-title`}>{props.title}</h2>
        <button type="button" class="button plain" aria-label={t('close')} onClick={props.onClose}>
          ×
        </button>
      </div>
      <ErrorSummary errors={[...errors, ...list.errors]} />
      <div class="field">
        <label for={`${prefix}-upload`}>{t('uploadImage')}</label>
        <input
          id={`${prefix}-upload`}
          type="file"
          accept="image/jpeg,image/png,image/webp,image/avif,image/gif,image/tiff"
          onChange={(e) => void upload(e.currentTarget.files)}
        />
      </div>
      <Loading isLoading={list.isLoading} />
      <ul class="picker-grid" aria-label={t('mediaLibrary')}>
        {list.data?.media.map((media) => (
          <li key={media.id}>
            <button
              type="button"
              class={`picker-item${chosen?.id === media.id ? ' chosen' : ''}`}
              aria-pressed={chosen?.id === media.id ? 'true' : 'false'}
              onClick={() => choose(media)}
            >
              <img src={media.url} alt="" loading="lazy" />
              <span class="picker-name">{media.alt || media.originalName}</span>
            </button>
          </li>
        ))}
      </ul>
      <Pager meta={list.data?.meta} onPage={setPage} />
      {props.withDetails && chosen ? (
        <form
          class="form"
          onSubmit={(e) => {
            e.preventDefault();
            void rememberDetails(chosen, { alt, caption, credit });
            props.onChoose({ media: chosen, alt, caption, credit });
          }}
        >
          <TextField
            name={`${prefix}-alt`}
            label={t('altText')}
            hint={t('altHint')}
            value={alt}
            onValue={setAlt}
          />
          <TextField name={`${prefix}-caption`} label={t('caption')} value={caption} onValue={setCaption} />
          <TextField name={`${prefix}-credit`} label={t('credit')} value={credit} onValue={setCredit} />
          <div class="actions">
            <button type="submit" class="button primary">
              {t('useImage')}
            </button>
            <button type="button" class="button" onClick={props.onClose}>
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
