// The dialog that asks for an image's alt text, caption and credit right after it was dropped or
// pasted into the body; what is given also becomes the library's defaults for that image.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Media } from '../api.js';
import { t } from '../i18n.js';
import { TextField } from '../ui.js';
import { rememberDetails, type ImageDetails } from './media-defaults.js';

export function FigureDetailsDialog(props: {
  media: Media | null;
  idPrefix: string;
  onSave: (media: Media, details: ImageDetails) => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [details, setDetails] = useState<ImageDetails>({ alt: '', caption: '', credit: '' });
  const { media, idPrefix: prefix } = props;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (media && !element.open) {
      setDetails({ alt: media.alt, caption: media.caption, credit: media.credit });
      element.showModal();
    } else if (!media && element.open) element.close();
  }, [media]);

  const set = (change: Partial<ImageDetails>) => setDetails((d) => ({ ...d, ...change }));
  return (
    <dialog
      ref={dialog}
      class="picker figure-details"
      aria-labelledby={`${prefix}-title`}
      onClose={props.onClose}
    >
      <div class="picker-head">
        <h2 id={`${prefix}-title`}>{t('describeImage')}</h2>
      </div>
      {media ? (
        <form
          class="form"
          onSubmit={(e) => {
            e.preventDefault();
            void rememberDetails(media, details);
            props.onSave(media, details);
          }}
        >
          <img class="feature-preview" src={media.url} alt="" />
          <TextField
            name={`${prefix}-alt`}
            label={t('altText')}
            hint={t('altHint')}
            value={details.alt}
            onValue={(alt) => set({ alt })}
          />
          <TextField
            name={`${prefix}-caption`}
            label={t('caption')}
            value={details.caption}
            onValue={(caption) => set({ caption })}
          />
          <TextField
            name={`${prefix}-credit`}
            label={t('credit')}
            value={details.credit}
            onValue={(credit) => set({ credit })}
          />
          <div class="actions">
            <button type="submit" class="button primary">
              {t('saveImageDetails')}
            </button>
            <button type="button" class="button" onClick={props.onClose}>
              {t('later')}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
