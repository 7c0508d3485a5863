// Side panels of the post editor: the feature image (with its own dialog), the authors, and the
// search and social fields.
import { useState } from 'preact/hooks';
import type { FeaturedImage, Post, Staff } from '../api.js';
import { rememberMedia } from '../editor/figure.js';
import { t } from '../i18n.js';
import type { Draft } from '../screens/post-draft.js';
import { seoFields } from '../screens/post-draft.js';
import { Button, Checkbox, TextArea, TextField, type Errors } from '../ui.js';
import { MediaPicker } from './media-picker.js';
import { FeaturePreview } from './post-panels.js';

type SetDraft = (change: Partial<Draft>) => void;

/** The feature image's texts, each with its label, in the order they are shown. */
const imageTexts = [
  ['alt', 'altText'],
  ['caption', 'caption'],
  ['credit', 'credit'],
] as const;

export function FeatureImagePanel(props: {
  image: FeaturedImage | null;
  disabled: boolean;
  errors: Errors;
  onChange: (image: FeaturedImage | null) => void;
}) {
  const { image, onChange } = props;
  const [isPicking, setPicking] = useState(false);
  const set = (change: Partial<FeaturedImage>) => onChange({ ...image!, ...change });
  return (
    <fieldset class="panel" disabled={props.disabled}>
      <legend>{t('featureImage')}</legend>
      {image ? (
        <>
          <FeaturePreview image={image} />
          {imageTexts.map(([field, label]) => (
            <TextField
              key={field}
              name={`featuredImage.${field}`}
              label={t(label)}
              value={image[field] ?? ''}
              onValue={(value) => set({ [field]: value })}
              errors={props.errors}
            />
          ))}
        </>
      ) : (
        <p class="muted">{t('noFeatureImage')}</p>
      )}
      <div class="actions">
        <Button onClick={() => setPicking(true)}>{image ? t('changeImage') : t('chooseImage')}</Button>
        {image ? <Button onClick={() => onChange(null)}>{t('removeImage')}</Button> : null}
      </div>
      <MediaPicker
        isOpen={isPicking}
        idPrefix="feature-image"
        title={t('featureImage')}
        withDetails
        initial={
          image
            ? {
                mediaId: image.mediaId,
                alt: image.alt ?? '',
                caption: image.caption ?? '',
                credit: image.credit ?? '',
              }
            : undefined
        }
        onClose={() => setPicking(false)}
        onChoose={({ media, alt, caption, credit }) => {
          rememberMedia(media);
          onChange({ mediaId: media.id, url: media.url, alt, caption, credit });
          setPicking(false);
        }}
      />
    </fieldset>
  );
}

export function AuthorsPanel(props: {
  post: Post | undefined;
  staff: Staff[];
  selected: string[];
  disabled: boolean;
  onChange: (ids: string[]) => void;
}) {
  const people = [
    ...new Map([...(props.post?.authors ?? []), ...props.staff].map((s) => [s.id, s])).values(),
  ];
  return (
    <fieldset class="panel checklist" disabled={props.disabled}>
      <legend>{t('authors')}</legend>
      {people.map((s) => (
        <Checkbox
          key={s.id}
          name={`author-${s.id}`}
          label={s.name}
          checked={props.selected.includes(s.id)}
          onValue={(on) =>
            props.onChange(on ? [...props.selected, s.id] : props.selected.filter((a) => a !== s.id))
          }
        />
      ))}
    </fieldset>
  );
}

export function SeoPanel(props: { draft: Draft; disabled: boolean; errors: Errors; setDraft: SetDraft }) {
  const { draft, errors, setDraft } = props;
  // A problem in one of these fields opens the section, so it is seen beside its field.
  const hasProblem = errors.some(
    (e) => e.property === 'canonicalUrl' || seoFields.some(([f]) => f === e.property),
  );
  return (
    <details class="panel" open={hasProblem || undefined}>
      <summary>{t('seoAndSocial')}</summary>
      <fieldset disabled={props.disabled}>
        <legend class="visually-hidden">{t('seoAndSocial')}</legend>
        <TextField
          name="canonicalUrl"
          type="url"
          label={t('canonicalUrl')}
          value={draft.canonicalUrl}
          onValue={(canonicalUrl) => setDraft({ canonicalUrl })}
          errors={errors}
        />
        {seoFields.map(([field, label]) =>
          field.endsWith('Description') ? (
            <TextArea
              key={field}
              name={field}
              label={t(label)}
              value={draft[field]}
              onValue={(value) => setDraft({ [field]: value })}
              errors={errors}
              rows={2}
            />
          ) : (
            <TextField
              key={field}
              name={field}
              label={t(label)}
              value={draft[field]}
              onValue={(value) => setDraft({ [field]: value })}
              errors={errors}
            />
          ),
        )}
      </fieldset>
    </details>
  );
}
